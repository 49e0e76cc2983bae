import type { Db } from '../store/database';
// The schema is part of the contract (the settings invokes validate with it); stored and read here.
import { authSettingsSchema, type AuthSettings } from './contract';

export type { AuthSettings };

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  maxFailures: 5,
  failureWindowMinutes: 15,
  lockMinutes: 15,
  sessionIdleMinutes: 8 * 60,
  sessionAbsoluteMinutes: 24 * 60,
  selfRegistration: false,
  requireTwoFactorForSystemAdmins: false,
};

const KEY = 'auth';

export function readAuthSettings(db: Db): AuthSettings {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(KEY);
  if (!row) return DEFAULT_AUTH_SETTINGS;
  // A stored value from an older version may lack newer keys, or be hand-edited: fall back per key.
  const stored = authSettingsSchema.partial().safeParse(JSON.parse(row.value));
  return { ...DEFAULT_AUTH_SETTINGS, ...(stored.success ? stored.data : {}) };
}

export function writeAuthSettings(db: Db, changes: Partial<AuthSettings>, now: number): AuthSettings {
  const next = authSettingsSchema.parse({ ...readAuthSettings(db), ...changes });
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(KEY, JSON.stringify(next), new Date(now).toISOString());
  return next;
}
