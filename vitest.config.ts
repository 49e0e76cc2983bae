import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'preload/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'workers/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The suite opens real sockets and SQLite files; two cores, so keep the fan-out modest.
    pool: 'forks',
    maxWorkers: 2,
  },
});
