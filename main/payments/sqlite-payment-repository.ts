import type { Statement } from 'better-sqlite3';
import { DomainError } from '../contract/errors';
import type { Db } from '../store/database';
import { preparedStatements } from '../store/prepared-statements';
import type { PaymentProvider, PaymentSource, PaymentState } from './contract';
import type { NewPayment, PaymentFilter, PaymentRecord, PaymentRepository } from './payment-repository';
import { phoneKeySql } from './phone-key';

interface Row {
  id: number;
  tenant_id: number;
  provider: PaymentProvider;
  reference: string;
  amount_minor: number;
  currency: string;
  payer_phone: string | null;
  payer_name: string | null;
  account_reference: string | null;
  received_at: number;
  subscriber_id: number | null;
  subscriber_username: string | null;
  state: PaymentState;
  source: PaymentSource;
  recorded_by: string | null;
  created_at: number;
}

const SELECT = `SELECT p.*, s.username AS subscriber_username FROM payments p LEFT JOIN subscribers s ON s.id = p.subscriber_id AND s.tenant_id = p.tenant_id`;

const toRecord = (r: Row): PaymentRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  provider: r.provider,
  reference: r.reference,
  amountMinor: r.amount_minor,
  currency: r.currency,
  payerPhone: r.payer_phone,
  payerName: r.payer_name,
  accountReference: r.account_reference,
  receivedAt: new Date(r.received_at).toISOString(),
  subscriberId: r.subscriber_id,
  subscriberUsername: r.subscriber_username,
  state: r.state,
  source: r.source,
  recordedBy: r.recorded_by,
  createdAt: new Date(r.created_at).toISOString(),
});

/** LIKE with the user's text taken literally. */
const like = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class SqlitePaymentRepository implements PaymentRepository {
  // Prepared once: webhooks record a thousand payments a second through these.
  private readonly byId: Statement<[number], Row>;
  private readonly byRef: Statement<[number, string, string], Row>;
  private readonly insertOne: Statement<unknown[]>;
  private readonly byPhone: Statement<[number, string], { id: number }>;
  private readonly byLogin: Statement<[number, string], { id: number }>;

  private readonly sql: ReturnType<typeof preparedStatements>;

  constructor(private readonly db: Db) {
    this.sql = preparedStatements(db);
    this.byId = db.prepare(`${SELECT} WHERE p.id = ?`);
    this.byRef = db.prepare(`${SELECT} WHERE p.tenant_id = ? AND p.provider = ? AND p.reference = ?`);
    this.insertOne = db.prepare(
      `INSERT INTO payments (tenant_id, provider, reference, amount_minor, currency, payer_phone, payer_name, account_reference, received_at, subscriber_id, state, source, recorded_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byLogin = db.prepare('SELECT id FROM subscribers WHERE tenant_id = ? AND username_key = ?');
    this.byPhone = db.prepare(`SELECT id FROM subscribers WHERE tenant_id = ? AND ${phoneKeySql('phone')} = ? LIMIT 2`);
  }

  async list(tenantId: number | null, filter: PaymentFilter): Promise<PaymentRecord[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      args.push(...values);
    };
    if (tenantId !== null) add('p.tenant_id = ?', tenantId);
    if (filter.state) add('p.state = ?', filter.state);
    if (filter.subscriberId) add('p.subscriber_id = ?', filter.subscriberId);
    if (filter.provider) add('p.provider = ?', filter.provider);
    if (filter.search) {
      const pattern = like(filter.search);
      add(`(lower(p.reference) LIKE ? ESCAPE '\\' OR lower(coalesce(p.account_reference, '')) LIKE ? ESCAPE '\\' OR coalesce(p.payer_phone, '') LIKE ? ESCAPE '\\')`, pattern, pattern, pattern);
    }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    return this.sql<unknown[], Row>(`${SELECT}${clause} ORDER BY p.id DESC LIMIT ?`).all(...args, filter.limit).map(toRecord);
  }

  async get(tenantId: number | null, id: number): Promise<PaymentRecord | null> {
    const row = this.byId.get(id);
    return row && (tenantId === null || row.tenant_id === tenantId) ? toRecord(row) : null;
  }

  async byReference(tenantId: number, provider: PaymentProvider, reference: string): Promise<PaymentRecord | null> {
    const row = this.byRef.get(tenantId, provider, reference);
    return row ? toRecord(row) : null;
  }

  async insert(p: NewPayment, now: number): Promise<PaymentRecord> {
    const state: PaymentState = p.subscriberId === null ? 'unmatched' : 'matched';
    const { lastInsertRowid } = this.insertOne.run(
      p.tenantId, p.provider, p.reference, p.amountMinor, p.currency, p.payerPhone, p.payerName, p.accountReference, p.receivedAt, p.subscriberId, state, p.source, p.recordedBy, now,
    );
    return toRecord(this.byId.get(Number(lastInsertRowid))!);
  }

  async setState(id: number, state: PaymentState, subscriberId: number | null): Promise<PaymentRecord> {
    const { changes } = this.sql('UPDATE payments SET state = ?, subscriber_id = ? WHERE id = ?').run(state, subscriberId, id);
    if (changes === 0) throw new DomainError('not_found', `Payment ${id} does not exist.`);
    return toRecord(this.byId.get(id)!);
  }

  async markApplied(id: number, at: number): Promise<boolean> {
    return this.sql('UPDATE payments SET applied_at = ? WHERE id = ? AND applied_at IS NULL').run(at, id).changes === 1;
  }

  async toApply(tenantId: number, limit: number): Promise<number[]> {
    return this.sql<[number, number], { id: number }>("SELECT id FROM payments INDEXED BY payments_to_apply WHERE tenant_id = ? AND applied_at IS NULL AND state = 'matched' ORDER BY id LIMIT ?")
      .all(tenantId, limit)
      .map((r) => r.id);
  }

  async tenantsWithUnapplied(createdBefore: number): Promise<number[]> {
    return this.sql<[number], { tenant_id: number }>("SELECT DISTINCT tenant_id FROM payments WHERE applied_at IS NULL AND state = 'matched' AND created_at < ?")
      .all(createdBefore)
      .map((r) => r.tenant_id);
  }

  async subscriberByLogin(tenantId: number, username: string): Promise<number | null> {
    return this.byLogin.get(tenantId, username.trim().toLowerCase())?.id ?? null;
  }

  async subscribersByPhoneKey(tenantId: number, key: string): Promise<number[]> {
    return this.byPhone.all(tenantId, key).map((r) => r.id);
  }
}
