import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword, dummyHash } from './password';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse 9');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse 9', hash)).toBe(true);
    expect(await verifyPassword('correct horse 8', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('salts every hash and keeps its parameters with it', async () => {
    const a = await hashPassword('same password 1', cheap);
    const b = await hashPassword('same password 1', cheap);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password 1', a)).toBe(true);
    expect(needsRehash(a)).toBe(true);
  });

  it('treats malformed or hostile stored hashes as no match', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$1$1$$', 'scrypt$99999999$8$1$AAAA$AAAA', 'bcrypt$2$8$1$AAAA$AAAA']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
    expect(await verifyPassword('anything', await dummyHash())).toBe(false);
  });
});
