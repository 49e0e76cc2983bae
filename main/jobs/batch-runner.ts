import type { BatchEvents, BatchHandle, ReadyJob } from './executor';

/**
 * Runs a batch whose jobs may differ in where they run (main thread or pool): consecutive jobs
 * of the same kind form a segment, segments run one after another, so the batch still holds
 * one worker slot of its queue. Control calls reach the active segment; once stopped or
 * aborted, later segments are given back unstarted.
 */
export function runSegments(
  items: ReadyJob[],
  kindOf: (item: ReadyJob) => 'main' | 'pool',
  start: (kind: 'main' | 'pool', segment: ReadyJob[], events: BatchEvents) => BatchHandle,
  events: BatchEvents,
): BatchHandle {
  const segments: Array<{ kind: 'main' | 'pool'; items: ReadyJob[] }> = [];
  for (const item of items) {
    const kind = kindOf(item);
    const last = segments.at(-1);
    if (last && last.kind === kind) last.items.push(item);
    else segments.push({ kind, items: [item] });
  }
  if (segments.length === 1) return start(segments[0]!.kind, segments[0]!.items, events);

  let active: BatchHandle | null = null;
  let halted = false;
  const cancelled = new Set<number>();
  const run = async () => {
    for (const segment of segments) {
      if (halted) {
        for (const { job } of segment.items) events.finished({ kind: 'unstarted', job });
        continue;
      }
      active = start(segment.kind, segment.items, events);
      for (const id of cancelled) active.cancel(id);
      await active.done;
      active = null;
    }
  };
  return {
    done: run(),
    cancel(jobId) {
      cancelled.add(jobId);
      (active as BatchHandle | null)?.cancel(jobId);
    },
    stop() {
      halted = true;
      (active as BatchHandle | null)?.stop();
    },
    abort(reason) {
      halted = true;
      (active as BatchHandle | null)?.abort(reason);
    },
  };
}
