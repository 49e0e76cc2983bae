import { describe, expect, it } from 'vitest';
import { chartPath, niceMax } from './chart-scale';

describe('niceMax', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(120)).toBe(200);
    expect(niceMax(200)).toBe(200);
    expect(niceMax(3_400_000)).toBe(5_000_000);
  });
});

describe('chartPath', () => {
  it('scales points into the box with y growing down', () => {
    expect(chartPath([{ t: 0, v: 0 }, { t: 50, v: 5 }, { t: 100, v: 10 }], 0, 100, 10, 200, 100)).toBe('M0.0,100.0L100.0,50.0L200.0,0.0');
  });
  it('drops points outside the window, so the line moves as the window does', () => {
    const points = [{ t: 0, v: 1 }, { t: 10, v: 1 }, { t: 20, v: 1 }];
    expect(chartPath(points, 10, 30, 1, 20, 10)).toBe('M0.0,0.0L10.0,0.0');
  });
  it('breaks the line across a long gap', () => {
    const points = [0, 10, 20, 30, 200, 210].map((t) => ({ t, v: 0 }));
    expect(chartPath(points, 0, 210, 1, 210, 10).match(/M/g)).toHaveLength(2);
  });
  it('is empty without points', () => {
    expect(chartPath([], 0, 10, 1, 10, 10)).toBe('');
  });
});
