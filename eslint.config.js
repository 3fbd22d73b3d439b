import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-cli/', 'node_modules/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine stays deterministic and DOM-free: no Math.random, no window, document or GPU.
    files: ['src/core/**', 'src/data/**', 'src/io/**'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use a seeded generator from core/rng.' }],
    },
  },
);
