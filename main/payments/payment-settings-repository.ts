import type { CsvMapping } from './contract';

/** Per-tenant payment settings: the statement column mapping and the webhook signing secret. */
export interface PaymentSettingsRepository {
  csvMapping(tenantId: number): Promise<CsvMapping | null>;
  saveCsvMapping(tenantId: number, mapping: CsvMapping): Promise<void>;
  /** The secret opened from its seal, or null when none was made. */
  webhookSecret(tenantId: number): Promise<{ secret: string; rotatedAt: number } | null>;
  setWebhookSecret(tenantId: number, secret: string, now: number): Promise<void>;
}
