import type { Db } from '../store/database';
import type { DeliveryMessage, DeliveryStatus, DeliverySummary, ExternalChannel } from './contract';
import type { DeliveryChanges, DeliveryRecord, DeliveryRepository, NewDelivery } from './notification-repository';

interface Row {
  id: number;
  tenant_id: number;
  key: string;
  channel: ExternalChannel;
  recipient: string;
  recipient_name: string | null;
  audience: DeliverySummary['audience'];
  message: DeliveryMessage;
  subject: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: number | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
}

const toRecord = (r: Row): DeliveryRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  key: r.key,
  channel: r.channel,
  recipient: r.recipient,
  recipientName: r.recipient_name,
  audience: r.audience,
  message: r.message,
  subject: r.subject,
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  sentAt: r.sent_at,
});

const COLUMNS = { status: 'status', attempts: 'attempts', lastError: 'last_error', nextAttemptAt: 'next_attempt_at', sentAt: 'sent_at' } as const;

/** The delivery log on SQLite: one row per (tenant, key, channel, recipient). */
export class SqliteDeliveryRepository implements DeliveryRepository {
  constructor(private readonly db: Db) {}

  async insert(d: NewDelivery, now: number): Promise<{ delivery: DeliveryRecord; created: boolean }> {
    const { changes } = this.db
      .prepare(
        `INSERT INTO notification_deliveries (tenant_id, key, channel, recipient, recipient_name, audience, message, subject, body, status, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, key, channel, recipient) DO NOTHING`,
      )
      .run(d.tenantId, d.key, d.channel, d.recipient, d.recipientName, d.audience, d.message, d.subject, d.body, d.status, d.nextAttemptAt, now, now);
    const row = this.db
      .prepare<[number, string, string, string], Row>('SELECT * FROM notification_deliveries WHERE tenant_id = ? AND key = ? AND channel = ? AND recipient = ?')
      .get(d.tenantId, d.key, d.channel, d.recipient)!;
    return { delivery: toRecord(row), created: changes > 0 };
  }

  async get(id: number): Promise<DeliveryRecord | null> {
    const row = this.db.prepare<[number], Row>('SELECT * FROM notification_deliveries WHERE id = ?').get(id);
    return row ? toRecord(row) : null;
  }

  async update(id: number, changes: DeliveryChanges, now: number): Promise<DeliveryRecord> {
    const keys = (Object.keys(changes) as Array<keyof typeof COLUMNS>).filter((k) => k in COLUMNS);
    const sets = [...keys.map((k) => `${COLUMNS[k]} = @${k}`), 'updated_at = @now'].join(', ');
    this.db.prepare(`UPDATE notification_deliveries SET ${sets} WHERE id = @id`).run({ ...changes, id, now });
    return (await this.get(id))!;
  }

  async prune(before: number): Promise<number> {
    return this.db.prepare("DELETE FROM notification_deliveries WHERE status IN ('sent', 'failed') AND updated_at < ?").run(before).changes;
  }

  async overdue(before: number, limit: number): Promise<Array<Pick<DeliveryRecord, 'id' | 'tenantId' | 'attempts' | 'status'>>> {
    return this.db
      .prepare<[number, number], { id: number; tenant_id: number; attempts: number; status: DeliveryRecord['status'] }>(
        "SELECT id, tenant_id, attempts, status FROM notification_deliveries WHERE status IN ('queued', 'retrying', 'held') AND coalesce(next_attempt_at, updated_at) < ? ORDER BY id LIMIT ?",
      )
      .all(before, limit)
      .map((r) => ({ id: r.id, tenantId: r.tenant_id, attempts: r.attempts, status: r.status }));
  }

  async list(tenantId: number | null, filter: { status?: DeliveryStatus; channel?: ExternalChannel; message?: string; limit: number }): Promise<DeliveryRecord[]> {
    return this.db
      .prepare<Record<string, unknown>, Row>(
        `SELECT * FROM notification_deliveries
         WHERE (@tenantId IS NULL OR tenant_id = @tenantId) AND (@status IS NULL OR status = @status)
           AND (@channel IS NULL OR channel = @channel) AND (@message IS NULL OR message = @message)
         ORDER BY id DESC LIMIT @limit`,
      )
      .all({ tenantId, status: filter.status ?? null, channel: filter.channel ?? null, message: filter.message ?? null, limit: filter.limit })
      .map(toRecord);
  }
}
