import { describe, expect, it } from 'vitest';
import { hashWithQuery, queryFromHash } from './query-in-url';
import { EMPTY_QUERY } from './subscribers-store';

describe('subscriber query in the URL', () => {
  it('round-trips the search and filters beside the view and tenant', () => {
    const query = { search: 'jane doe', status: 'active' as const, planId: 3, routerId: 7 };
    const hash = hashWithQuery('#/subscribers?tenant=2', query);
    expect(hash).toBe('#/subscribers?tenant=2&q=jane+doe&status=active&plan=3&router=7');
    expect(queryFromHash(hash)).toEqual(query);
    expect(hashWithQuery(hash, EMPTY_QUERY)).toBe('#/subscribers?tenant=2');
  });

  it('ignores values that are no status or id', () => {
    expect(queryFromHash('#/subscribers?status=gone&plan=x&router=-1')).toEqual(EMPTY_QUERY);
  });
});
