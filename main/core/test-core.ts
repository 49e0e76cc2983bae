import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyFileSecretBox } from '../secrets/key-file-box';
import type { ShardConnectionOptions } from '../routers/io/shard-protocol';
import type { HostKind } from '../system/contract';
import { startCore, type Core } from './app-core';
import { silentLogger, type Logger } from './logger';

export interface TestCore extends Core {
  dataDir: string;
  /** Closes the core and removes its data folder. */
  dispose(): Promise<void>;
}

/** A real core (real SQLite file, real secrets key file) on a fresh temp folder, for tests. */
export async function startTestCore(
  options: { host?: HostKind; log?: Logger; dataDir?: string; routerConnection?: ShardConnectionOptions } = {},
): Promise<TestCore> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'noc-core-'));
  const core = await startCore({
    dataDir,
    host: { kind: options.host ?? 'headless', secrets: new KeyFileSecretBox(join(dataDir, 'secret.key')) },
    log: options.log ?? silentLogger,
    routerConnection: options.routerConnection,
  });
  return {
    ...core,
    dataDir,
    async dispose() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
