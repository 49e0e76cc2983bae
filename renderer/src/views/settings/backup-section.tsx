import { useEffect, useState } from 'react';
import { BACKUP_KEEP, type BackupFile, type BackupOverview } from '../../../../main/backup/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { formatBytes } from '../../format/bytes';
import { NumberSetting } from './number-setting';
import { SectionPending } from './section-pending';
import { useFormat } from '../../format/use-format';

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
  const format = useFormat();
  const [error, setError] = useState<string | null>(null);
  /** The job of the last "Back up now", until a BackupsChanged shows its file. */
  const [started, setStarted] = useState<number | null>(null);
  const [asking, setAsking] = useState(false);

  useEffect(
    () =>
      attachLiveChannel<BackupOverview>({
        channel: 'system.backups',
        fetchSnapshot: () => api.invoke('backups.list', {}),
        onSnapshot: setOverview,
        onEvent: (name, payload) => {
          if (name !== 'BackupsChanged') return;
          setOverview(payload as BackupOverview);
          setStarted(null);
        },
        onError: setError,
      }),
    [],
  );

  const backUpNow = () => {
    setError(null);
    setAsking(true);
    void api.invoke('backups.create', {}).then((result) => {
      setAsking(false);
      if (!result.ok) return setError(result.error.message);
      setStarted(result.data.jobId);
    });
  };

  if (!overview) return <SectionPending error={error} />;
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
        under this data folder’s key, which is kept outside the store: <code>secret.key</code> on the headless host,{' '}
        <code>secret.key.keychain</code> on the desktop (sealed by this user account’s keychain). Restoring into this folder needs
        nothing else. To restore on another machine, bring the backup and copy <code>secret.key</code> from the old data folder
        into the new one; a keychain-sealed key opens only for the same user on the same computer. Without the key the data comes
        back, but router passwords must be entered again and two-factor users sign in with a recovery code and set up their
        authenticator again. Keep the key somewhere safe, apart from the backups.
      </p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={backUpNow} disabled={asking} data-testid="backups-now">
          Back up now
        </button>
        {started !== null && (
          <span className="muted" role="status" data-testid="backups-started">
            Backing up as job {started}; the file appears below when it is written (a failure shows in Jobs).
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
                  <td>{format.dateTime(b.createdAt)}</td>
                  <td>{KIND_LABEL[b.kind]}</td>
                  <td className="num">{formatBytes(b.sizeBytes)}</td>
                  <td className="mono">{b.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <NumberSetting
        label="Backups to keep"
        unit="backups"
        min={BACKUP_KEEP.min}
        max={BACKUP_KEEP.max}
        initial={overview.keep}
        save={(keep) => api.invoke('backups.updateSettings', { keep })}
        savedText={(keep) => `Saved: the newest ${keep} backups are kept.`}
        testId="backups-keep"
      />
      <p className="muted" data-testid="backups-restore">
        To restore a backup, stop the console and start it with <code>--restore</code>, e.g.{' '}
        <code>npm run serve -- --restore "{example}"</code> (or <code>npm start -- --restore …</code>). Before the store opens the
        file is checked (a store of this or an older version, and SQLite’s integrity check) and the current store is kept in the
        backups folder.
      </p>
    </div>
  );
}
