import { useEffect, useMemo, useRef } from 'react';
import { holdOrder } from './held-order';

/**
 * Freeze order: while `holding` (the pointer, or keyboard focus, is on the rows) they keep the
 * order they had when it started (new values, gone rows dropped, new rows at the end); when it
 * ends the current order applies. A change of `resetKey` (another sort or filter the person
 * asked for) applies at once.
 */
export function useHeldOrder<R>(rows: readonly R[], rowKey: (row: R) => string, resetKey: string, holding: boolean): readonly R[] {
  const last = useRef<{ rows: readonly R[]; resetKey: string } | null>(null);
  const keyOf = useRef(rowKey);
  keyOf.current = rowKey;
  const shown = useMemo(() => {
    const previous = last.current;
    if (!holding || !previous || previous.resetKey !== resetKey) return rows;
    return holdOrder(previous.rows, rows, keyOf.current);
  }, [rows, holding, resetKey]);
  useEffect(() => {
    last.current = { rows: shown, resetKey };
  }, [shown, resetKey]);
  return shown;
}
