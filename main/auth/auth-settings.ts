import { z } from 'zod';
import type { Db } from '../store/database';

/** Sign-in, lockout, session and registration settings, stored in the `settings` table. */
export const authSettingsSchema = z.object({
  /** Failed sign-ins within the window that lock a username. */
  maxFailures: z.number().int().min(1).max(100),
  failureWindowMinutes: z.number().int().min(1).max(24 * 60),
  lockMinutes: z.number().int().min(1).max(24 * 60),
  /** A session unused this long ends; resuming it needs a new sign-in. */
  sessionIdleMinutes: z.number().int().min(1).max(30 * 24 * 60),
  /** A session ends this long after sign-in, used or not. */
  sessionAbsoluteMinutes: z.number().int().min(5).max(90 * 24 * 60),
  /** Whether the sign-in screen offers tenant self-registration. Off by default. */
  selfRegistration: z.boolean(),
  /** System admins must use two-factor sign-in (one who has not enrolled is taken to enrolment). */
  requireTwoFactorForSystemAdmins: z.boolean(),
});

export type AuthSettings = z.infer<typeof authSettingsSchema>;

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
