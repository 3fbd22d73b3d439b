import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering: ui → train → cpu|gpu → core; data, lessons and challenges beside core (core only);
 * io reads and writes files and links, whose dataset names belong to data (core and data).
 * Each folder of src/ lists the folders it may import; every other folder is refused.
 */
const LAYERS = {
  core: [],
  cpu: ['core'],
  gpu: ['core'],
  data: ['core'],
  io: ['core', 'data'],
  lessons: ['core'],
  challenges: ['core'],
  train: ['core', 'cpu', 'gpu', 'data', 'io'],
  ui: ['core', 'data', 'io', 'lessons', 'challenges', 'train'],
  // The benchmark page and the command line drive the engines directly; bench borrows train's view planner.
  bench: ['core', 'cpu', 'gpu', 'data', 'train'],
  cli: ['core', 'cpu', 'gpu', 'data', 'io', 'bench'],
};

const layeringRules = Object.entries(LAYERS).map(([folder, allowed]) => {
  const refused = Object.keys(LAYERS).filter((other) => other !== folder && !allowed.includes(other));
  return {
    files: [`src/${folder}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${refused.join('|')})(/|$)`,
              message: `src/${folder} may import only ${allowed.length > 0 ? allowed.join(', ') : 'itself'} (layering: ui → train → cpu|gpu → core; data and lessons beside core; io on core and data).`,
            },
          ],
        },
      ],
    },
  };
});

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
  ...layeringRules,
);
