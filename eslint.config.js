import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'test-results/', 'playwright-report/', 'bench/out/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/electronApp.ts may import electron.' }] }],
    },
  },
  { files: ['electron/electronApp.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' }, languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } } },
  {
    // The renderer reaches the service only through the api contract (renderer/api/client.ts).
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/db/**', '**/electron/**', 'node:*'], message: 'The renderer only talks to the service through shared/api.ts.' }] }],
    },
  },
);
