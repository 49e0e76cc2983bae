import { useEffect, useMemo, useRef } from 'react';
import { HeldOrder } from './held-order';

/**
 * Freeze order: while `holding` (the pointer, or keyboard focus, is on the rows) they keep the
 * order they had when it started (new values, gone rows dropped, new rows at the end); when it
 * ends the current order applies. A change of `resetKey` (another sort or filter the person
 * asked for) applies at once. While holding, each render costs what changed (see HeldOrder).
 */
export function useHeldOrder<R>(rows: readonly R[], rowKey: (row: R) => string, resetKey: string, holding: boolean): readonly R[] {
  const last = useRef<{ rows: readonly R[]; resetKey: string } | null>(null);
  const held = useRef<HeldOrder<R> | null>(null);
  const keyOf = useRef(rowKey);
  keyOf.current = rowKey;
  const shown = useMemo(() => {
    const previous = last.current;
    if (!holding || !previous || previous.resetKey !== resetKey) {
      held.current = null;
      return rows;
    }
    // Idempotent for the same rows, as a memo must be (React may call it twice).
    held.current ??= new HeldOrder(previous.rows, (row) => keyOf.current(row));
    return held.current.update(rows);
  }, [rows, holding, resetKey]);
  useEffect(() => {
    last.current = { rows: shown, resetKey };
  }, [shown, resetKey]);
  return shown;
}
