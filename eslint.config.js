import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Runs must be reproducible from a seed: no wall clock, timers or unseeded randomness
// in the engine or the lessons.
const nondeterminism = [
  { name: 'setTimeout', message: 'Use the engine scheduler (virtual time).' },
  { name: 'setInterval', message: 'Use the engine scheduler (virtual time).' },
  { name: 'requestAnimationFrame', message: 'The engine runs on virtual time.' },
];
const nondeterministicSyntax = [
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'Use the seeded Rng (sim.rng.fork(...)).',
  },
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'Use virtual time (sim.now).',
  },
  {
    selector: "MemberExpression[object.name='performance'][property.name='now']",
    message: 'Use virtual time (sim.now).',
  },
  { selector: "NewExpression[callee.name='Date']", message: 'Use virtual time (sim.now).' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/engine/**/*.ts', 'lessons/**/*.ts'],
    ignores: ['**/*.test.ts', 'lessons/*/solution.ts', 'lessons/*/starter.ts'],
    rules: {
      'no-restricted-globals': ['error', ...nondeterminism],
      'no-restricted-syntax': ['error', ...nondeterministicSyntax],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '**/ui/**', '**/viz/**', '**/state/**', '**/worker/**'],
              message: 'The engine and lessons stay free of UI code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Learner code: its Math.random is the run's seeded stream (see src/sandbox/evaluate.ts).
    files: ['lessons/*/solution.ts', 'lessons/*/starter.ts'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { args: 'none' }] },
  },
  {
    files: ['src/viz/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/state/**', '**/worker/**', 'react'],
              message: 'Views read trace types only.',
            },
          ],
        },
      ],
    },
  },
);
