import type { DomainHandlers } from '../contract/domain-handlers';
import { RETENTION, type RetentionOverview, type retentionInvokes } from './contract';
import type { RetentionServices } from './retention-services';
import { readRetentionSettings, writeRetentionSettings, type RetentionSettings } from './retention-settings';

const overview = ({ auditDays }: RetentionSettings): RetentionOverview => ({
  auditDays,
  signInAttemptsDays: RETENTION.signInAttemptsDays,
  endedSessionsDays: RETENTION.endedSessionsDays,
  dailyAt: RETENTION.dailyAt,
});

export const retentionHandlers: DomainHandlers<keyof typeof retentionInvokes, RetentionServices> = {
  'retention.settings': async (_input, { services }) => overview(await services.accounts.read((tx) => readRetentionSettings(tx.settings))),
  'retention.updateSettings': async ({ auditDays }, { services, session }) => {
    const now = Date.now();
    // The setting and its audit entry commit together; the entry goes live after the commit.
    const settings = await services.accounts.run(async (tx) => {
      const stored = await writeRetentionSettings(tx.settings, { auditDays }, now);
      await tx.audit.record({ at: now, tenantId: null, actor: session.user, action: 'settings.updated', target: { type: 'settings', id: null, label: 'retention' }, details: { auditDays } });
      return stored;
    });
    return overview(settings);
  },
};
