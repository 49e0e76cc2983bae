import type { DomainHandlers } from '../core/handlers';
import type { backupInvokes } from './contract';
import { backupFolder, pruneBackups } from './backup-folder';
import { backupOverview } from './backup-overview';
import { writeBackupSettings } from './backup-settings';

export const backupHandlers: DomainHandlers<keyof typeof backupInvokes> = {
  'backups.list': (_input, { services }) => backupOverview(services.db, services.dataDir),
  // One backup at a time: a second "Back up now" while one is queued or running gets that job.
  'backups.create': (_input, { services }) => services.jobs.enqueue('backups.create', { kind: 'manual' }, { uniqueKey: 'backups.create' }),
  'backups.updateSettings': async ({ keep }, { services, session }) => {
    const now = Date.now();
    const { db } = services;
    // The setting and its audit entry commit together: no change goes unaudited, no entry claims a change that did not happen.
    await services.accounts.run(async (tx) => {
      writeBackupSettings(db, { keep }, now);
      await tx.audit.record({ at: now, tenantId: null, actor: session.user, action: 'settings.updated', target: { type: 'settings', id: null, label: 'backups' }, details: { keep } });
    });
    // Files are pruned only once the lower keep is stored; a failure here is undone by the next backup's prune.
    pruneBackups(backupFolder(services.dataDir), keep);
    const overview = backupOverview(services.db, services.dataDir);
    services.bus.publish('BackupsChanged', overview);
    return overview;
  },
};
