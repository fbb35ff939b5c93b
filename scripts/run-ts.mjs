// Runs a TypeScript entry (CLI, benchmark) through Vite's module runner, so lesson
// folders load in Node exactly as in the browser (import.meta.glob, ?raw imports).
import { runnerImport } from 'vite';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
const { module } = await runnerImport(entry, { configFile: false, logLevel: 'silent' });
const code = await module.main(args);
process.exitCode = typeof code === 'number' ? code : 0;
