// Runs a TypeScript entry (CLI, benchmark) through Vite's SSR module loader, so lesson
// folders load in Node exactly as in the browser (import.meta.glob, ?raw imports).
import { createServer } from 'vite';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
const server = await createServer({
  configFile: false,
  logLevel: 'silent',
  server: { middlewareMode: true, hmr: false, watch: null },
  appType: 'custom',
  optimizeDeps: { noDiscovery: true, include: [] },
});
let code = 1;
try {
  const mod = await server.ssrLoadModule(entry);
  code = await mod.main(args);
} finally {
  await server.close();
}
process.exitCode = typeof code === 'number' ? code : 0;
