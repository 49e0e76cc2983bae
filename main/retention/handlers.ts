import type { DomainHandlers } from '../core/handlers';
import type { Db } from '../store/database';
import { RETENTION, type RetentionOverview, type retentionInvokes } from './contract';
import { readRetentionSettings, writeRetentionSettings } from './retention-settings';

const overview = (db: Db): RetentionOverview => ({
  auditDays: readRetentionSettings(db).auditDays,
  signInAttemptsDays: RETENTION.signInAttemptsDays,
  endedSessionsDays: RETENTION.endedSessionsDays,
  dailyAt: RETENTION.dailyAt,
});

export const retentionHandlers: DomainHandlers<keyof typeof retentionInvokes> = {
  'retention.settings': (_input, { services }) => overview(services.db),
  'retention.updateSettings': async ({ auditDays }, { services, session }) => {
    const now = Date.now();
    const { db } = services;
    // The setting and its audit entry commit together; the entry goes live after the commit.
    await services.accounts.run(async (tx) => {
      writeRetentionSettings(db, { auditDays }, now);
      await tx.audit.record({ at: now, tenantId: null, actor: session.user, action: 'settings.updated', target: { type: 'settings', id: null, label: 'retention' }, details: { auditDays } });
    });
    return overview(db);
  },
};
