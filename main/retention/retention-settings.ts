import { z } from 'zod';
import type { SettingsStore } from '../system/settings-store';
import { auditDaysSchema, RETENTION } from './contract';

const KEY = 'retention';
const schema = z.object({ auditDays: auditDaysSchema });
export type RetentionSettings = z.infer<typeof schema>;

export async function readRetentionSettings(settings: SettingsStore): Promise<RetentionSettings> {
  return (await settings.read(KEY, schema)) ?? { auditDays: RETENTION.defaultAuditDays };
}

export function writeRetentionSettings(settings: SettingsStore, value: RetentionSettings, now: number): Promise<RetentionSettings> {
  return settings.write(KEY, schema, value, now);
}
