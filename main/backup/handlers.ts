import type { DomainHandlers } from '../contract/domain-handlers';
import type { backupInvokes } from './contract';
import { backupFolder, pruneBackups } from './backup-folder';
import { backupOverview } from './backup-overview';
import { readBackupSettings, writeBackupSettings } from './backup-settings';
import type { BackupServices } from './backup-services';

export const backupHandlers: DomainHandlers<keyof typeof backupInvokes, BackupServices> = {
  'backups.list': async (_input, { services }) => backupOverview(services.dataDir, await services.accounts.read((tx) => readBackupSettings(tx.settings))),
  // One backup at a time: a second "Back up now" while one is queued or running gets that job.
  'backups.create': (_input, { services }) => services.accounts.run((tx) => tx.jobs.enqueue('backups.create', { kind: 'manual' }, { uniqueKey: 'backups.create' })),
  'backups.updateSettings': async ({ keep }, { services, session }) => {
    const now = Date.now();
    // The setting and its audit entry commit together: no change goes unaudited, no entry claims a change that did not happen.
    const settings = await services.accounts.run(async (tx) => {
      const stored = await writeBackupSettings(tx.settings, { keep }, now);
      await tx.audit.record({ at: now, tenantId: null, actor: session.user, action: 'settings.updated', target: { type: 'settings', id: null, label: 'backups' }, details: { keep } });
      return stored;
    });
    // Files are pruned only once the lower keep is stored; a failure here is undone by the next backup's prune.
    pruneBackups(backupFolder(services.dataDir), keep);
    const overview = backupOverview(services.dataDir, settings);
    services.bus.publish('BackupsChanged', overview);
    return overview;
  },
};
