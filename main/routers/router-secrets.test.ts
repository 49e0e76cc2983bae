import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../core/dispatch';
import { createLogger } from '../core/logger';
import { startTestCore, type TestCore } from '../core/test-core';
import { KeyFileSecretBox } from '../secrets/key-file-box';
import type { Session } from '../auth/session';
import type { AccountsTx } from '../accounts/accounts-tx';
import { storeRouter } from './testing/store-router';

const admin: Session = { id: 'test', user: { id: 1, username: 'admin', role: 'tenant_admin', tenantId: 1 } };

describe('stored router passwords this machine cannot decrypt', () => {
  const cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('name the router and say what to do, in its status and in the log, and a re-entered password fixes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'noc-unreadable-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const first = await startTestCore({ dataDir: join(dir, 'data') });
    const desktopOnly = await storeRouter(first.services, 1, { name: 'hq-7' }, 'x');
    const otherKey = await storeRouter(first.services, 1, { name: 'edge-2' }, 'x');
    // One sealed by the desktop's keychain before the data key, one under another folder's key (a copied database).
    const foreign = new KeyFileSecretBox(join(dir, 'elsewhere.key')).seal('pw');
    first.db.prepare('UPDATE routers SET password_sealed = ? WHERE id = ?').run('ss1.' + Buffer.from('sealed').toString('base64'), desktopOnly.id);
    first.db.prepare('UPDATE routers SET password_sealed = ? WHERE id = ?').run(foreign, otherKey.id);
    await first.close();

    const lines: string[] = [];
    const core: TestCore = await startTestCore({ dataDir: join(dir, 'data'), log: createLogger((l) => lines.push(l)) });
    cleanup.push(() => core.close());
    const status = (id: number) => core.services.routerStatus.get(id);
    expect(status(desktopOnly.id)).toMatchObject({
      state: 'auth-failed',
      lastError: expect.stringMatching(/^router 'hq-7': stored password cannot be decrypted on this machine: enter it again \(.*desktop app’s OS keychain/),
    });
    expect(status(otherKey.id)).toMatchObject({ state: 'auth-failed', lastError: expect.stringMatching(/^router 'edge-2': stored password cannot be decrypted on this machine: enter it again/) });
    const warnings = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'router password unreadable');
    expect(warnings.map((w) => [w.routerId, w.tenantId])).toEqual(
      expect.arrayContaining([
        [desktopOnly.id, 1],
        [otherKey.id, 1],
      ]),
    );

    // A connection test says the same instead of failing as a job.
    const routers = <T>(work: (tx: AccountsTx) => Promise<T>) => core.services.accounts.read(work);
    expect(await core.services.liveRouters.test((await routers((tx) => tx.routers.get(1, desktopOnly.id)))!)).toMatchObject({ ok: false, message: expect.stringContaining("router 'hq-7': stored password cannot be decrypted") });

    expect(await dispatchInvoke(core.services, admin, 'routers.update', { id: desktopOnly.id, password: 'typed-again' })).toMatchObject({ ok: true });
    expect(await routers((tx) => tx.routers.password(desktopOnly.id))).toBe('typed-again');
    expect(status(desktopOnly.id).lastError ?? '').not.toMatch(/cannot be decrypted/);
  });
});
