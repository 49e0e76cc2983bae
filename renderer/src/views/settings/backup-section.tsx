import { useEffect, useState, type FormEvent } from 'react';
import { BACKUP_KEEP, type BackupFile, type BackupOverview } from '../../../../main/backup/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { formatBytes } from '../../format/bytes';
import { FormField } from '../account/form-field';

const KIND_LABEL: Record<BackupFile['kind'], string> = {
  scheduled: 'daily',
  manual: 'on demand',
  'before-restore': 'kept by a restore',
};

/**
 * Settings › Backups (system admins): the store's backups, "Back up now" (a job), and how many
 * are kept. One snapshot on mount, then BackupsChanged on system.backups: a backup made by the
 * schedule or another admin shows up without a reload. It also says plainly what a backup does
 * not hold (the secret key) and how a restore is done.
 */
export function BackupSection() {
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [keep, setKeep] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [running, setRunning] = useState<number | null>(null);

  useEffect(
    () =>
      attachLiveChannel<BackupOverview>({
        channel: 'system.backups',
        fetchSnapshot: () => api.invoke('backups.list', {}),
        onSnapshot: (data) => {
          setOverview(data);
          setKeep(String(data.keep));
        },
        onEvent: (name, payload) => {
          if (name !== 'BackupsChanged') return;
          setOverview(payload as BackupOverview);
          setRunning(null);
        },
        onError: setError,
      }),
    [],
  );

  const backUpNow = () => {
    setError(null);
    void api.invoke('backups.create', {}).then((result) => {
      if (!result.ok) return setError(result.error.message);
      setRunning(result.data.jobId);
    });
  };

  const saveKeep = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const value = Number(keep);
    if (!Number.isInteger(value) || value < BACKUP_KEEP.min || value > BACKUP_KEEP.max) {
      setError(`Enter a whole number of backups from ${BACKUP_KEEP.min} to ${BACKUP_KEEP.max}.`);
      return;
    }
    setBusy(true);
    void api.invoke('backups.updateSettings', { keep: value }).then((result) => {
      setBusy(false);
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setSaved(true);
      setOverview(result.data);
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
  const example = overview.backups[0] ? `${overview.folder}/${overview.backups[0].name}` : `${overview.folder}/FILE.db`;
  return (
    <div data-testid="backups">
      <p className="muted">
        Every day at {overview.dailyAt} (this computer’s time) and whenever you ask, the console copies its store into{' '}
        <code data-testid="backups-folder">{overview.folder}</code> while it keeps working. The newest {overview.keep} daily and
        on-demand backups are kept; a copy a restore kept of the store it replaced is never deleted by the console.
      </p>
      <p data-testid="backups-secret-key">
        <strong>A backup does not contain the secret key.</strong> Router passwords and two-factor secrets stay encrypted in it
        under the data folder’s key (<code>secret.key</code> next to the store; on the desktop that key is itself sealed by this
        user account’s keychain). To restore on another machine, bring the backup and copy <code>secret.key</code> from the old
        data folder; without it the data comes back, but router passwords must be entered again and two-factor users sign in
        with a recovery code and enrol again. Keep the key somewhere safe, apart from the backups.
      </p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={backUpNow} disabled={running !== null} data-testid="backups-now">
          Back up now
        </button>
        {running !== null && (
          <span className="muted" role="status" data-testid="backups-running">
            Backing up (job {running})…
          </span>
        )}
      </div>
      {overview.backups.length === 0 ? (
        <p className="muted" data-testid="backups-empty">
          No backups yet.
        </p>
      ) : (
        <div className="table-box">
          <table className="data-table" data-testid="backups-list">
            <thead>
              <tr>
                <th scope="col">Made</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col">File</th>
              </tr>
            </thead>
            <tbody>
              {overview.backups.map((b) => (
                <tr key={b.name} data-testid={`backup-row-${b.name}`}>
                  <td>{new Date(b.createdAt).toLocaleString()}</td>
                  <td>{KIND_LABEL[b.kind]}</td>
                  <td className="num">{formatBytes(b.sizeBytes)}</td>
                  <td className="mono">{b.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="form" onSubmit={saveKeep} data-testid="backups-keep-form">
        <FormField label="Backups to keep" type="number" min={BACKUP_KEEP.min} max={BACKUP_KEEP.max} value={keep} onChange={setKeep} testId="backups-keep" />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {saved && (
          <p className="accepted" role="status" data-testid="backups-saved">
            Saved: the newest {overview.keep} backups are kept.
          </p>
        )}
        <div className="form-actions">
          <button type="submit" disabled={busy} data-testid="backups-keep-save">
            Save
          </button>
        </div>
      </form>
      <p className="muted" data-testid="backups-restore">
        To restore a backup, stop the console and start it with <code>--restore</code>, e.g.{' '}
        <code>npm run serve -- --restore "{example}"</code> (or <code>npm start -- --restore …</code>). Before the store opens the
        file is checked (a store of this or an older version, and SQLite’s integrity check) and the current store is kept in the
        backups folder.
      </p>
    </div>
  );
}
