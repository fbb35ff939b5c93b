import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Runs must be reproducible from a seed: no wall clock, timers, unseeded randomness or
// ambient globals in the engine, the kit, the lesson contract or the lessons.
const nondeterminism = [
  { name: 'setTimeout', message: 'Use the engine scheduler (virtual time).' },
  { name: 'setInterval', message: 'Use the engine scheduler (virtual time).' },
  { name: 'setImmediate', message: 'Use the engine scheduler (virtual time).' },
  { name: 'queueMicrotask', message: 'Use the engine scheduler (virtual time).' },
  { name: 'requestAnimationFrame', message: 'The engine runs on virtual time.' },
  { name: 'performance', message: 'Use virtual time (sim.now).' },
  { name: 'crypto', message: 'Use the seeded Rng (sim.rng.fork(...)).' },
  { name: 'globalThis', message: 'Simulation code reads nothing ambient: pass what it needs.' },
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

const ui = ['react', 'react-dom', '**/ui/**', '**/viz/**', '**/state/**', '**/worker/**', '**/share/**'];
/** One allow-list per layer: engine <- kit <- lessons; src/lesson is the contract between them. */
const layer = (groups, message) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});
const simulationFiles = ['src/engine/**/*.ts', 'src/kit/**/*.ts', 'src/lesson/**/*.ts', 'lessons/**/*.ts'];

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
    files: simulationFiles,
    ignores: ['**/*.test.ts', 'lessons/*/solution.ts', 'lessons/*/starter.ts'],
    rules: {
      'no-restricted-globals': ['error', ...nondeterminism],
      'no-restricted-syntax': ['error', ...nondeterministicSyntax],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: layer(
      [...ui, '**/kit/**', '**/lesson/**', '**/lessons/**', '**/sandbox/**'],
      'The engine is the bottom layer: it imports no kit, lesson or UI code.',
    ),
  },
  {
    files: ['src/kit/**/*.ts'],
    rules: layer(
      [...ui, '**/lesson/**', '**/lessons/**', '**/sandbox/**'],
      'The kit builds on the engine only (src/kit/README.md); lessons build on the kit, never the reverse.',
    ),
  },
  {
    files: ['lessons/**/*.ts', 'src/lesson/**/*.ts'],
    ignores: ['src/lesson/run.ts', 'src/lesson/learner.ts'],
    rules: layer(ui, 'Lessons and the lesson contract stay free of UI code.'),
  },
  {
    // The page: type imports from the engine are fine; values only from its trace vocabulary
    // (EventKind, describeFault). The worker's runtime loads in the worker alone.
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.ts', 'src/share/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/engine/*',
                '!**/engine/trace',
                '!**/engine/faults',
                '**/kit/**',
                '**/sandbox/*',
                '!**/sandbox/diagnostic',
              ],
              allowTypeImports: true,
              message: 'The page reads run results; simulation code runs in the worker (src/worker).',
            },
            {
              group: [
                '**/lessons/registry',
                '**/lessons/*/index',
                '**/worker/sim.worker*',
                '**/worker/lockdown*',
                '**/lesson/run',
                '**/lessons/*/wiring',
                '**/lessons/*/model',
              ],
              message:
                "The worker's runtime and the lessons' models load in the worker only, never on the page.",
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
    ignores: ['**/*.test.ts'],
    rules: {
      ...layer(
        ['**/ui/**', '**/state/**', '**/worker/**', '**/kit/**', '**/lessons/**', '**/sandbox/**', 'react'],
        'Views read trace types only.',
      ),
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Drawing is deterministic: derive jitter from the run seed and stable ids.',
        },
      ],
    },
  },
);
