import { z } from 'zod';
import type { Db } from '../store/database';
import { readSetting, writeSetting } from '../system/settings-table';
import { auditDaysSchema, RETENTION } from './contract';

const KEY = 'retention';
const schema = z.object({ auditDays: auditDaysSchema });
export type RetentionSettings = z.infer<typeof schema>;

export function readRetentionSettings(db: Db): RetentionSettings {
  return readSetting(db, KEY, schema) ?? { auditDays: RETENTION.defaultAuditDays };
}

export function writeRetentionSettings(db: Db, settings: RetentionSettings, now: number): RetentionSettings {
  return writeSetting(db, KEY, schema, settings, now);
}
