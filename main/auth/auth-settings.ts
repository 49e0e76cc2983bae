import type { SettingsStore } from '../system/settings-store';
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

export async function readAuthSettings(settings: SettingsStore): Promise<AuthSettings> {
  // A stored value from an older version may lack newer keys, or be hand-edited: fall back per key.
  return { ...DEFAULT_AUTH_SETTINGS, ...(await settings.read(KEY, authSettingsSchema.partial())) };
}

export async function writeAuthSettings(settings: SettingsStore, changes: Partial<AuthSettings>, now: number): Promise<AuthSettings> {
  return settings.write(KEY, authSettingsSchema, { ...(await readAuthSettings(settings)), ...changes }, now);
}
