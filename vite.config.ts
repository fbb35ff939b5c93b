import react from '@vitejs/plugin-react';
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

export default defineConfig({
  plugins: [react()],
  // Relative base: the built app works from any static host path.
  base: './',
  worker: { format: 'es' },
  optimizeDeps: {
    include: ['sucrase', 'xstate', 'comlink', 'd3', 'lz-string', 'zustand', 'valibot', 'marked'],
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
    testTimeout: 60_000,
  },
});
