// Layers are enforced here, not remembered (docs/architecture.md draws them): src/shared is pure
// (no Node, DOM or Electron), src/core has no Electron and no DOM, src/renderer has no Node,
// src/cli and src/main are two shells around the core that never import each other, and the
// preload sees only src/shared.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'http',
  'url',
  'util',
];
const nodeImports = NODE_BUILTINS.map((name) => ({
  group: [name],
  message: 'This layer must not use Node.',
}));
const electron = { group: ['electron'], message: 'Only src/main and src/preload may use Electron.' };
const nativeModules = [
  'better-sqlite3',
  'sharp',
  '@napi-rs/canvas',
  'tesseract.js',
  'pdfjs-dist',
  'pdfjs-dist/*',
].map((name) => ({ group: [name], message: 'This layer must stay free of native and Node-only packages.' }));
// Relative paths only: a package such as @blueprintjs/core is no layer of ours.
const upward = (layer) => ({
  group: [`../**/${layer}/**`, `./**/${layer}/**`, `../${layer}/*`],
  message: `Do not import from src/${layer} here.`,
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'coverage/**',
      '.tmp/**',
      'scratch/**',
      'docs/decisions/011-ui-library/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeImports,
            electron,
            ...nativeModules,
            upward('core'),
            upward('main'),
            upward('renderer'),
            upward('cli'),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    // SQL lives in the archive's table modules and migration files: everything else calls them.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/core/archive/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]',
          message: 'SQL belongs in a table module under src/core/archive/.',
        },
        {
          selector: "CallExpression[callee.property.name='exec'][callee.object.property.name='db']",
          message: 'SQL belongs in a table module under src/core/archive/.',
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [electron, upward('main'), upward('renderer'), upward('cli'), upward('preload')] },
      ],
      'no-restricted-globals': ['error', 'window', 'document'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeImports,
            electron,
            ...nativeModules,
            upward('core'),
            upward('main'),
            upward('cli'),
            upward('preload'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [electron, upward('main'), upward('renderer'), upward('preload')] },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [upward('cli'), upward('renderer'), upward('preload')] },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeImports,
            ...nativeModules,
            upward('core'),
            upward('main'),
            upward('cli'),
            upward('renderer'),
          ],
        },
      ],
    },
  },
);
