import { join } from 'node:path';
import { silentLogger } from '../../core/logger';
import { ConsoleBackends } from '../console-backends';
import { attachIpcBridge } from '../ipc-bridge';
import { ServerPins } from '../server-pins';
import type { BackoffOptions } from '../../routers/client/backoff';

export interface TestDesk {
  backends: ConsoleBackends;
  /** How often the embedded core was asked to start (a desk on a server: never). */
  readonly embeddedStarts: number;
  detach(): void;
}

/** Quick reconnects, so a test that restarts its server does not wait out the real backoff. */
const TEST_BACKOFF: BackoffOptions = { initialMs: 20, maxMs: 200, factor: 2, jitter: 0 };

/**
 * The desktop main process of a desk meant for a console server, for tests that mock `electron`
 * (import this after the mock): its backends with pins in `dataDir`, and the IPC bridge attached
 * to the mocked ipcMain. Starting the embedded core is counted and refused.
 */
export function attachTestDesk(dataDir: string): TestDesk {
  let embeddedStarts = 0;
  const backends = new ConsoleBackends({
    pins: new ServerPins(join(dataDir, 'servers.json')),
    startEmbedded: () => {
      embeddedStarts++;
      return Promise.reject(new Error('a desk on a console server starts no core of its own'));
    },
    log: silentLogger,
    relay: { backoff: TEST_BACKOFF },
  });
  const detach = attachIpcBridge({ backends, isAppUrl: (url) => url.startsWith('app://noc/'), log: silentLogger });
  return {
    backends,
    get embeddedStarts() {
      return embeddedStarts;
    },
    detach,
  };
}
