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
  'retention.updateSettings': ({ auditDays }, { services, session }) => {
    const now = Date.now();
    const { db, audit } = services;
    const entry = db.transaction(() => {
      writeRetentionSettings(db, { auditDays }, now);
      return audit.record({ at: now, tenantId: null, actor: session.user, action: 'settings.updated', target: { type: 'settings', id: null, label: 'retention' }, details: { auditDays } });
    })();
    audit.publish(entry);
    return overview(db);
  },
};
