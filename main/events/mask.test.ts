import { describe, expect, it } from 'vitest';
import { maskEmail, maskIdentifier, maskMiddle, maskPersonalData, maskPhone } from './mask';

describe('masking personal data', () => {
  it('masks emails to the first letter and the domain', () => {
    expect(maskEmail('john.doe@example.com')).toBe('j***@example.com');
    expect(maskEmail('a@b.co')).toBe('a***@b.co');
    expect(maskEmail('not-an-email')).toBe('n***l');
    expect(maskEmail(null)).toBeNull();
    expect(maskEmail('')).toBe('');
  });

  it('masks phones to the first four and last three digits', () => {
    expect(maskPhone('0712345678')).toBe('0712***678');
    expect(maskPhone('0712 345 678')).toBe('0712***678');
    expect(maskPhone('+254712345678')).toBe('+254712***678');
    expect(maskPhone('12345')).toBe('1***5');
    expect(maskPhone(undefined)).toBeNull();
  });

  it('never returns the whole value', () => {
    for (const value of ['ab', 'abc', 'secret-value']) expect(maskMiddle(value)).not.toBe(value);
  });
});

describe('maskIdentifier', () => {
  it('masks login names that are phone numbers or emails and leaves the rest', () => {
    expect(maskIdentifier('0712345678')).toBe('0712***678');
    expect(maskIdentifier('+254712345678')).toBe('+254712***678');
    expect(maskIdentifier('jane@example.com')).toBe('j***@example.com');
    expect(maskIdentifier('vc-4821')).toBe('vc-4821');
    expect(maskIdentifier('cust001')).toBe('cust001');
    expect(maskIdentifier('12345')).toBe('12345');
  });
});

describe('maskPersonalData', () => {
  it('hides secrets whole, masks emails, phones and personal login names, and leaves the rest', () => {
    const job = {
      tenantId: 3,
      username: 'otto',
      admin: { email: 'jane.doe@acme.example', passwordHash: 'scrypt$32768$8$1$c2FsdA$a2V5', name: 'Jane Doe' },
      routers: [{ label: '0712345678', password: 'router-pw', host: '10.0.0.1' }],
      phone: '+254712345678',
      apiKey: { id: 7 },
      note: 'mailed x.y@example.com on 2026-01-02',
      at: '2026-01-02 10:00:00',
      retries: 2,
    };
    expect(maskPersonalData(job)).toEqual({
      tenantId: 3,
      username: 'otto',
      admin: { email: 'j***@acme.example', passwordHash: '***', name: 'Jane Doe' },
      routers: [{ label: '0712***678', password: '***', host: '10.0.0.1' }],
      phone: '+254712***678',
      apiKey: '***',
      note: 'mailed x***@example.com on 2026-01-02',
      at: '2026-01-02 10:00:00',
      retries: 2,
    });
    expect(maskPersonalData('otto@acme.example')).toBe('o***@acme.example');
    expect(maskPersonalData(null)).toBeNull();
  });
});
