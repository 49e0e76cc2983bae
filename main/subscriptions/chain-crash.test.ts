import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { startSimulatedRouter, type SimulatedRouter } from '../routers/simulator';
import { WebhookReceiver } from '../webhooks/testing/webhook-receiver';

const child = join(import.meta.dirname, 'testing', 'chain-crash-child.ts');
const CHAINS = 6;

/**
 * Runs the child; with `killAfterMs` it is SIGKILLed that long after its core is up (somewhere in
 * payment → extend → reconnect → notify, or before the payment), else it must exit 0.
 */
function runChild(args: string[], killAfterMs: number | null): Promise<{ code: number | null; signal: string | null }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    if (line === 'started' && killAfterMs !== null) setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
  });
  return new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
}

describe('the money path survives kill -9 anywhere (issue 12)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'noc-chain-crash-'));
  let gateway: WebhookReceiver;
  let sim: SimulatedRouter;

  beforeAll(async () => {
    sim = await startSimulatedRouter({ name: 'hq-1', password: 'sim-pass' });
    gateway = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await gateway.close();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('completes every chain exactly once: one payment and one charge, the secret enabled, one message of each kind', async () => {
    expect(await runChild(['setup', dir, String(sim.port), gateway.url, String(CHAINS)], null)).toEqual({ code: 0, signal: null });
    for (let n = 1; n <= CHAINS; n += 1) expect(sim.model.get('/ppp/secret', `cust${n}`)).toMatchObject({ disabled: 'true' });

    // Each chain is killed once at a random moment after its process is up (0–900 ms: before the
    // payment, between the steps, or in the middle of one); the next process resumes the jobs.
    for (let n = 1; n <= CHAINS; n += 1) {
      expect((await runChild(['pay', dir, String(n)], Math.floor(Math.random() * 900))).signal).toBe('SIGKILL');
    }
    expect(await runChild(['drain', dir, String(CHAINS)], null)).toEqual({ code: 0, signal: null });

    const db = openDatabase(join(dir, 'noc.db'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) AS n FROM payments').get()).toEqual({ n: CHAINS });
      const ledger = db.prepare('SELECT subscriber_id, kind, amount_minor FROM ledger_entries ORDER BY subscriber_id, id').all() as Array<{ subscriber_id: number; kind: string; amount_minor: number }>;
      for (let id = 1; id <= CHAINS; id += 1) {
        expect(ledger.filter((e) => e.subscriber_id === id).map((e) => [e.kind, e.amount_minor])).toEqual([
          ['payment', 150_000],
          ['charge', -150_000],
        ]);
      }
      expect(db.prepare("SELECT count(*) AS n FROM subscribers WHERE status = 'active' AND access_change IS NULL").get()).toEqual({ n: CHAINS });
    } finally {
      db.close();
    }
    for (let n = 1; n <= CHAINS; n += 1) expect(sim.model.get('/ppp/secret', `cust${n}`)).toMatchObject({ disabled: 'false' });

    // One message of each kind per customer. A kill between a gateway's answer and the console
    // recording it can make the console send again: always with the same Idempotency-Key, which
    // the gateway uses to drop the repeat; so distinct keys are the messages customers get.
    const keys = new Map<string, Array<{ to: string; text: string }>>();
    for (const { headers, body } of gateway.received) {
      const key = String(headers['idempotency-key']);
      keys.set(key, [...(keys.get(key) ?? []), JSON.parse(body) as { to: string; text: string }]);
    }
    for (const calls of keys.values()) expect(new Set(calls.map((c) => `${c.to} ${c.text}`)).size).toBe(1);
    for (let n = 1; n <= CHAINS; n += 1) {
      const to = `07120000${String(n).padStart(2, '0')}`;
      const mine = [...keys.values()].map((calls) => calls[0]!).filter((c) => c.to === to);
      expect(mine.filter((c) => c.text.startsWith('Received'))).toHaveLength(1);
      expect(mine.filter((c) => c.text.startsWith('You are back online'))).toHaveLength(1);
    }
  }, 240_000);
});
