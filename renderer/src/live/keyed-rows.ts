import type { SessionDelta } from '../../../main/sessions/contract';

/** A live row plus when its `uptimeSeconds` was last set, so displayed times can tick locally. */
export type Stamped<S> = S & { seenAt: number };

/** What one delta did, so a sorted view can be patched instead of re-sorted. */
export interface RowChange<R = unknown> {
  /** The revision this change produced from `revision - 1`. */
  revision: number;
  started: readonly string[];
  ended: readonly string[];
  /** The row objects that left the set (ended, or replaced by a start of the same key). */
  removed: readonly R[];
  updated: readonly string[];
  /** Every field any patch of this change touched. */
  fields: ReadonlySet<string>;
}

/**
 * A live set keyed by row key. Row objects are never mutated (a patch makes a new object), but
 * the map is updated in place by `applyDelta`: copying 20,000 entries per batch would cost more
 * than everything else a batch does. So compare `revision` (bumped on every change; the map
 * itself is replaced only by a snapshot), never the map's identity, to see that rows changed.
 */
export interface KeyedRows<S> {
  rows: ReadonlyMap<string, Stamped<S>>;
  revision: number;
  /** null after a snapshot: derived views must recompute from scratch. */
  lastChange: RowChange<Stamped<S>> | null;
}

export function emptyRows<S>(): KeyedRows<S> {
  return { rows: new Map(), revision: 0, lastChange: null };
}

/** A snapshot replaces the whole set. */
export function rowsFromSnapshot<S extends { key: string }>(sessions: readonly S[], previousRevision: number, now: number): KeyedRows<S> {
  const rows = new Map<string, Stamped<S>>();
  for (const session of sessions) rows.set(session.key, { ...session, seenAt: now });
  return { rows, revision: previousRevision + 1, lastChange: null };
}

/**
 * Applies one batch in the contract's order — ended, then started, then updated — so a key
 * that ended and started again in the same batch ends up as the new session. Patches for keys
 * not in the set are dropped: a missed start shows up as a channel gap and a fresh snapshot.
 * Updates `current.rows` in place (see KeyedRows) and returns the next revision.
 */
export function applyDelta<S extends { key: string }>(current: KeyedRows<S>, delta: SessionDelta<S>, now: number): KeyedRows<S> {
  return applyDeltas(current, [delta], now);
}

/**
 * Several batches in arrival order as one revision (the batches that came within one frame):
 * one change, so a view patches once. A key listed as started may have ended again since, and
 * an updated one may be gone: readers look the key up in `rows`.
 */
export function applyDeltas<S extends { key: string }>(current: KeyedRows<S>, deltas: readonly SessionDelta<S>[], now: number): KeyedRows<S> {
  const rows = current.rows as Map<string, Stamped<S>>;
  const removed: Array<Stamped<S>> = [];
  const take = (key: string) => {
    const row = rows.get(key);
    if (row) {
      removed.push(row);
      rows.delete(key);
    }
  };
  const started = new Set<string>();
  const ended: string[] = [];
  const fields = new Set<string>();
  const updated: string[] = [];
  for (const delta of deltas) {
    for (const key of delta.ended) take(key);
    ended.push(...delta.ended);
    for (const session of delta.started) {
      take(session.key);
      rows.set(session.key, { ...session, seenAt: now });
      started.add(session.key);
    }
    for (const patch of delta.updated) {
      const row = rows.get(patch.key);
      if (!row) continue;
      for (const field in patch) if (field !== 'key') fields.add(field);
      const next = { ...row, ...patch } as Stamped<S>;
      if ('uptimeSeconds' in patch) next.seenAt = now;
      rows.set(patch.key, next);
      updated.push(patch.key);
    }
  }
  const revision = current.revision + 1;
  return { rows, revision, lastChange: { revision, started: [...started], ended, removed, updated, fields } };
}
