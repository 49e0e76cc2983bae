import type { SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/database';
import type { NotificationSettingsRepository } from './notification-repository';
import { withDefaults, type NotificationSecrets, type StoredSettings } from './stored-settings';

interface Row {
  settings: string;
  secrets_sealed: string | null;
  updated_at: number;
}

/**
 * Notification settings on SQLite: the settings as JSON, their secrets (SMTP password, webhook
 * header values, the bot token) as one sealed value, like router passwords and the payment
 * webhook secret. Reads of the settings never open the seal.
 */
export class SqliteNotificationSettings implements NotificationSettingsRepository {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  private row(tenantId: number): Row | undefined {
    return this.db.prepare<[number], Row>('SELECT settings, secrets_sealed, updated_at FROM notification_settings WHERE tenant_id = ?').get(tenantId);
  }

  async get(tenantId: number): Promise<{ settings: StoredSettings; updatedAt: number | null }> {
    const row = this.row(tenantId);
    return { settings: withDefaults(row ? (JSON.parse(row.settings) as Partial<StoredSettings>) : {}), updatedAt: row?.updated_at ?? null };
  }

  async secrets(tenantId: number): Promise<NotificationSecrets> {
    const sealed = this.row(tenantId)?.secrets_sealed;
    return sealed ? (JSON.parse(this.box.open(sealed)) as NotificationSecrets) : {};
  }

  async save(tenantId: number, settings: StoredSettings, secrets: NotificationSecrets, now: number): Promise<void> {
    const sealed = Object.keys(secrets).length === 0 ? null : this.box.seal(JSON.stringify(secrets));
    this.db
      .prepare(
        `INSERT INTO notification_settings (tenant_id, settings, secrets_sealed, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET settings = excluded.settings, secrets_sealed = excluded.secrets_sealed, updated_at = excluded.updated_at`,
      )
      .run(tenantId, JSON.stringify(settings), sealed, now);
  }
}
