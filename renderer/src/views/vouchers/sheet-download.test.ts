import { describe, expect, it } from 'vitest';
import type { ChannelMessage, NocApi } from '../../../../main/contract/api';
import { renderSheet, type SheetPhase } from './sheet-download';

const PDF = '%PDF-1.7 voucher sheet bytes';

/** A NocApi whose channels the test drives; `renderSheet` answers with job 41 and a hook to act meanwhile. */
function fakeApi(options: { chunk?: number; onRender?: (emit: (channel: string, message: ChannelMessage) => void) => void; readyBeforeAnswer?: boolean } = {}) {
  const listeners = new Map<string, Set<(m: ChannelMessage) => void>>();
  const calls: Array<{ name: string; input: unknown }> = [];
  const emit = (channel: string, message: ChannelMessage) => listeners.get(channel)?.forEach((l) => l(message));
  const size = options.chunk ?? 8;
  const api: NocApi = {
    invoke: (async (name: string, input: { offset?: number }) => {
      calls.push({ name, input });
      if (name === 'vouchers.renderSheet') {
        options.onRender?.(emit);
        return { ok: true, data: { jobId: 41 } };
      }
      const offset = input.offset ?? 0;
      const piece = PDF.slice(offset, offset + size);
      return { ok: true, data: { fileName: 'vouchers-batch-3.pdf', totalBytes: PDF.length, offset, base64: btoa(piece), done: offset + size >= PDF.length } };
    }) as NocApi['invoke'],
    subscribe: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return () => listeners.get(channel)!.delete(listener);
    },
    onConnectionState: () => () => undefined,
  };
  return { api, emit, calls, listeners };
}

const request = { batchId: 3, layout: 'a4' as const, cardsPerPage: 21, loginUrl: 'http://login.wifi' };
const ready = { kind: 'event' as const, name: 'VoucherSheetReady', seq: 1, payload: { jobId: 41, batchId: 3, fileName: 'vouchers-batch-3.pdf', bytes: PDF.length, pages: 1, cards: 20 } };

describe('voucher sheet download', () => {
  it('waits for its own job’s VoucherSheetReady, then joins the chunks into one PDF', async () => {
    const fake = fakeApi();
    const phases: SheetPhase[] = [];
    const done = renderSheet(fake.api, 5, request, (p) => phases.push(p), new AbortController().signal);
    await Promise.resolve();
    await Promise.resolve();
    fake.emit('tenant.5.vouchers', { ...ready, payload: { ...ready.payload, jobId: 40 } });
    expect(fake.calls.map((c) => c.name)).toEqual(['vouchers.renderSheet']);
    fake.emit('tenant.5.vouchers', ready);
    const result = await done;
    if (!result.ok) throw new Error(result.error.message);
    expect(await result.data.blob.text()).toBe(PDF);
    expect(result.data).toMatchObject({ fileName: 'vouchers-batch-3.pdf', pages: 1 });
    expect(fake.calls.filter((c) => c.name === 'vouchers.downloadSheet').map((c) => (c.input as { offset: number }).offset)).toEqual([0, 8, 16, 24]);
    expect(phases[0]).toEqual({ phase: 'rendering', jobId: null });
    expect(phases.at(-1)).toEqual({ phase: 'downloading', received: PDF.length, total: PDF.length });
    // Both channels are left again.
    expect([...fake.listeners.values()].every((set) => set.size === 0)).toBe(true);
  });

  it('does not miss a sheet that is ready before the job id arrives', async () => {
    const fake = fakeApi({ onRender: (emit) => emit('tenant.5.vouchers', ready), chunk: 100 });
    const result = await renderSheet(fake.api, 5, request, () => undefined, new AbortController().signal);
    expect(result.ok).toBe(true);
  });

  it('says why when the job fails for good, and ignores a failure that will be retried', async () => {
    const failure = (willRetry: boolean, lastError: string): ChannelMessage => ({ kind: 'event', name: 'JobFailed', seq: 2, payload: { items: [{ id: 41, willRetry, lastError }], more: 0 } });
    const fake = fakeApi({
      onRender: (emit) => {
        emit('tenant.5.jobs', failure(true, 'worker restarted'));
        emit('tenant.5.jobs', failure(false, 'the tenant name has "世", which the sheet’s Latin fonts cannot print'));
      },
    });
    const result = await renderSheet(fake.api, 5, request, () => undefined, new AbortController().signal);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'the tenant name has "世", which the sheet’s Latin fonts cannot print' } });
  });

  it('finds a finished sheet after a reconnect lost its event', async () => {
    const fake = fakeApi({ onRender: (emit) => emit('tenant.5.vouchers', { kind: 'resync' }), chunk: 100 });
    const result = await renderSheet(fake.api, 5, request, () => undefined, new AbortController().signal);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.pages).toBeNull();
    expect(await result.data.blob.text()).toBe(PDF);
  });

  it('stops waiting when cancelled', async () => {
    const fake = fakeApi();
    const abort = new AbortController();
    const done = renderSheet(fake.api, 5, request, () => undefined, abort.signal);
    await Promise.resolve();
    abort.abort();
    expect(await done).toMatchObject({ ok: false, error: { message: 'cancelled' } });
  });
});
