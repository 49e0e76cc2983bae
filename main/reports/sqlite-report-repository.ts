import type { Db } from '../store/database';
import type { ReportGroup } from './contract';
import type { ActivityRow, AmountRow, BucketEdges, ReportRepository } from './report-repository';

/**
 * The buckets as a table `b(i, s, e)` from one JSON parameter, so any number of buckets is one
 * statement; each bucket then reads its slice of a (tenant_id, time) index.
 */
const BUCKETS = `b(i, s, e) AS (SELECT CAST(key AS INTEGER), json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@buckets))`;

const bucketsJson = (edges: BucketEdges) => JSON.stringify(edges.slice(0, -1).map((start, i) => [start, edges[i + 1]]));

/** The group id (`gid`) of a payment `p`, and how its label is found; null ids are "none known". */
const PAYMENT_GROUP: Record<ReportGroup, { gid: string; joins: string }> = {
  none: { gid: 'NULL', joins: '' },
  // The plan the payment bought (its charge), else the plan its subscriber is on now.
  plan: {
    gid: 'coalesce(c.plan_id, s.plan_id)',
    joins: `LEFT JOIN ledger_entries c ON c.payment_id = p.id AND c.kind = 'charge'
            LEFT JOIN subscribers s ON s.id = p.subscriber_id AND s.tenant_id = p.tenant_id`,
  },
  // A subscriber on several routers counts on its first (lowest id) one.
  router: { gid: '(SELECT min(sr.router_id) FROM subscriber_routers sr WHERE sr.subscriber_id = p.subscriber_id)', joins: '' },
  // Who recorded it; webhooks have nobody.
  operator: { gid: 'p.recorded_by', joins: '' },
};

/** The same for an activated voucher `v` of batch `vb`. */
const VOUCHER_GROUP: Record<ReportGroup, string> = {
  none: 'NULL',
  plan: 'vb.plan_id',
  // Where it was used; a voucher activated before routers were recorded falls back to its batch's first router.
  router: 'coalesce(v.router_id, (SELECT min(vr.router_id) FROM voucher_batch_routers vr WHERE vr.batch_id = vb.id))',
  // Nobody took cash for a voucher in the console: whoever generated its batch sold it.
  operator: '(SELECT u.username FROM users u WHERE u.id = vb.created_by)',
};

const LABEL: Record<ReportGroup, string> = {
  none: 'NULL',
  plan: '(SELECT name FROM plans WHERE id = gid AND tenant_id = @tenant)',
  router: '(SELECT name FROM routers WHERE id = gid AND tenant_id = @tenant)',
  operator: 'gid',
};

interface SqlAmountRow {
  bucket: number;
  gid: string | number | null;
  label: string | null;
  currency: string;
  amount: number;
  n: number;
}

/** Sums the rows `x(bucket, currency, amount, gid)` per bucket, group and currency. */
const summed = (groupBy: ReportGroup, rows: string) => `WITH ${BUCKETS}, x AS (${rows})
  SELECT bucket, gid, ${LABEL[groupBy]} AS label, currency, sum(amount) AS amount, count(*) AS n
  FROM x GROUP BY bucket, gid, currency ORDER BY bucket`;

/**
 * The statements, by group. `b CROSS JOIN` keeps the buckets the outer loop (SQLite never reorders
 * a CROSS JOIN): each bucket then searches its time range in the index, rather than every row of
 * the tenant being checked against every bucket.
 */
