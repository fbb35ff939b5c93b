// The CLI's runner thread: learner code runs here, never in the CLI's main thread, so a
// watchdog there can stop a function that does not return. Lessons load through Vite's
// SSR module loader (as in scripts/run-ts.mjs); the loader does not run under SES
// lockdown, so it loads everything first and is closed before the realm is hardened
// and any learner code is evaluated.
import { parentPort, workerData } from 'node:worker_threads';
import { createServer } from 'vite';

const server = await createServer({
  configFile: false,
  logLevel: 'silent',
  server: { middlewareMode: true, hmr: false, watch: null },
  appType: 'custom',
  optimizeDeps: { noDiscovery: true, include: [] },
});
let runner;
let lesson;
try {
  runner = await server.ssrLoadModule('src/cli/runner.ts');
  lesson = await runner.prepare(workerData);
} finally {
  await server.close();
}
runner.runAll(workerData, lesson, parentPort);
