import type { Statement } from 'better-sqlite3';
import { DomainError } from '../contract/errors';
import type { SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/database';
import type { WebhookDeliveryStatus, WebhookDeliverySummary, WebhookEventName } from './contract';
import type {
  NewWebhookDelivery,
  NewWebhookSubscription,
  WebhookDeliveryChange,
  WebhookDeliveryRecord,
  WebhookRepository,
  WebhookSubscriptionPatch,
  WebhookSubscriptionRecord,
} from './webhook-repository';

interface SubscriptionRow {
  id: number;
  tenant_id: number;
  url: string;
  description: string;
  events: string;
  enabled: number;
  pause_after: number;
  consecutive_failures: number;
  paused_at: number | null;
  last_error: string | null;
  last_success_at: number | null;
  last_failure_at: number | null;
  rotated_at: number;
  created_at: number;
  updated_at: number;
}

interface DeliveryRow {
  id: number;
  tenant_id: number;
  subscription_id: number;
  event: string;
  event_id: string;
  key: string;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  max_attempts: number;
  response_status: number | null;
  last_error: string | null;
  created_at: number;
  last_attempt_at: number | null;
  next_attempt_at: number | null;
  sent_at: number | null;
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

const SUBSCRIPTION_COLUMNS = `id, tenant_id, url, description, events, enabled, pause_after, consecutive_failures, paused_at, last_error,
  last_success_at, last_failure_at, rotated_at, created_at, updated_at`;

const toSubscription = (r: SubscriptionRow): WebhookSubscriptionRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  url: r.url,
  description: r.description,
  events: JSON.parse(r.events) as WebhookEventName[],
  enabled: r.enabled === 1,
  paused: r.paused_at !== null,
  pausedAt: iso(r.paused_at),
  pauseAfter: r.pause_after,
  consecutiveFailures: r.consecutive_failures,
  lastError: r.last_error,
  lastSuccessAt: iso(r.last_success_at),
  lastFailureAt: iso(r.last_failure_at),
  secretRotatedAt: new Date(r.rotated_at).toISOString(),
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const toDelivery = (r: DeliveryRow): WebhookDeliverySummary => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  tenantId: r.tenant_id,
  event: r.event,
  eventId: r.event_id,
  key: r.key,
  status: r.status,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  responseStatus: r.response_status,
  lastError: r.last_error,
  createdAt: new Date(r.created_at).toISOString(),
  lastAttemptAt: iso(r.last_attempt_at),
  nextAttemptAt: iso(r.next_attempt_at),
  sentAt: iso(r.sent_at),
});

/** Subscriptions and deliveries on SQLite; secrets sealed like router passwords. */
export class SqliteWebhookRepository implements WebhookRepository {
  // Prepared once: every event of a subscribed kind reads `receiving`, every attempt the rest.
  private readonly byId: Statement<[number], SubscriptionRow>;
  private readonly receivingStmt: Statement<[number, string], SubscriptionRow>;
  private readonly deliveryById: Statement<[number], DeliveryRow>;
  /** Each subscription's secret as last opened, with its sealed form: every attempt signs, a rotation seals anew. */
  private readonly opened = new Map<number, { sealed: string; secret: string }>();

  constructor(
    private readonly db: Db,
    private readonly secrets: SecretBox,
  ) {
    this.byId = db.prepare(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE id = ?`);
    this.receivingStmt = db.prepare(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions s
       WHERE s.tenant_id = ? AND s.enabled = 1 AND s.paused_at IS NULL AND EXISTS (SELECT 1 FROM json_each(s.events) WHERE value = ?)
       ORDER BY s.id`,
    );
    this.deliveryById = db.prepare('SELECT * FROM webhook_deliveries WHERE id = ?');
  }

  private require(id: number): WebhookSubscriptionRecord {
    const row = this.byId.get(id);
    if (!row) throw new DomainError('not_found', `Webhook subscription ${id} does not exist (deleted meanwhile?): reload the list.`);
    return toSubscription(row);
  }

  private change(id: number, sql: string, ...args: unknown[]): WebhookSubscriptionRecord {
    this.db.prepare(`UPDATE webhook_subscriptions SET ${sql} WHERE id = ?`).run(...args, id);
    return this.require(id);
  }

