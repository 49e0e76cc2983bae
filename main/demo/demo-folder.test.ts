import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import { seedUser } from '../auth/test-accounts';
import { checkDemoFolder, claimDemoFolder, DemoFolderError } from './demo-folder';
import { startDemo, type DemoOptions } from './demo-fleet';

const TINY: DemoOptions = { tenants: 1, routersPerTenant: 1, hotspotPerRouter: 2, pppoePerRouter: 1, churnPerMinute: 0 };
const startTinyDemo = ({ services, dispatch }: TestCore) => startDemo(services, dispatch, TINY);

describe('the demo and real data', () => {
  let dir: string;
  let core: TestCore | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'noc-demo-'));
  });
  afterEach(async () => {
    await core?.close();
    core = null;
    rmSync(dir, { recursive: true, force: true });
  });

  /** A console's real folder: one user of its own, closed. */
  async function realFolder(): Promise<string> {
    const dataDir = join(dir, 'real');
    const real = await startTestCore({ dataDir });
    await seedUser(real.services, { username: 'alice', role: 'system_admin', tenantId: null });
    await real.close();
    return dataDir;
  }

  it('refuses a folder with users the demo did not make, before opening it for writing', async () => {
    const dataDir = await realFolder();
    const before = readFileSync(join(dataDir, 'noc.db'));
    expect(() => checkDemoFolder(dataDir)).toThrow(DemoFolderError);
    expect(() => checkDemoFolder(dataDir)).toThrow(
      `the data folder ${dataDir} holds a console with 1 user the demo did not make, and --demo never runs on real data: start the demo without --data-dir (it has a folder of its own) or give it an empty folder`,
    );
    expect(readFileSync(join(dataDir, 'noc.db')).equals(before)).toBe(true);
  });

  it('refuses on an open store too, before it writes a tenant, a user or a router', async () => {
    const dataDir = await realFolder();
    core = await startTestCore({ dataDir });
    await expect(startTinyDemo(core)).rejects.toThrow(DemoFolderError);
    expect(await core.services.accounts.read((tx) => tx.users.findByUsername('demo-admin'))).toBeNull();
    expect(await core.services.accounts.read((tx) => tx.tenants.list())).toEqual([]);
    expect(core.db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'demo.folder'").get()).toEqual({ n: 0 });
  });

  it('accepts a new or empty folder, and its own folder again with the users made while trying it', async () => {
    expect(() => checkDemoFolder(join(dir, 'new'))).not.toThrow();
    const dataDir = join(dir, 'demo');
    core = await startTestCore({ dataDir });
    expect(() => checkDemoFolder(dataDir)).not.toThrow();
    await claimDemoFolder(core.services.accounts, dataDir, Date.now());
    await seedUser(core.services, { username: 'tried-the-users-view', role: 'system_admin', tenantId: null });
    await core.close();
    core = null;
    expect(() => checkDemoFolder(dataDir)).not.toThrow();
  });

  it('gives every demo account, the system admin included, a fresh password on every start', async () => {
    core = await startTestCore({ dataDir: join(dir, 'demo') });
    const first = await startTinyDemo(core);
    // The host prints the sign-ins once the fleet is online, below its connection logs.
    expect(await first.online(30_000)).toBe(1);
    await first.stop();
    const second = await startTinyDemo(core);
    await second.stop();
    for (const demo of [first, second]) {
      expect(demo.signIns.map((s) => [s.username, s.role])).toEqual([
        ['demo-admin', 'system_admin'],
        ['north-admin', 'tenant_admin'],
        ['north-tech', 'operator'],
      ]);
    }
    expect(second.signIns[0]!.password).not.toBe(first.signIns[0]!.password);
    // Each demo tenant sells a plan and has a batch of vouchers its routers' clients redeem; a second start adds none.
    const sales = await core.services.business.read(async (tx) => ({ plans: await tx.plans.list(null), batches: await tx.vouchers.batches(null) }));
    expect(sales.plans.map((p) => p.name)).toEqual(['Demo Daily 5M']);
    expect(sales.batches.map((b) => b.count)).toEqual([60]);
  });
});
