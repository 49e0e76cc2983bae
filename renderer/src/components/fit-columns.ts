/** What fitting needs of a column: its width, whether it may fold, and how early. */
export interface FittableColumn {
  id: string;
  width: number;
  /** 1 (or none) never folds; larger numbers fold away first when the table is too narrow. */
  priority?: number;
  /** Pinned columns (row actions) never fold. */
  pinned?: boolean;
}

/**
 * The columns that fit in `width` px: folds the foldable column with the largest priority
 * number (the rightmost among equals) until the rest fit or only unfoldable ones are left.
 * Folded columns stay reachable in the row detail, so nothing is lost, only moved.
 * `width` 0 means "not measured yet": everything is shown.
 */
export function fitColumns<C extends FittableColumn>(columns: readonly C[], width: number): { shown: C[]; folded: C[] } {
  if (width <= 0) return { shown: [...columns], folded: [] };
  const folded = new Set<C>();
  let total = columns.reduce((sum, c) => sum + c.width, 0);
  const candidates = columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => !column.pinned && (column.priority ?? 1) > 1)
    .sort((a, b) => (b.column.priority ?? 1) - (a.column.priority ?? 1) || b.index - a.index);
  for (const { column } of candidates) {
    if (total <= width) break;
    folded.add(column);
    total -= column.width;
  }
  return { shown: columns.filter((c) => !folded.has(c)), folded: columns.filter((c) => folded.has(c)) };
}