  async list(tenantId: number | null): Promise<WebhookSubscriptionRecord[]> {
    const where = tenantId === null ? '' : ' WHERE tenant_id = ?';
    return this.db
      .prepare<unknown[], SubscriptionRow>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions${where} ORDER BY tenant_id, id`)
      .all(...(tenantId === null ? [] : [tenantId]))
      .map(toSubscription);
  }

  async get(tenantId: number | null, id: number): Promise<WebhookSubscriptionRecord | null> {
    const row = this.byId.get(id);
    return row && (tenantId === null || row.tenant_id === tenantId) ? toSubscription(row) : null;
  }

  async receiving(tenantId: number, event: string): Promise<WebhookSubscriptionRecord[]> {
    return this.receivingStmt.all(tenantId, event).map(toSubscription);
  }

  async insert(s: NewWebhookSubscription, secret: string, now: number): Promise<WebhookSubscriptionRecord> {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO webhook_subscriptions (tenant_id, url, description, events, enabled, pause_after, secret_sealed, rotated_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.tenantId, s.url, s.description, JSON.stringify(s.events), s.enabled ? 1 : 0, s.pauseAfter, this.secrets.seal(secret), now, now, now);
    return this.require(Number(lastInsertRowid));
  }

  async update(id: number, patch: WebhookSubscriptionPatch, now: number): Promise<WebhookSubscriptionRecord> {
    const sets: string[] = ['updated_at = ?'];
    const args: unknown[] = [now];
    const set = (column: string, value: unknown) => {
      sets.push(`${column} = ?`);
      args.push(value);
    };
    if (patch.url !== undefined) set('url', patch.url);
    if (patch.description !== undefined) set('description', patch.description);
    if (patch.events !== undefined) set('events', JSON.stringify(patch.events));
    if (patch.enabled !== undefined) set('enabled', patch.enabled ? 1 : 0);
    if (patch.pauseAfter !== undefined) set('pause_after', patch.pauseAfter);
    return this.change(id, sets.join(', '), ...args);
  }

  async delete(id: number): Promise<void> {
    this.db.prepare('DELETE FROM webhook_subscriptions WHERE id = ?').run(id);
    this.opened.delete(id);
  }

  async secret(id: number): Promise<string> {
    const row = this.db.prepare<[number], { secret_sealed: string }>('SELECT secret_sealed FROM webhook_subscriptions WHERE id = ?').get(id);
    if (!row) throw new DomainError('not_found', `Webhook subscription ${id} does not exist.`);
    let cached = this.opened.get(id);
    if (cached?.sealed !== row.secret_sealed) this.opened.set(id, (cached = { sealed: row.secret_sealed, secret: this.secrets.open(row.secret_sealed) }));
    return cached.secret;
  }

  async setSecret(id: number, secret: string, now: number): Promise<WebhookSubscriptionRecord> {
    return this.change(id, 'secret_sealed = ?, rotated_at = ?, updated_at = ?', this.secrets.seal(secret), now, now);
  }

  async resume(id: number, now: number): Promise<WebhookSubscriptionRecord> {
    return this.change(id, 'paused_at = NULL, consecutive_failures = 0, updated_at = ?', now);
  }

  async pause(id: number, now: number): Promise<WebhookSubscriptionRecord> {
    return this.change(id, 'paused_at = ?, updated_at = ?', now, now);
  }

  async attemptSucceeded(id: number, now: number): Promise<WebhookSubscriptionRecord> {
    return this.change(id, 'consecutive_failures = 0, last_success_at = ?', now);
  }

  async attemptFailed(id: number, error: string, now: number): Promise<WebhookSubscriptionRecord> {
    return this.change(id, 'consecutive_failures = consecutive_failures + 1, last_error = ?, last_failure_at = ?', error, now);
  }

  async deliveries(tenantId: number | null, subscriptionId: number, limit: number): Promise<WebhookDeliverySummary[]> {
    const tenant = tenantId === null ? '' : ' AND tenant_id = ?';
    return this.db
      .prepare<unknown[], DeliveryRow>(`SELECT * FROM webhook_deliveries WHERE subscription_id = ?${tenant} ORDER BY id DESC LIMIT ?`)
      .all(subscriptionId, ...(tenantId === null ? [] : [tenantId]), limit)
      .map(toDelivery);
  }

  async delivery(id: number): Promise<WebhookDeliveryRecord | null> {
    const row = this.deliveryById.get(id);
    return row ? { ...toDelivery(row), body: row.body } : null;
  }

  async insertDelivery(d: NewWebhookDelivery, now: number): Promise<{ delivery: WebhookDeliverySummary; created: boolean }> {
    const { changes } = this.db
      .prepare(
        `INSERT INTO webhook_deliveries (tenant_id, subscription_id, event, event_id, key, body, status, max_attempts, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?) ON CONFLICT (subscription_id, event_id) DO NOTHING`,
      )
      .run(d.tenantId, d.subscriptionId, d.event, d.eventId, d.key, d.body, d.maxAttempts, now);
    const row = this.db.prepare<[number, string], DeliveryRow>('SELECT * FROM webhook_deliveries WHERE subscription_id = ? AND event_id = ?').get(d.subscriptionId, d.eventId)!;
    return { delivery: toDelivery(row), created: changes === 1 };
  }

  async updateDelivery(id: number, c: WebhookDeliveryChange): Promise<WebhookDeliverySummary> {
    this.db
      .prepare(
        `UPDATE webhook_deliveries SET status = ?, attempts = ?, response_status = ?, last_error = ?, last_attempt_at = ?, next_attempt_at = ?, sent_at = ?
         WHERE id = ?`,
      )
      .run(c.status, c.attempts, c.responseStatus, c.lastError, c.lastAttemptAt, c.nextAttemptAt, c.sentAt, id);
    const row = this.deliveryById.get(id);
    if (!row) throw new DomainError('not_found', `Webhook delivery ${id} does not exist (its subscription was deleted).`);
    return toDelivery(row);
  }

  async skipPending(subscriptionId: number): Promise<WebhookDeliverySummary[]> {
    return this.db
      .prepare<[number], DeliveryRow>(
        `UPDATE webhook_deliveries SET status = 'skipped', next_attempt_at = NULL WHERE subscription_id = ? AND status IN ('queued', 'retrying') RETURNING *`,
      )
      .all(subscriptionId)
      .map(toDelivery);
  }

  async prune(subscriptionId: number, keep: number, before: number): Promise<number> {
    const { changes } = this.db
      .prepare(
        `DELETE FROM webhook_deliveries WHERE subscription_id = @subscriptionId AND status IN ('sent', 'failed', 'skipped')
         AND (created_at < @before OR id < coalesce((SELECT id FROM webhook_deliveries WHERE subscription_id = @subscriptionId ORDER BY id DESC LIMIT 1 OFFSET @offset), 0))`,
      )
      .run({ subscriptionId, before, offset: keep - 1 });
    return changes;
  }
}
