import type { Db } from '../store/database';
import { readSetting, writeSetting } from '../system/settings-table';
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
  // A stored value from an older version may lack newer keys, or be hand-edited: fall back per key.
  return { ...DEFAULT_AUTH_SETTINGS, ...readSetting(db, KEY, authSettingsSchema.partial()) };
}

export function writeAuthSettings(db: Db, changes: Partial<AuthSettings>, now: number): AuthSettings {
  return writeSetting(db, KEY, authSettingsSchema, { ...readAuthSettings(db), ...changes }, now);
}
