import { describe, expect, it } from 'vitest';
import { stackBars, topSeries } from './bar-layout';

describe('stacked bars of a report', () => {
  it('stacks gains up and losses down from zero, with a rounded axis both ways', () => {
    const layout = stackBars([
      [100, 0, -30],
      [50, 20, 10],
    ]);
    expect(layout.segments).toEqual([
      { bucket: 0, series: 0, y0: 0, y1: 100 },
      { bucket: 0, series: 1, y0: 100, y1: 150 },
      { bucket: 1, series: 1, y0: 0, y1: 20 },
      { bucket: 2, series: 0, y0: -30, y1: 0 },
      { bucket: 2, series: 1, y0: 0, y1: 10 },
    ]);
    expect([layout.top, layout.bottom]).toEqual([200, -50]);
  });

  it('has an axis of 0 to 1 when there is nothing, and none above zero when every bucket lost', () => {
    expect(stackBars([[0, 0]])).toEqual({ segments: [], top: 1, bottom: 0 });
    expect(stackBars([])).toEqual({ segments: [], top: 1, bottom: 0 });
    expect(stackBars([[-120]])).toMatchObject({ top: 0, bottom: -200 });
  });

  it('keeps the biggest series and folds the rest, losses counting by their size', () => {
    const rows = [{ v: 5 }, { v: -90 }, { v: 40 }, { v: 1 }];
    expect(topSeries(rows, (r) => r.v, 3)).toEqual({ kept: [{ v: -90 }, { v: 40 }], rest: [{ v: 5 }, { v: 1 }] });
    expect(topSeries(rows, (r) => r.v, 4).rest).toEqual([]);
  });
});