export const reportSql = {
  received(groupBy: ReportGroup): string {
    const { gid, joins } = PAYMENT_GROUP[groupBy];
    return summed(
      groupBy,
      `SELECT b.i AS bucket, p.currency, p.amount_minor AS amount, ${gid} AS gid
       FROM b CROSS JOIN payments p ${joins}
       WHERE p.tenant_id = @tenant AND p.received_at >= b.s AND p.received_at < b.e`,
    );
  },

  /**
   * A reversal counts on its own day. An unmatched payment reversed before anyone assigned it has
   * no ledger entry to date the reversal by: it is taken off on the day it was received.
   */
  reversed(groupBy: ReportGroup): string {
    const { gid, joins } = PAYMENT_GROUP[groupBy];
    return summed(
      groupBy,
      `SELECT b.i AS bucket, r.currency, -r.amount_minor AS amount, ${gid} AS gid
       FROM b CROSS JOIN ledger_entries r JOIN payments p ON p.id = r.payment_id ${joins}
       WHERE r.tenant_id = @tenant AND r.kind = 'reversal' AND r.at >= b.s AND r.at < b.e
       UNION ALL
       SELECT b.i, p.currency, p.amount_minor, ${gid}
       FROM b CROSS JOIN payments p ${joins}
       WHERE p.tenant_id = @tenant AND p.received_at >= b.s AND p.received_at < b.e AND p.state = 'reversed'
         AND NOT EXISTS (SELECT 1 FROM ledger_entries z WHERE z.payment_id = p.id AND z.kind = 'reversal')`,
    );
  },

  voucherSales(groupBy: ReportGroup): string {
    return summed(
      groupBy,
      `SELECT b.i AS bucket, pl.currency, pl.price_minor AS amount, ${VOUCHER_GROUP[groupBy]} AS gid
       FROM b CROSS JOIN vouchers v JOIN voucher_batches vb ON vb.id = v.batch_id JOIN plans pl ON pl.id = vb.plan_id
       WHERE v.tenant_id = @tenant AND v.activated_at >= b.s AND v.activated_at < b.e`,
    );
  },

  activity(): string {
    const count = (table: string, time: string, where: string) => `(SELECT count(*) FROM ${table} WHERE tenant_id = @tenant AND ${where} ${time} >= b.s AND ${time} < b.e)`;
    return `WITH ${BUCKETS} SELECT b.i AS bucket,
        (SELECT coalesce(sum(count), 0) FROM voucher_batches WHERE tenant_id = @tenant AND created_at >= b.s AND created_at < b.e) AS vouchersIssued,
        ${count('vouchers', 'activated_at', '')} AS vouchersActivated,
        ${count('subscriber_history', 'at', "kind = 'expired' AND")} AS expiries,
        ${count('subscriber_history', 'at', "kind IN ('extended', 'renewed') AND")} AS renewals,
        ${count('subscriber_history', 'at', "kind = 'reconnected' AND")} AS reconnections
      FROM b ORDER BY b.i`;
  },
};

export class SqliteReportRepository implements ReportRepository {
  constructor(private readonly db: Db) {}

  async tenants(): Promise<Array<{ id: number; name: string }>> {
    return this.db.prepare<[], { id: number; name: string }>('SELECT id, name FROM tenants ORDER BY id').all();
  }

  async received(tenantId: number, edges: BucketEdges, groupBy: ReportGroup): Promise<AmountRow[]> {
    return this.amounts(groupBy, tenantId, edges, reportSql.received(groupBy));
  }

  async reversed(tenantId: number, edges: BucketEdges, groupBy: ReportGroup): Promise<AmountRow[]> {
    return this.amounts(groupBy, tenantId, edges, reportSql.reversed(groupBy));
  }

  async voucherSales(tenantId: number, edges: BucketEdges, groupBy: ReportGroup): Promise<AmountRow[]> {
    return this.amounts(groupBy, tenantId, edges, reportSql.voucherSales(groupBy));
  }

  async activity(tenantId: number, edges: BucketEdges): Promise<ActivityRow[]> {
    if (edges.length < 2) return [];
    return this.db.prepare<{ tenant: number; buckets: string }, ActivityRow>(reportSql.activity()).all({ tenant: tenantId, buckets: bucketsJson(edges) });
  }

  async activeSubscribers(tenantId: number): Promise<number> {
    return this.db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM subscribers WHERE tenant_id = ? AND status = 'active'").get(tenantId)!.n;
  }

  private amounts(groupBy: ReportGroup, tenantId: number, edges: BucketEdges, sql: string): AmountRow[] {
    if (edges.length < 2) return [];
    return this.db
      .prepare<{ tenant: number; buckets: string }, SqlAmountRow>(sql)
      .all({ tenant: tenantId, buckets: bucketsJson(edges) })
      .map((r) => ({
        bucket: r.bucket,
        groupKey: groupBy === 'none' ? 'total' : r.gid === null ? null : `${groupBy}:${r.gid}`,
        groupLabel: r.label,
        currency: r.currency,
        amountMinor: r.amount,
        count: r.n,
      }));
  }
}
