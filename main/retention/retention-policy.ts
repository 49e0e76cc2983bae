/**
 * How long the console keeps what would otherwise grow forever. Audit entries follow a setting
 * (see retention-settings.ts); the rest is fixed here. Pure values: the contract and renderer
 * read them to tell an admin what the daily sweep removes.
 */
export const RETENTION = {
  /** Sign-in attempts and ended lockouts: far past the lockout window (at most a day), long enough to look into a month of sign-ins. */
  signInAttemptsDays: 30,
  /** Sign-in sessions that ended or expired (they can no longer be resumed). */
  endedSessionsDays: 30,
  /** Audit entries unless a system admin sets otherwise. */
  defaultAuditDays: 365,
  minAuditDays: 30,
  maxAuditDays: 3650,
  /** Local time of the daily sweep, "HH:MM": after the jobs housekeeping (03:17), before the morning. */
  dailyAt: '03:47',
} as const;
