import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type WorkerEntry = 'job-worker' | 'router-shard' | 'voucher-sheet' | 'report-pdf';

/**
 * Where a worker entry is: built by electron-vite next to the main bundle
 * (out/main/workers/<name>.js; the calling code may sit in out/main/chunks/), else the TypeScript
 * source, which needs tsx inside the worker (tests, benchmarks, `tsx` runs).
 */
export function resolveWorkerFile(name: WorkerEntry, override?: string): { file: string; execArgv: string[] } {
  if (override) return { file: override, execArgv: override.endsWith('.ts') ? ['--import', 'tsx'] : [] };
  for (const candidate of [`./workers/${name}.js`, `../workers/${name}.js`]) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return { file: path, execArgv: [] };
  }
  const source = fileURLToPath(new URL(`../../workers/${name}.ts`, import.meta.url));
  if (existsSync(source)) return { file: source, execArgv: ['--import', 'tsx'] };
  throw new Error(`cannot find the ${name} worker (workers/${name}.js next to the bundle or workers/${name}.ts); rebuild with \`npm run build\``);
}
