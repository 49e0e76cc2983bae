import { useEffect, useState, type FormEvent } from 'react';
import { RETENTION, type RetentionOverview } from '../../../../main/retention/contract';
import { api } from '../../bridge/api';
import { FormField } from '../account/form-field';

/**
 * Settings › Data retention (system admins): how long audit entries are kept, next to the fixed
 * retentions of the daily sweep, so the admin sees everything the console deletes and when.
 */
export function RetentionSection() {
  const [overview, setOverview] = useState<RetentionOverview | null>(null);
  const [days, setDays] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const show = (data: RetentionOverview) => {
    setOverview(data);
    setDays(String(data.auditDays));
  };

  useEffect(() => {
    let active = true;
    void api.invoke('retention.settings', {}).then((result) => {
      if (!active) return;
      if (result.ok) show(result.data);
      else setError(result.error.message);
    });
    return () => {
      active = false;
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const auditDays = Number(days);
    if (!Number.isInteger(auditDays) || auditDays < RETENTION.minAuditDays || auditDays > RETENTION.maxAuditDays) {
      setError(`Enter a whole number of days from ${RETENTION.minAuditDays} to ${RETENTION.maxAuditDays}.`);
      return;
    }
    setBusy(true);
    void api.invoke('retention.updateSettings', { auditDays }).then((result) => {
      setBusy(false);
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setSaved(true);
      show(result.data);
    });
  };

  if (!overview) {
    return error ? (
      <p className="error" role="alert">
        {error}
      </p>
    ) : (
      <p className="muted">Loading…</p>
    );
  }
  return (
    <form className="form" onSubmit={submit} data-testid="retention-form">
      <FormField
        label="Keep audit entries for (days)"
        type="number"
        min={RETENTION.minAuditDays}
        max={RETENTION.maxAuditDays}
        value={days}
        onChange={setDays}
        testId="retention-audit-days"
      />
      <p className="muted" data-testid="retention-fixed">
        Every day at {overview.dailyAt} the console also deletes sign-in attempts older than {overview.signInAttemptsDays} days and
        sign-in sessions that ended more than {overview.endedSessionsDays} days ago. A shorter audit period applies at that run.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="accepted" role="status" data-testid="retention-saved">
          Saved: audit entries are kept for {overview.auditDays} days.
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="retention-save">
          Save
        </button>
      </div>
    </form>
  );
}
