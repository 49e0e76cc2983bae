import type { InvokeInput, InvokeOutput } from '../../../../main/contract';
import type { ChannelMessage, NocApi } from '../../../../main/contract/api';
import type { Result } from '../../../../main/contract/errors';
import type { JobBatch, JobSummary } from '../../../../main/jobs/contract';
import type { VoucherSheetReady } from '../../../../main/vouchers/contract';

export type SheetPhase = { phase: 'rendering'; jobId: number | null } | { phase: 'downloading'; received: number; total: number };

export interface RenderedSheet {
  fileName: string;
  blob: Blob;
  /** From VoucherSheetReady; null when a reconnect found the sheet without its event. */
  pages: number | null;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * A voucher sheet from request to file: `vouchers.renderSheet` queues the PDF (rendered off the
 * main thread), VoucherSheetReady with that job id says it is done (JobFailed says why not),
 * then `vouchers.downloadSheet` hands its bytes over in chunks that become one Blob. Both
 * channels are joined before the request, so an answer that beats the job id is not missed; a
 * reconnect (events possibly lost) asks for the first chunk to see whether the sheet is there.
 */
export async function renderSheet(
  api: NocApi,
  tenantId: number,
  request: InvokeInput<'vouchers.renderSheet'>,
  onPhase: (phase: SheetPhase) => void,
  signal: AbortSignal,
): Promise<Result<RenderedSheet>> {
  let jobId: number | null = null;
  const ready = new Map<number, VoucherSheetReady>();
  const failed = new Map<number, string>();
  let settle: (() => void) | null = null;
  let probe = false;
  const wake = () => settle?.();
  const onVouchers = (message: ChannelMessage) => {
    if (message.kind === 'resync') probe = true;
    else if (message.name === 'VoucherSheetReady') {
      const sheet = message.payload as VoucherSheetReady;
      ready.set(sheet.jobId, sheet);
    } else return;
    wake();
  };
  const onJobs = (message: ChannelMessage) => {
    if (message.kind !== 'event' || message.name !== 'JobFailed') return;
    for (const job of (message.payload as JobBatch<JobSummary & { willRetry: boolean }>).items) {
      if (!job.willRetry) failed.set(job.id, job.lastError ?? 'the sheet job failed');
    }
    wake();
  };
  const leave = [api.subscribe(`tenant.${tenantId}.vouchers`, onVouchers), api.subscribe(`tenant.${tenantId}.jobs`, onJobs)];
  signal.addEventListener('abort', wake);
  try {
    onPhase({ phase: 'rendering', jobId: null });
    const queued = await api.invoke('vouchers.renderSheet', request);
    if (!queued.ok) return queued;
    jobId = queued.data.jobId;
    onPhase({ phase: 'rendering', jobId });
    let first: Result<InvokeOutput<'vouchers.downloadSheet'>> | null = null;
    while (!ready.has(jobId)) {
      if (signal.aborted) return { ok: false, error: { code: 'unavailable', message: 'cancelled' } };
      const why = failed.get(jobId);
      if (why !== undefined) return { ok: false, error: { code: 'internal', message: why } };
      if (probe) {
        probe = false;
        const chunk = await api.invoke('vouchers.downloadSheet', { jobId, offset: 0 });
        if (chunk.ok) {
          first = chunk;
          break;
        }
        continue;
      }
      await new Promise<void>((resolve) => (settle = resolve));
      settle = null;
    }
    const pages = ready.get(jobId)?.pages ?? null;
    const parts: Uint8Array<ArrayBuffer>[] = [];
    let offset = 0;
    for (;;) {
      if (signal.aborted) return { ok: false, error: { code: 'unavailable', message: 'cancelled' } };
      const chunk = first ?? (await api.invoke('vouchers.downloadSheet', { jobId, offset }));
      first = null;
      if (!chunk.ok) return chunk;
      const bytes = bytesOf(chunk.data.base64);
      parts.push(bytes);
      offset += bytes.length;
      onPhase({ phase: 'downloading', received: offset, total: chunk.data.totalBytes });
      if (chunk.data.done || bytes.length === 0) {
        return { ok: true, data: { fileName: chunk.data.fileName, blob: new Blob(parts, { type: 'application/pdf' }), pages } };
      }
    }
  } finally {
    signal.removeEventListener('abort', wake);
    for (const unsubscribe of leave) unsubscribe();
  }
}

