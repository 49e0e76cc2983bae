/** The tenants' reminder offsets (seconds before expiry). */
export interface SubscriptionSettingsRepository {
  /** Null: the tenant keeps the defaults. */
  reminderOffsets(tenantId: number): Promise<number[] | null>;
  setReminderOffsets(tenantId: number, offsets: readonly number[]): Promise<void>;
  /** The smallest and largest offset of any tenant (tenants without settings have `defaults`); null: no reminders anywhere. */
  offsetBounds(defaults: readonly number[]): Promise<{ min: number; max: number } | null>;
}
