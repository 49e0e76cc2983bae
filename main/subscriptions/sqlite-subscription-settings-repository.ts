import { z } from 'zod';
import type { Db } from '../store/database';
import type { SubscriptionSettingsRepository } from './subscription-settings-repository';

const stored = z.array(z.number().int());

export class SqliteSubscriptionSettingsRepository implements SubscriptionSettingsRepository {
  constructor(private readonly db: Db) {}

  async reminderOffsets(tenantId: number): Promise<number[] | null> {
    const row = this.db.prepare<[number], { reminder_offsets: string }>('SELECT reminder_offsets FROM subscription_settings WHERE tenant_id = ?').get(tenantId);
    return row ? stored.parse(JSON.parse(row.reminder_offsets)) : null;
  }

  async setReminderOffsets(tenantId: number, offsets: readonly number[]): Promise<void> {
    this.db
      .prepare('INSERT INTO subscription_settings (tenant_id, reminder_offsets) VALUES (?, ?) ON CONFLICT (tenant_id) DO UPDATE SET reminder_offsets = excluded.reminder_offsets')
      .run(tenantId, JSON.stringify(offsets));
  }

  async offsetBounds(defaults: readonly number[]): Promise<{ min: number; max: number } | null> {
    const rows = this.db.prepare<[], { reminder_offsets: string }>('SELECT reminder_offsets FROM subscription_settings').all();
    const customised = this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM subscription_settings').get()!.n;
    const tenants = this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM tenants').get()!.n;
    const all = [...rows.flatMap((r) => stored.parse(JSON.parse(r.reminder_offsets))), ...(customised < tenants ? defaults : [])];
    return all.length === 0 ? null : { min: Math.min(...all), max: Math.max(...all) };
  }
}
