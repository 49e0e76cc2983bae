import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/database';
import { preparedStatements } from '../store/prepared-statements';
import type { LedgerEntry, LedgerKind } from './contract';
import type { LedgerRepository, NewLedgerEntry } from './ledger-repository';

interface Row {
  id: number;
  subscriber_id: number;
  kind: LedgerKind;
  amount_minor: number;
  currency: string;
  payment_id: number | null;
  note: string | null;
  at: number;
  by_username: string | null;
}

const toEntry = (r: Row): LedgerEntry => ({
  id: r.id,
  subscriberId: r.subscriber_id,
  kind: r.kind,
  amountMinor: r.amount_minor,
  currency: r.currency,
  paymentId: r.payment_id,
  note: r.note,
  at: new Date(r.at).toISOString(),
  by: r.by_username,
});

/** The ledger on SQLite; its triggers (payments' migration) refuse UPDATE and DELETE. */
export class SqliteLedgerRepository implements LedgerRepository {
  private readonly insertOne: Statement<unknown[]>;
  private readonly byId: Statement<[number], Row>;

  private readonly sql: ReturnType<typeof preparedStatements>;

  constructor(private readonly db: Db) {
    this.sql = preparedStatements(db);
    this.insertOne = db.prepare(
      'INSERT INTO ledger_entries (tenant_id, subscriber_id, kind, amount_minor, currency, payment_id, note, at, by_username, plan_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.byId = db.prepare('SELECT * FROM ledger_entries WHERE id = ?');
  }

  async append(e: NewLedgerEntry, at: number): Promise<LedgerEntry> {
    const { lastInsertRowid } = this.insertOne.run(e.tenantId, e.subscriberId, e.kind, e.amountMinor, e.currency, e.paymentId, e.note, at, e.by, e.planId ?? null);
    return toEntry(this.byId.get(Number(lastInsertRowid))!);
  }

  async entries(tenantId: number, subscriberId: number): Promise<LedgerEntry[]> {
    return this.sql<[number, number], Row>('SELECT * FROM ledger_entries WHERE tenant_id = ? AND subscriber_id = ? ORDER BY id').all(tenantId, subscriberId).map(toEntry);
  }

  async balance(tenantId: number, subscriberId: number): Promise<number> {
    return this.sql<[number, number], { total: number }>('SELECT coalesce(sum(amount_minor), 0) AS total FROM ledger_entries WHERE tenant_id = ? AND subscriber_id = ?').get(tenantId, subscriberId)!.total;
  }
}
