import { describe, expect, it } from 'vitest';
import { hashId, hashParam, hashWithParams } from './hash-params';

describe('hash parameters', () => {
  it('reads, sets and removes parameters, keeping the view and the others', () => {
    const hash = '#/online-users?tenant=3&q=hs0';
    expect(hashParam(hash, 'q')).toBe('hs0');
    expect(hashParam('#/online-users', 'q')).toBeNull();
    expect(hashWithParams(hash, { q: 'north 02', sort: 'user', dir: 'asc' })).toBe('#/online-users?tenant=3&q=north+02&sort=user&dir=asc');
    expect(hashParam(hashWithParams(hash, { q: 'a&b=c' }), 'q')).toBe('a&b=c');
    expect(hashWithParams(hash, { q: '', tenant: null })).toBe('#/online-users');
    expect(hashId('#/x?router=12', 'router')).toBe(12);
    expect(hashId('#/x?router=-1', 'router')).toBeNull();
    expect(hashId('#/x?router=abc', 'router')).toBeNull();
  });
});
