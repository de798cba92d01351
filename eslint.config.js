import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Layering (ARCHITECTURE.md), enforced as VS Code's code-layering rules do, so that each bundle
// holds only what its process may run: shared/ is pure (the renderer bundles it, and the engine
// must stay free of I/O), db/ is the store under the service, the service does not reach into the
// CLI, and only the Electron shell's two entry files know Electron. Tests are exempt: they
// assemble fixtures across layers (e.g. the demo extract writer) and are never bundled.
const NODE_BUILTINS = ['node:*', ...builtinModules.flatMap((m) => [m, `${m}/*`])];
const ELECTRON = { name: 'electron', message: 'Only electron/electronApp.ts and electron/preload.ts may import electron.' };

/** no-restricted-imports with the Electron rule, plus `groups`: [patterns, why]. */
function layer(...groups) {
  return ['error', { paths: [ELECTRON], patterns: groups.map(([group, message]) => ({ group, message })) }];
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-results/', 'playwright-report/', 'bench/out/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': layer(),
    },
  },
  { files: ['electron/electronApp.ts', 'electron/preload.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', Buffer: 'readonly', Request: 'readonly', setImmediate: 'readonly' } },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': layer(
        [['**/db', '**/db/**', '**/electron', '**/electron/**', '**/renderer', '**/renderer/**'], 'shared/ is imported by every layer and imports none of them.'],
        [NODE_BUILTINS, 'shared/ is pure (the renderer bundles it): no Node built-ins; the I/O belongs in db/ or electron/.'],
        [['react', 'react/*', 'react-dom', 'react-dom/*'], 'shared/ holds no UI: React belongs in renderer/.'],
      ),
    },
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': layer([['**/electron', '**/electron/**', '**/renderer', '**/renderer/**'], 'db/ is the store under the service: it imports nothing of electron/ or renderer/.']) },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['**/*.test.ts', 'electron/electronApp.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': layer([['**/renderer', '**/renderer/**'], 'The main process reaches the renderer only through shared/api.ts.']) },
  },
  {
    files: ['electron/service/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': layer(
        [['**/renderer', '**/renderer/**'], 'The main process reaches the renderer only through shared/api.ts.'],
        [['**/cli', '**/cli/**'], 'The service is used by the CLI, not the other way round: shared writers live in electron/exports/.'],
      ),
    },
  },
  {
    // The renderer reaches the service only through the api contract (renderer/api/client.ts).
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': layer(
        [['**/db', '**/db/**', '**/electron', '**/electron/**'], 'The renderer only talks to the service through shared/api.ts.'],
        [NODE_BUILTINS, 'The renderer is sandboxed: it has no Node.'],
      ),
    },
  },
);
