import type { Statement } from 'better-sqlite3';
import type { SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/database';
import { csvMappingSchema, type CsvMapping } from './contract';
import type { PaymentSettingsRepository } from './payment-settings-repository';

interface Row {
  csv_mapping: string | null;
  webhook_secret_sealed: string | null;
  webhook_rotated_at: number | null;
}

/** Payment settings on SQLite; the webhook secret sealed like router passwords. */
export class SqlitePaymentSettingsRepository implements PaymentSettingsRepository {
  private readonly select: Statement<[number], Row>;
  /** Each tenant's secret as last opened, with its sealed form: every webhook reads it, a rotation seals anew. */
  private readonly opened = new Map<number, { sealed: string; secret: string }>();

  constructor(
    private readonly db: Db,
    private readonly secrets: SecretBox,
  ) {
    this.select = db.prepare('SELECT csv_mapping, webhook_secret_sealed, webhook_rotated_at FROM payment_settings WHERE tenant_id = ?');
  }

  private row(tenantId: number): Row | undefined {
    return this.select.get(tenantId);
  }

  async csvMapping(tenantId: number): Promise<CsvMapping | null> {
    const stored = this.row(tenantId)?.csv_mapping;
    return stored ? csvMappingSchema.parse(JSON.parse(stored)) : null;
  }

  async saveCsvMapping(tenantId: number, mapping: CsvMapping): Promise<void> {
    this.db
      .prepare('INSERT INTO payment_settings (tenant_id, csv_mapping) VALUES (?, ?) ON CONFLICT (tenant_id) DO UPDATE SET csv_mapping = excluded.csv_mapping')
      .run(tenantId, JSON.stringify(mapping));
  }

  async webhookSecret(tenantId: number): Promise<{ secret: string; rotatedAt: number } | null> {
    const row = this.row(tenantId);
    if (!row?.webhook_secret_sealed || row.webhook_rotated_at === null) return null;
    const sealed = row.webhook_secret_sealed;
    let cached = this.opened.get(tenantId);
    if (cached?.sealed !== sealed) this.opened.set(tenantId, (cached = { sealed, secret: this.secrets.open(sealed) }));
    return { secret: cached.secret, rotatedAt: row.webhook_rotated_at };
  }

  async setWebhookSecret(tenantId: number, secret: string, now: number): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO payment_settings (tenant_id, webhook_secret_sealed, webhook_rotated_at) VALUES (?, ?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET webhook_secret_sealed = excluded.webhook_secret_sealed, webhook_rotated_at = excluded.webhook_rotated_at`,
      )
      .run(tenantId, this.secrets.seal(secret), now);
  }
}
