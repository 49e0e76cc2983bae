import type { SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/database';
import type { ExpiryAction } from '../plans/contract';
import { VOUCHER_STATES, type BatchPushState, type BatchRouterExpiry, type BatchRouterProgress, type RouterExpiryState, type VoucherCharset, type VoucherState, type VoucherSummary } from './contract';
import {
  MAX_STORED_FAILURES,
  type ActivationCandidate,
  type BatchRecord,
  type CodeShape,
  type ImportedVoucherBatch,
  type LimitedActiveVouchers,
  type NewVoucherBatch,
  type PushProgress,
  type RouterExpiryItem,
  type RouterExpiryOutcome,
  type SheetRecord,
  type VoucherCredentials,
  type VoucherRepository,
} from './voucher-repository';

interface BatchRow {
  id: number;
  tenant_id: number;
  plan_id: number;
  plan_name: string;
  count: number;
  code_length: number;
  prefix: string;
  charset: VoucherCharset;
  separate_password: number;
  comment: string;
  created_at: number;
}

interface ProgressRow {
  batch_id: number;
  router_id: number;
  state: BatchPushState;
  pushed: number;
  failed: number;
  failures: string;
  message: string | null;
  updated_at: number;
}

interface VoucherRow {
  id: number;
  batch_id: number;
  code: string;
  password_sealed: string | null;
  state: VoucherState;
  activated_at: number | null;
  valid_until: number | null;
  router_id: number | null;
  router_expiry?: RouterExpiryState | null;
}

interface SheetRow {
  job_id: number;
  tenant_id: number;
  batch_id: number;
  file_name: string;
  path: string;
  bytes: number;
}

const BATCHES = 'SELECT b.*, p.name AS plan_name FROM voucher_batches b JOIN plans p ON p.id = b.plan_id';
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** Lists go to SQLite as one JSON parameter (json_each): no limit on host parameters, one statement. */
const json = (values: readonly unknown[]) => JSON.stringify(values);

const toSummary = (v: VoucherRow): VoucherSummary => ({
  id: v.id,
  batchId: v.batch_id,
  code: v.code,
  state: v.state,
  activatedAt: iso(v.activated_at),
  validUntil: iso(v.valid_until),
  routerId: v.router_id,
  ...(v.router_expiry ? { routerExpiry: v.router_expiry } : {}),
});

/** A voucher's expiry over its routers: the least advanced of them. */
const ROUTER_EXPIRY = `(SELECT CASE WHEN sum(e.state = 'refused') > 0 THEN 'refused' WHEN sum(e.state = 'pending') > 0 THEN 'waiting' WHEN count(*) > 0 THEN 'done' END
  FROM voucher_router_expiry e WHERE e.voucher_id = v.id) AS router_expiry`;

export class SqliteVoucherRepository implements VoucherRepository {
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretBox,
  ) {}

  async insertBatch(batch: NewVoucherBatch, now: number): Promise<BatchRecord> {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO voucher_batches (tenant_id, plan_id, count, code_length, prefix, charset, separate_password, comment, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(batch.tenantId, batch.planId, batch.vouchers.length, batch.codeLength, batch.prefix, batch.charset, batch.separatePassword ? 1 : 0, batch.comment, now, batch.createdBy);
    const batchId = Number(lastInsertRowid);
    const voucher = this.db.prepare("INSERT INTO vouchers (tenant_id, batch_id, code, password_sealed, state) VALUES (?, ?, ?, ?, 'unused')");
    for (const v of batch.vouchers) voucher.run(batch.tenantId, batchId, v.code, v.password === null ? null : this.secrets.seal(v.password));
    const router = this.db.prepare("INSERT INTO voucher_batch_routers (batch_id, router_id, state, updated_at) VALUES (?, ?, 'pending', ?)");
    for (const routerId of new Set(batch.routerIds)) router.run(batchId, routerId, now);
    return (await this.batch(null, batchId))!;
  }

  async importBatch(batch: ImportedVoucherBatch, now: number): Promise<BatchRecord> {
    const codes = batch.vouchers.map((v) => v.code);
    // What the codes look like, as far as one charset can say it (the console did not draw them).
    const charset: VoucherCharset = codes.every((c) => /^\d+$/.test(c)) ? 'digits' : codes.every((c) => /^[A-Za-z]+$/.test(c)) ? 'letters' : 'mixed';
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO voucher_batches (tenant_id, plan_id, count, code_length, prefix, charset, separate_password, comment, created_at, created_by)
         VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?)`,
      )
      .run(batch.tenantId, batch.planId, codes.length, Math.max(0, ...codes.map((c) => c.length)), charset, batch.vouchers.some((v) => v.password !== null) ? 1 : 0, batch.comment, now, batch.createdBy);
    const batchId = Number(lastInsertRowid);
    const voucher = this.db.prepare('INSERT INTO vouchers (tenant_id, batch_id, code, password_sealed, state, activated_at, valid_until, router_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const v of batch.vouchers) {
      const used = v.state !== 'unused';
      voucher.run(batch.tenantId, batchId, v.code, v.password === null ? null : this.secrets.seal(v.password), v.state, v.activatedAt, v.validUntil, used ? batch.routerId : null);
    }
    this.db
      .prepare("INSERT INTO voucher_batch_routers (batch_id, router_id, state, pushed, updated_at) VALUES (?, ?, 'done', ?, ?)")
      .run(batchId, batch.routerId, codes.length, now);
    return (await this.batch(null, batchId))!;
  }

  async batches(tenantId: number | null): Promise<BatchRecord[]> {
    const rows =
      tenantId === null
        ? this.db.prepare<[], BatchRow>(`${BATCHES} ORDER BY b.id DESC`).all()
        : this.db.prepare<[number], BatchRow>(`${BATCHES} WHERE b.tenant_id = ? ORDER BY b.id DESC`).all(tenantId);
    return this.summaries(rows);
  }

  async batch(tenantId: number | null, batchId: number): Promise<BatchRecord | null> {
    const row = this.db.prepare<[number], BatchRow>(`${BATCHES} WHERE b.id = ?`).get(batchId);
    if (!row || (tenantId !== null && row.tenant_id !== tenantId)) return null;
    return this.summaries([row])[0]!;
  }

  async vouchers(batchId: number): Promise<VoucherSummary[]> {
    return this.db.prepare<[number], VoucherRow>(`SELECT v.*, ${ROUTER_EXPIRY} FROM vouchers v WHERE v.batch_id = ? ORDER BY v.id`).all(batchId).map(toSummary);
  }

  async credentials(batchId: number, states: readonly VoucherState[] = VOUCHER_STATES): Promise<VoucherCredentials[]> {
    return this.db
      .prepare<[number, string], VoucherRow>('SELECT * FROM vouchers WHERE batch_id = ? AND state IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(batchId, json(states))
      .map((v) => ({ id: v.id, code: v.code, password: v.password_sealed === null ? v.code : this.secrets.open(v.password_sealed), state: v.state }));
  }

  async setPushProgress(batchId: number, routerId: number, progress: PushProgress, now: number): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO voucher_batch_routers (batch_id, router_id, state, pushed, failed, failures, message, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (batch_id, router_id) DO UPDATE SET state = excluded.state, pushed = excluded.pushed, failed = excluded.failed,
           failures = excluded.failures, message = excluded.message, updated_at = excluded.updated_at`,
      )
      .run(batchId, routerId, progress.state, progress.pushed, progress.failed, json(progress.failures.slice(0, MAX_STORED_FAILURES)), progress.message, now);
  }

  async waitingOn(routerId: number): Promise<Array<{ batchId: number; tenantId: number }>> {
    return this.db
      .prepare<[number], { batch_id: number; tenant_id: number }>(
        `SELECT r.batch_id, b.tenant_id FROM voucher_batch_routers r JOIN voucher_batches b ON b.id = r.batch_id
         WHERE r.router_id = ? AND r.state IN ('pending', 'pushing') ORDER BY r.batch_id`,
      )
      .all(routerId)
      .map((r) => ({ batchId: r.batch_id, tenantId: r.tenant_id }));
  }

  async unusedByCodes(tenantId: number, codes: readonly string[]): Promise<ActivationCandidate[]> {
    if (codes.length === 0) return [];
    return this.db
      .prepare<[number, string], { id: number; batch_id: number; code: string; plan_id: number }>(
        `SELECT v.id, v.batch_id, v.code, b.plan_id FROM vouchers v JOIN voucher_batches b ON b.id = v.batch_id
         WHERE v.tenant_id = ? AND v.code IN (SELECT value FROM json_each(?)) AND v.state = 'unused'`,
      )
      .all(tenantId, json(codes))
      .map((r) => ({ id: r.id, batchId: r.batch_id, code: r.code, planId: r.plan_id }));
  }

  async activate(id: number, at: number, validUntil: number | null, routerId: number): Promise<void> {
    this.db.prepare("UPDATE vouchers SET state = 'active', activated_at = ?, valid_until = ?, router_id = ? WHERE id = ? AND state = 'unused'").run(at, validUntil, routerId, id);
  }

  async expireDue(now: number): Promise<number[]> {
    const rows = this.db
      .prepare<[number], { id: number; batch_id: number }>("UPDATE vouchers SET state = 'expired' WHERE state = 'active' AND valid_until <= ? RETURNING id, batch_id")
      .all(now);
    this.queueRouterExpiry(rows.map((r) => r.id), now);
    return [...new Set(rows.map((r) => r.batch_id))];
  }

  async limitedActive(): Promise<LimitedActiveVouchers[]> {
    return this.db
      .prepare<[], { tenant_id: number; router_id: number; batch_id: number; comment: string }>(
        `SELECT DISTINCT b.tenant_id, v.router_id, b.id AS batch_id, b.comment FROM vouchers v
         JOIN voucher_batches b ON b.id = v.batch_id JOIN plans p ON p.id = b.plan_id
         WHERE v.state = 'active' AND v.router_id IS NOT NULL AND (p.uptime_limit_seconds IS NOT NULL OR p.data_limit_bytes IS NOT NULL)
         ORDER BY v.router_id, b.id`,
      )
      .all()
      .map((r) => ({ tenantId: r.tenant_id, routerId: r.router_id, batchId: r.batch_id, batchComment: r.comment }));
  }

  async markUsedUp(batchId: number, codes: readonly string[]): Promise<number> {
    if (codes.length === 0) return 0;
    const rows = this.db
      .prepare<[number, string], { id: number }>("UPDATE vouchers SET state = 'used-up' WHERE batch_id = ? AND state = 'active' AND code IN (SELECT value FROM json_each(?)) RETURNING id")
      .all(batchId, json(codes));
    this.queueRouterExpiry(rows.map((r) => r.id), Date.now());
    return rows.length;
  }

  async routersWithExpiryDue(now: number, routerId?: number): Promise<Array<{ routerId: number; tenantId: number }>> {
    return this.db
      .prepare<[number, number | null, number | null], { router_id: number; tenant_id: number }>(
        `SELECT DISTINCT e.router_id, b.tenant_id FROM voucher_router_expiry e JOIN voucher_batches b ON b.id = e.batch_id
         WHERE e.state <> 'done' AND e.retry_at <= ? AND (? IS NULL OR e.router_id = ?) ORDER BY e.router_id`,
      )
      .all(now, routerId ?? null, routerId ?? null)
      .map((r) => ({ routerId: r.router_id, tenantId: r.tenant_id }));
  }

  async routerExpiryDue(routerId: number, now: number, afterVoucherId: number, limit: number): Promise<RouterExpiryItem[]> {
    return this.db
      .prepare<[number, number, number, number], { voucher_id: number; batch_id: number; tenant_id: number; code: string; expiry: ExpiryAction; expired_profile: string | null }>(
        `SELECT e.voucher_id, e.batch_id, b.tenant_id, v.code, p.expiry, p.expired_profile FROM voucher_router_expiry e
         JOIN vouchers v ON v.id = e.voucher_id JOIN voucher_batches b ON b.id = e.batch_id JOIN plans p ON p.id = b.plan_id
         WHERE e.router_id = ? AND e.state <> 'done' AND e.retry_at <= ? AND e.voucher_id > ? ORDER BY e.voucher_id LIMIT ?`,
      )
      .all(routerId, now, afterVoucherId, limit)
      .map((r) => ({ voucherId: r.voucher_id, batchId: r.batch_id, tenantId: r.tenant_id, code: r.code, expiry: r.expiry, expiredProfile: r.expired_profile }));
  }

  async settleRouterExpiry(routerId: number, outcomes: readonly RouterExpiryOutcome[], retryAt: number, now: number): Promise<number[]> {
    const batches = new Set<number>();
    const done = outcomes.filter((o) => o.done).map((o) => o.voucherId);
    if (done.length > 0) {
      const rows = this.db
        .prepare<[number, number, string], { batch_id: number }>(
          "UPDATE voucher_router_expiry SET state = 'done', message = NULL, retry_at = 0, updated_at = ? WHERE router_id = ? AND voucher_id IN (SELECT value FROM json_each(?)) RETURNING batch_id",
        )
        .all(now, routerId, json(done));
      for (const r of rows) batches.add(r.batch_id);
    }
    const refuse = this.db.prepare<[string, number, number, number, number], { batch_id: number }>(
      "UPDATE voucher_router_expiry SET state = 'refused', message = ?, retry_at = ?, updated_at = ? WHERE router_id = ? AND voucher_id = ? RETURNING batch_id",
    );
    for (const o of outcomes) if (!o.done) for (const r of refuse.all(o.message, retryAt, now, routerId, o.voucherId)) batches.add(r.batch_id);
    return [...batches];
  }

  async routerExpiryWaiting(routerId: number, message: string, now: number): Promise<number[]> {
    const rows = this.db
      .prepare<[string, number, number, string], { batch_id: number }>(
        "UPDATE voucher_router_expiry SET message = ?, updated_at = ? WHERE router_id = ? AND state = 'pending' AND message IS NOT ? RETURNING batch_id",
      )
      .all(message, now, routerId, message);
    return [...new Set(rows.map((r) => r.batch_id))];
  }

  /** Queues the expiry of newly spent vouchers on each router of their batch (a second time changes nothing). */
  private queueRouterExpiry(voucherIds: readonly number[], now: number): void {
    if (voucherIds.length === 0) return;
    this.db
      .prepare(
        `INSERT OR IGNORE INTO voucher_router_expiry (voucher_id, router_id, batch_id, state, updated_at)
         SELECT v.id, r.router_id, v.batch_id, 'pending', ? FROM vouchers v JOIN voucher_batch_routers r ON r.batch_id = v.batch_id
         WHERE v.id IN (SELECT value FROM json_each(?))`,
      )
      .run(now, json(voucherIds));
  }

  async namesOfShape(tenantId: number, shape: CodeShape): Promise<number> {
    // login_names holds lower-cased keys; GLOB compares exactly, so the pattern is lower-cased too.
    // Prefixes and alphabets are letters and digits only: nothing in them is a GLOB wildcard.
    const pattern = shape.prefix.toLowerCase() + `[${shape.alphabet.toLowerCase()}]`.repeat(shape.length);
    return this.db.prepare<[number, string], { n: number }>('SELECT count(*) AS n FROM login_names WHERE tenant_id = ? AND name_key GLOB ?').get(tenantId, pattern)!.n;
  }

  async insertSheet(sheet: SheetRecord, now: number): Promise<void> {
    this.db
      .prepare('INSERT OR REPLACE INTO voucher_sheets (job_id, tenant_id, batch_id, file_name, path, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(sheet.jobId, sheet.tenantId, sheet.batchId, sheet.fileName, sheet.path, sheet.bytes, now);
  }

  async sheet(tenantId: number | null, jobId: number): Promise<SheetRecord | null> {
    const row = this.db.prepare<[number], SheetRow>('SELECT * FROM voucher_sheets WHERE job_id = ?').get(jobId);
    if (!row || (tenantId !== null && row.tenant_id !== tenantId)) return null;
    return { jobId: row.job_id, tenantId: row.tenant_id, batchId: row.batch_id, fileName: row.file_name, path: row.path, bytes: row.bytes };
  }

  async deleteSheetsBefore(cutoff: number): Promise<void> {
    this.db.prepare('DELETE FROM voucher_sheets WHERE created_at < ?').run(cutoff);
  }

  /** Counts by state and progress per router for the batches, in two statements whatever their number. */
  private summaries(rows: BatchRow[]): BatchRecord[] {
    if (rows.length === 0) return [];
    const ids = json(rows.map((r) => r.id));
    const counts = new Map<number, Record<VoucherState, number>>();
    for (const r of rows) counts.set(r.id, { unused: 0, active: 0, expired: 0, 'used-up': 0 });
    const countRows = this.db
      .prepare<[string], { batch_id: number; state: VoucherState; n: number }>(
        'SELECT batch_id, state, count(*) AS n FROM vouchers WHERE batch_id IN (SELECT value FROM json_each(?)) GROUP BY batch_id, state',
      )
      .all(ids);
    for (const c of countRows) counts.get(c.batch_id)![c.state] = c.n;
    const progress = new Map<number, BatchRouterProgress[]>();
    const total = new Map(rows.map((r) => [r.id, r.count]));
    const progressRows = this.db
      .prepare<[string], ProgressRow>('SELECT * FROM voucher_batch_routers WHERE batch_id IN (SELECT value FROM json_each(?)) ORDER BY batch_id, router_id')
      .all(ids);
    for (const p of progressRows) {
      const list = progress.get(p.batch_id) ?? [];
      list.push({
        routerId: p.router_id,
        state: p.state,
        pushed: p.pushed,
        total: total.get(p.batch_id)!,
        failures: JSON.parse(p.failures) as Array<{ code: string; message: string }>,
        failedCount: p.failed,
        message: p.message,
        updatedAt: iso(p.updated_at)!,
      });
      progress.set(p.batch_id, list);
    }
    const expiryRows = this.db
      .prepare<[string], { batch_id: number; router_id: number; done: number; waiting: number; refused: number; message: string | null }>(
        `SELECT batch_id, router_id, sum(state = 'done') AS done, sum(state = 'pending') AS waiting, sum(state = 'refused') AS refused,
           coalesce(max(CASE WHEN state = 'refused' THEN message END), max(CASE WHEN state = 'pending' THEN message END)) AS message
         FROM voucher_router_expiry WHERE batch_id IN (SELECT value FROM json_each(?)) GROUP BY batch_id, router_id`,
      )
      .all(ids);
    for (const e of expiryRows) {
      const entry = progress.get(e.batch_id)?.find((p) => p.routerId === e.router_id);
      const expiry: BatchRouterExpiry = { done: e.done, waiting: e.waiting, refused: e.refused, message: e.message };
      if (entry) entry.expiry = expiry;
    }
    return rows.map((r) => ({
      id: r.id,
      tenantId: r.tenant_id,
      planId: r.plan_id,
      planName: r.plan_name,
      count: r.count,
      codeLength: r.code_length,
      prefix: r.prefix,
      charset: r.charset,
      separatePassword: r.separate_password === 1,
      comment: r.comment,
      counts: counts.get(r.id)!,
      routers: progress.get(r.id) ?? [],
      createdAt: iso(r.created_at)!,
    }));
  }
}
