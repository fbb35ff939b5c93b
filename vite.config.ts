import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // Relative base: the built app works from any static host path.
  base: './',
  worker: { format: 'es' },
  optimizeDeps: { include: ['sucrase', 'xstate', 'comlink', 'd3', 'lz-string', 'zustand', 'valibot', 'marked'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'lessons/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
