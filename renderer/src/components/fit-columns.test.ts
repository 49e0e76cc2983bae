import { describe, expect, it } from 'vitest';
import { fitColumns } from './fit-columns';

const columns = [
  { id: 'user', width: 100 },
  { id: 'mac', width: 80, priority: 3 },
  { id: 'login', width: 60, priority: 4 },
  { id: 'uptime', width: 70, priority: 2 },
  { id: 'left', width: 70, priority: 3 },
  { id: 'actions', width: 50, pinned: true, priority: 9 },
];
const ids = (list: Array<{ id: string }>) => list.map((c) => c.id);

describe('fitColumns', () => {
  it('shows every column when they fit or the width is not known yet', () => {
    expect(ids(fitColumns(columns, 430).shown)).toEqual(ids(columns));
    expect(ids(fitColumns(columns, 0).shown)).toEqual(ids(columns));
    expect(fitColumns(columns, 430).folded).toEqual([]);
  });

  it('folds the largest priority number first, the rightmost among equals, and only as many as needed', () => {
    expect(ids(fitColumns(columns, 429).folded)).toEqual(['login']);
    expect(ids(fitColumns(columns, 369).folded)).toEqual(['login', 'left']);
    expect(ids(fitColumns(columns, 299).folded)).toEqual(['mac', 'login', 'left']);
    expect(ids(fitColumns(columns, 299).shown)).toEqual(['user', 'uptime', 'actions']);
  });

  it('never folds priority-1 or pinned columns, even when the rest still do not fit', () => {
    const { shown, folded } = fitColumns(columns, 10);
    expect(ids(shown)).toEqual(['user', 'actions']);
    expect(folded).toHaveLength(4);
  });
});
