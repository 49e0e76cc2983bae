import { z } from 'zod';
import { defineInvoke } from '../contract/define';
import { RETENTION } from './retention-policy';

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
