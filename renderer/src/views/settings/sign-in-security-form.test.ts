import { describe, expect, it } from 'vitest';
import type { AuthSettings } from '../../../../main/auth/contract';
import { changesFrom, formFrom } from './sign-in-security-form';

const saved: AuthSettings = {
  maxFailures: 5,
  failureWindowMinutes: 15,
  lockMinutes: 15,
  sessionIdleMinutes: 480,
  sessionAbsoluteMinutes: 1440,
  selfRegistration: false,
  requireTwoFactorForSystemAdmins: false,
};

describe('the sign-in and security form', () => {
  it('sends nothing when nothing changed, and only what changed otherwise', () => {
    expect(changesFrom(saved, formFrom(saved))).toEqual({ changes: {}, fields: {} });
    const form = formFrom(saved);
    form.numbers.lockMinutes = ' 30 ';
    form.requireTwoFactorForSystemAdmins = true;
    expect(changesFrom(saved, form)).toEqual({ changes: { lockMinutes: 30, requireTwoFactorForSystemAdmins: true }, fields: {} });
  });

  it("refuses numbers outside the contract's bounds or not whole, and then sends nothing", () => {
    const form = formFrom(saved);
    form.numbers.maxFailures = '0';
    form.numbers.sessionAbsoluteMinutes = '2.5';
    form.selfRegistration = true;
    expect(changesFrom(saved, form)).toEqual({
      changes: {},
      fields: { maxFailures: 'Enter a whole number from 1 to 100.', sessionAbsoluteMinutes: 'Enter a whole number from 5 to 129600.' },
    });
  });
});
