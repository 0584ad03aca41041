// ESLint flat config. `npm run lint` = `eslint . && tsc -p tsconfig.json --noEmit`: ESLint for
// code-level rules, tsc for types. typescript-eslint runs without type information on purpose
// (fast, no project service); the type checker already covers what the type-aware rules add.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Node globals for the plain-JS scripts (TypeScript files get them from @types/node, and
// typescript-eslint turns `no-undef` off for them). Listed here to avoid a `globals` dependency.
const nodeGlobals = Object.fromEntries(
  [
    'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'fetch', 'AbortController', 'AbortSignal',
    'TextEncoder', 'TextDecoder', 'performance', 'structuredClone', 'queueMicrotask',
    'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate',
  ].map((name) => [name, 'readonly']),
);

const typescriptFiles = ['packages/*/src/**/*.{ts,tsx}', 'bench/**/*.ts'];
const scriptFiles = ['scripts/**/*.{js,mjs}', '*.{js,mjs}'];

// Programs whose job is to write to the terminal.
const consoleAllowed = [
  'scripts/**',
  'bench/**',
  'packages/server/src/main.ts',
  'packages/server/src/cli/**',
];

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/coverage/',
    'data/',
    'bench/out/',
    'test-results/',
    'packages/portal/build/',
    '**/*.d.ts',
  ]),
  {
    files: [...typescriptFiles, ...scriptFiles],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // `x == null` (null or undefined) is the one loose comparison we allow.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'error',
    },
  },
  {
    files: scriptFiles,
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: consoleAllowed,
    rules: { 'no-console': 'off' },
  },
]);
