import { beforeEach, describe, expect, it } from 'vitest';
import { codeRefused, phaseAfterSignIn } from './auth-store';
import { resetTwoFactorStore, twoFactorTransitions as t, useTwoFactorStore } from './two-factor-store';

const enrolment = { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x', qrDataUrl: 'data:image/png;base64,AAAA' };
const apply = (patch: object) => useTwoFactorStore.setState(patch);

describe('two-factor sign-in in the renderer', () => {
  beforeEach(resetTwoFactorStore);

  it('sends a restricted session to enrolment and any other straight in', () => {
    expect(phaseAfterSignIn({ restriction: 'two_factor_enrolment' })).toBe('enrol');
    expect(phaseAfterSignIn({})).toBe('signed-in');
  });

  it('keeps a wrong code on the code step while it lasts, and goes back to the password when locked or expired', () => {
    const expiresAt = new Date(10_000).toISOString();
    const wrong = { code: 'unauthenticated' as const, message: 'The code is wrong.' };
    expect(codeRefused(wrong, expiresAt, 9_999)).toEqual({ busy: false, error: 'The code is wrong.', fields: {} });
    expect(codeRefused(wrong, expiresAt, 10_000)).toMatchObject({ phase: 'signed-out', codeExpiresAt: null });
    expect(codeRefused({ code: 'forbidden', message: 'locked until …' }, expiresAt, 0)).toMatchObject({ phase: 'signed-out', error: 'locked until …' });
  });

  it('forgets the secret once enrolled, shows the recovery codes until saved, and puts field errors on their field', () => {
    apply(t.enrolmentStarted(enrolment));
    expect(useTwoFactorStore.getState().enrolment).toEqual(enrolment);
    apply(t.failed({ code: 'invalid_input', message: 'x', details: { fields: { code: 'The code does not match.' } } }));
    expect(useTwoFactorStore.getState()).toMatchObject({ enrolment, fields: { code: 'The code does not match.' }, error: null, busy: false });
    apply(t.codesIssued(['aaaa-bbbb-cccc-dddd']));
    expect(useTwoFactorStore.getState()).toMatchObject({ enrolment: null, recoveryCodes: ['aaaa-bbbb-cccc-dddd'], fields: {} });
    apply(t.codesSaved());
    expect(useTwoFactorStore.getState().recoveryCodes).toBeNull();
    apply(t.failed({ code: 'conflict', message: 'Two-factor sign-in is already on.' }));
    expect(useTwoFactorStore.getState()).toMatchObject({ error: 'Two-factor sign-in is already on.', fields: {} });
  });
});
