import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served by Electron (file://) and by `backfile serve`.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../../dist/renderer', emptyOutDir: true, sourcemap: true },
});
