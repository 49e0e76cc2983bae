import { join } from 'node:path';
import { startTestCore } from '../main/core/test-core';
import { invoker } from '../main/core/test-invoke';
import { as } from '../main/payments/payment-fixture';
import { KeyFileSecretBox } from '../main/secrets/key-file-box';
import { sweepSubscriptions } from '../main/subscriptions/expiry-sweep';
import { ProcessMetrics } from '../main/system/process-metrics';
import type { BenchFigure } from './figure';

const SUBSCRIBERS = 100_000;
const DUE_EVERY = 100; // 1 % due

/**
 * Issue 12's expiry figure: the minute sweep over 100,000 active subscribers of whom 1 % are past
 * their time (expired: status, history, the customer's message and the routers' job each) and the
 * rest spread over the next 30 days (so the reminder pass has its real share of candidates), on a
 * real SQLite file; the sweep's wall time and the main thread's loop lag while it runs. Seeded
 * with one INSERT … SELECT (the bench measures the sweep, not the seeding).
 */
export async function expirySweepFigures(): Promise<BenchFigure[]> {
  return [...(await sweepFigures('jobs paused')), ...(await sweepFigures('jobs running'))];
}

/**
 * `jobs paused`: the sweep alone (the job engine stopped first), as the target reads; `jobs
 * running`: the same with the engine working through what the sweep enqueues meanwhile (each
 * expiry's router job and customer message) on the same thread, as a console lives it.
 */
async function sweepFigures(mode: 'jobs paused' | 'jobs running'): Promise<BenchFigure[]> {
  const core = await startTestCore();
  try {
    const { services } = core;
    await services.accounts.run((tx) => tx.tenants.insert('Tenant One', null, Date.now()));
    const call = invoker(services, as('tenant_admin'));
    await call('tenants.updateSettings', { name: 'Tenant One', timeZone: 'Africa/Nairobi', locale: 'en-KE', currency: 'KES', logo: null });
    const plan = await call('plans.create', {
      kind: 'pppoe', name: 'Fibre 10M', priceMinor: 150_000, validitySeconds: 30 * 86_400, uptimeLimitSeconds: null, dataLimitBytes: null, rateLimit: null,
      sharedUsers: null, addressPool: null, localAddress: null, expiry: 'disable', expiredProfile: null, routerIds: [],
    });
    const now = Date.now();
    // The test core's own key file: the same box the subscriber repository opens passwords with.
    const sealed = new KeyFileSecretBox(join(core.dataDir, 'secret.key')).seal('bench-pass');
    core.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO subscribers (tenant_id, kind, name, phone, email, username, username_key, password_sealed, plan_id, status, valid_until, created_at, updated_at)
         SELECT 1, 'pppoe', 'Customer ' || i, '07' || (10000000 + i), NULL, 'c' || i, 'c' || i, ?, ?, 'active',
                CASE WHEN i % ? = 0 THEN ? - 30000 ELSE ? + (i * 7919 % (30 * 86400)) * 1000 END, ?, ?
         FROM n`,
      )
      .run(SUBSCRIBERS, sealed, plan.id, DUE_EVERY, now, now, now, now);
    // The minute before: reminders already due when the data was seeded go out (a one-off burst a
    // running console never has); the measured sweep is then a steady minute.
    const catchUpStarted = performance.now();
    const catchUp = await sweepSubscriptions(services, now - 60_000);
    const catchUpMs = performance.now() - catchUpStarted;
    if (mode === 'jobs paused') await services.jobs.stop();
    const metrics = new ProcessMetrics(1);
    metrics.start();
    metrics.read(true);
    const started = performance.now();
    const sweep = await sweepSubscriptions(services, now);
    const elapsed = performance.now() - started;
    const lag = metrics.read(false).eventLoopLag;
    metrics.stop();
    if (sweep.expired !== SUBSCRIBERS / DUE_EVERY) throw new Error(`expected ${SUBSCRIBERS / DUE_EVERY} expiries, the sweep made ${sweep.expired}`);
    return [
      { metric: `expiry sweep (${mode}), ${SUBSCRIBERS.toLocaleString('en')} subscribers, 1 % due (+${sweep.reminded} reminders)`, value: elapsed, unit: 'ms', target: 1_000, better: 'lower' },
      { metric: `expiry sweep (${mode}) main-thread event-loop lag p99`, value: lag.p99, unit: 'ms', target: 20, better: 'lower' },
      // No target of its own: after an import (or on first start) every due reminder goes at once.
      { metric: `(catch-up sweep after seeding: ${catchUp.reminded} reminders at once)`, value: catchUpMs, unit: 'ms', target: Infinity, better: 'lower' },
    ];
  } finally {
    await core.dispose();
  }
}
