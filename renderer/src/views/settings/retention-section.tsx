import { useEffect, useState } from 'react';
import { RETENTION, type RetentionOverview } from '../../../../main/retention/contract';
import { api } from '../../bridge/api';
import { NumberSetting } from './number-setting';
import { SectionPending } from './section-pending';

/**
 * Settings › Data retention (system admins): how long audit entries are kept, next to the fixed
 * retentions of the daily sweep, so the admin sees everything the console deletes and when.
 */
export function RetentionSection() {
  const [overview, setOverview] = useState<RetentionOverview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    void api.invoke('retention.settings', {}).then((result) => {
      if (!active) return;
      if (result.ok) setOverview(result.data);
      else setError(result.error.message);
    });
    return () => {
      active = false;
    };
  }, []);

  if (!overview) return <SectionPending error={error} />;
  return (
    <div>
      <NumberSetting
        label="Keep audit entries for (days)"
        unit="days"
        min={RETENTION.minAuditDays}
        max={RETENTION.maxAuditDays}
        initial={overview.auditDays}
        save={(auditDays) => api.invoke('retention.updateSettings', { auditDays })}
        savedText={(days) => `Saved: audit entries are kept for ${days} days.`}
        testId="retention"
        fieldTestId="retention-audit-days"
      />
      <p className="muted" data-testid="retention-fixed">
        Every day at {overview.dailyAt} the console also deletes sign-in attempts older than {overview.signInAttemptsDays} days and
        sign-in sessions that ended more than {overview.endedSessionsDays} days ago. A shorter audit period applies at that run.
      </p>
    </div>
  );
}
