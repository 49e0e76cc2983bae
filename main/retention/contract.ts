import { z } from 'zod';
import { defineInvoke } from '../contract/define';

/**
 * How long the console keeps what would otherwise grow forever. Audit entries follow a setting
 * (retention.updateSettings); the rest is fixed here, in the contract so the Settings section can
 * tell an admin what the daily sweep removes.
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

export const auditDaysSchema = z.number().int().min(RETENTION.minAuditDays).max(RETENTION.maxAuditDays);

/** The "Data retention" section of Settings: the one setting, and the fixed retentions beside it. */
export interface RetentionOverview {
  /** Audit entries older than this many days are deleted. */
  auditDays: number;
  signInAttemptsDays: number;
  endedSessionsDays: number;
  /** Local time of the daily sweep, "HH:MM". */
  dailyAt: string;
}

export const retentionInvokes = {
  'retention.settings': defineInvoke<RetentionOverview>()({
    input: z.object({}).strict(),
    summary: 'How long audit entries, sign-in attempts and ended sessions are kept, and when the daily sweep runs. System admins.',
  }),
  'retention.updateSettings': defineInvoke<RetentionOverview>()({
    input: z.object({ auditDays: auditDaysSchema }).strict(),
    summary: `Sets how many days audit entries are kept (${RETENTION.minAuditDays}–${RETENTION.maxAuditDays}); the next daily sweep applies it. System admins.`,
  }),
};
