import { describe, expect, it } from 'vitest';
import { compactMac } from './compact-mac';

describe('compactMac', () => {
  it('keeps the last three octets of a MAC', () => {
    expect(compactMac('48:8F:5A:3C:7F:1A')).toBe('…3C:7F:1A');
    expect(compactMac('48-8f-5a-3c-7f-1a')).toBe('…3c-7f-1a');
  });
  it('leaves anything else as it is', () => {
    expect(compactMac('0712***678')).toBe('0712***678');
    expect(compactMac('')).toBe('');
    expect(compactMac('48:8F:5A:3C:7F')).toBe('48:8F:5A:3C:7F');
  });
});
