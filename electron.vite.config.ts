import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

/**
 * One build for all four parts. Main also builds the headless host and the launcher, which
 * are plain Node programs; worker entries are built next to them so piscina can load them
 * from out/main/workers in production and from workers/*.ts (via tsx) under test.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'main/electron/index.ts'),
          serve: resolve(root, 'main/host/serve.ts'),
          launch: resolve(root, 'main/host/launch.ts'),
          'workers/job-worker': resolve(root, 'workers/job-worker.ts'),
          'workers/router-shard': resolve(root, 'workers/router-shard.ts'),
          'workers/voucher-sheet': resolve(root, 'workers/voucher-sheet.ts'),
          'workers/report-pdf': resolve(root, 'workers/report-pdf.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules or require npm packages: bundle it whole as CJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
