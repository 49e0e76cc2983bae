import { describe, expect, it } from 'vitest';
import { rememberLoginUrl, rememberedLoginUrl } from './login-url-memory';

const memoryStorage = () => {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
};

describe('remembered hotspot login URL', () => {
  it('remembers the last URL per tenant', () => {
    const storage = memoryStorage();
    expect(rememberedLoginUrl(1, storage)).toBe('');
    rememberLoginUrl(1, ' http://login.alpha.net ', storage);
    rememberLoginUrl(2, 'http://wifi.bravo/login', storage);
    expect(rememberedLoginUrl(1, storage)).toBe('http://login.alpha.net');
    expect(rememberedLoginUrl(2, storage)).toBe('http://wifi.bravo/login');
  });

  it('starts empty when storage refuses', () => {
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } };
    expect(() => rememberLoginUrl(1, 'http://x', refusing)).not.toThrow();
    expect(rememberedLoginUrl(1, refusing)).toBe('');
  });
});
