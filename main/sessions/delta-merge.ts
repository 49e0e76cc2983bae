import type { SessionDelta } from './contract';

export function emptyDelta<S extends { key: string }>(): SessionDelta<S> {
  return { started: [], updated: [], ended: [] };
}

export function isEmptyDelta(delta: SessionDelta<{ key: string }>): boolean {
  return delta.started.length === 0 && delta.updated.length === 0 && delta.ended.length === 0;
}

/**
 * Folds `next` into `into` so that applying the result equals applying both in order:
 * an update of a row started in the same batch is merged into it, a row that starts and ends
 * in the batch vanishes, repeated updates merge, and an end cancels pending updates.
 */
export function mergeDelta<S extends { key: string }>(into: SessionDelta<S>, next: SessionDelta<S>): void {
  const started = new Map(into.started.map((s) => [s.key, s]));
  const updated = new Map(into.updated.map((u) => [u.key, u]));
  const ended = new Set(into.ended);
  for (const s of next.started) {
    started.set(s.key, s);
    updated.delete(s.key);
    // Ended then started again in one batch: keep both so the client replaces the row.
  }
  for (const u of next.updated) {
    const fresh = started.get(u.key);
    if (fresh) started.set(u.key, { ...fresh, ...u });
    else updated.set(u.key, { ...updated.get(u.key), ...u });
  }
  for (const key of next.ended) {
    updated.delete(key);
    if (started.delete(key) && !ended.has(key)) continue;
    ended.add(key);
  }
  into.started = [...started.values()];
  into.updated = [...updated.values()];
  into.ended = [...ended];
}
