import type { ImportOutcome, ImportPreviewView } from '../../../../main/adoption/contract';
import { api } from '../../bridge/api';

export type ImportAnswer<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Starts an import job and waits for its outcome on `tenant.{id}.imports` (admins' topic): the
 * subscription is open before the invoke, so an answer that arrives first is not missed.
 */
function runImportJob<T>(tenantId: number, invoke: () => ReturnType<typeof api.invoke<'routers.import'>>, done: string, read: (payload: unknown) => T): Promise<ImportAnswer<T>> {
  return new Promise((resolve) => {
    const early = new Map<number, ImportAnswer<T>>();
    let jobId: number | null = null;
    const finish = (answer: ImportAnswer<T>) => {
      off();
      resolve(answer);
    };
    const off = api.subscribe(`tenant.${tenantId}.imports`, (message) => {
      if (message.kind !== 'event') return;
      const payload = message.payload as { jobId: number; message?: string };
      const answer: ImportAnswer<T> | null =
        message.name === done ? { ok: true, value: read(payload) } : message.name === 'RouterImportFailed' ? { ok: false, message: payload.message ?? 'the import failed' } : null;
      if (!answer) return;
      if (payload.jobId === jobId) finish(answer);
      else early.set(payload.jobId, answer);
    });
    void invoke().then((result) => {
      if (!result.ok) return finish({ ok: false, message: result.error.message });
      jobId = result.data.jobId;
      const arrived = early.get(jobId);
      if (arrived) finish(arrived);
    });
  });
}

export const previewImport = (tenantId: number, routerId: number) =>
  runImportJob<ImportPreviewView>(tenantId, () => api.invoke('routers.importPreview', { routerId }), 'RouterImportPreviewed', (p) => (p as { preview: ImportPreviewView }).preview);

export const importRouter = (tenantId: number, routerId: number) =>
  runImportJob<ImportOutcome>(tenantId, () => api.invoke('routers.import', { routerId }), 'RouterImported', (p) => (p as { outcome: ImportOutcome }).outcome);

/** One line for the toast and the dialog: what the import did. */
export function outcomeLine(routerName: string, o: ImportOutcome): string {
  if (o.plans + o.vouchers + o.subscribers === 0) return `Nothing new on ${routerName}: everything there is in the console already.`;
  return `Imported from ${routerName}: ${o.plans} plan(s), ${o.vouchers} voucher(s), ${o.subscribers} subscriber(s)${o.conflicts ? `; ${o.conflicts} item(s) left out` : ''}.`;
}
