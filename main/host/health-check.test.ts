import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../core/logger';
import { startTestCore, type TestCore } from '../core/test-core';
import { HealthCheck } from './health-check';

describe('the health check', () => {
  let core: TestCore;
  let clock: number;
  const errors: string[] = [];
  let health: HealthCheck;
  /** When the store probe last committed (the probe's own setting). */
  const probedAt = () => core.services.accounts.read((tx) => tx.settings.read('health.probe', z.object({ at: z.string() })));

  beforeEach(async () => {
    core = await startTestCore();
    clock = Date.parse('2026-12-02T10:00:00.000Z');
    errors.length = 0;
    const log = createLogger((line) => errors.push((JSON.parse(line) as { msg: string }).msg), 'error');
    health = new HealthCheck({ ...core.services, log }, () => clock);
  });
  afterEach(() => core.dispose());

  it('proves the store takes a committed write, at most once a second however often it is asked', async () => {
    const [first, second] = await Promise.all([health.report(), health.report()]);
    expect(first).toEqual({ status: 'ok', checks: { store: true, jobs: true, routerShards: true } });
    expect(second).toEqual(first);
    expect(await probedAt()).toEqual({ at: '2026-12-02T10:00:00.000Z' });
    clock += 999;
    await health.report();
    expect(await probedAt()).toEqual({ at: '2026-12-02T10:00:00.000Z' });
    clock += 1;
    await health.report();
    expect(await probedAt()).toEqual({ at: '2026-12-02T10:00:01.000Z' });
  });

  it('turns unhealthy while the store refuses writes, says so once in the log, and recovers', async () => {
    // A real refusal inside the store (as a full disk or a held write lock would give).
    core.db.exec("CREATE TEMP TRIGGER probe_fails BEFORE INSERT ON settings BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(await health.report()).toEqual({ status: 'unhealthy', checks: { store: false, jobs: true, routerShards: true } });
    clock += 1000;
    expect((await health.report()).checks.store).toBe(false);
    expect(errors).toEqual(['health: the store refused a write']);
    core.db.exec('DROP TRIGGER probe_fails');
    clock += 1000;
    expect(await health.report()).toMatchObject({ status: 'ok', checks: { store: true } });
  });
});
