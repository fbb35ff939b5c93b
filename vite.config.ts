import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Content Security Policy for the served app. Learner code from a share link runs in the
 * worker with network globals removed, but `import()` is syntax, not a global: this
 * policy (which also governs the worker script) keeps scripts and connections on our
 * own origin. 'unsafe-eval' is needed to evaluate learner code; inline styles for
 * Monaco and React style props. The dev server skips it (its React refresh preamble is
 * an inline script); static hosts should send the same header.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
].join('; ');

/**
 * The simulation worker's own policy. A dedicated worker takes its CSP from its script's
 * response headers, not from the page, so this holds on the dev server too (where the
 * page has no CSP): learner code, even if it found a way out of its compartment, could
 * load no font, image, script or connection from anywhere. Scripts come only from our
 * origin ('unsafe-eval' is how SES evaluates learner code in a Compartment).
 */
export const workerContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval'",
  "connect-src 'none'",
  "font-src 'none'",
  "img-src 'none'",
  "media-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** The worker script: `src/worker/sim.worker.ts?worker_file...` in dev, `assets/sim.worker-<hash>.js` built. */
export const workerScriptPattern = /\/sim\.worker(?:\.ts|-[\w-]+\.js)(?:\?|$)/;

type Next = (err?: unknown) => void;
/** Sends the worker policy with the worker script, whatever later middleware sets. */
function workerCsp(req: IncomingMessage, res: ServerResponse, next: Next): void {
  if (req.url && workerScriptPattern.test(req.url)) {
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name, value) =>
      name.toLowerCase() === 'content-security-policy' ? res : setHeader(name, value);
    setHeader('Content-Security-Policy', workerContentSecurityPolicy);
  }
  next();
}

/** Serves the sim worker with its own restrictive CSP on `npm start` and `vite preview`. */
function workerCspPlugin(): Plugin {
  return {
    name: 'sim-worker-csp',
    configureServer(server) {
      server.middlewares.use(workerCsp);
    },
    configurePreviewServer(server) {
      server.middlewares.use(workerCsp);
    },
  };
}

export default defineConfig({
  plugins: [react(), workerCspPlugin()],
  // Relative base: the built app works from any static host path.
  base: './',
  worker: { format: 'es' },
  resolve: {
    // DDSketch's protobuf (de)serialisation is never used; its lazy require must still resolve.
    alias: { 'protobufjs/minimal': fileURLToPath(new URL('./scripts/no-protobuf.js', import.meta.url)) },
  },
  optimizeDeps: {
    include: [
      'sucrase',
      'xstate',
      'comlink',
      'd3',
      'd3-array',
      'd3-random',
      'ses',
      '@datadog/sketches-js',
      'lz-string',
      'zustand',
      'valibot',
      'marked',
    ],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': contentSecurityPolicy },
  },
  test: {
    include: ['src/**/*.test.ts', 'lessons/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/sandbox/test-setup.ts'],
    testTimeout: 60_000,
  },
});
