import type { RecoveryCodes } from '../../../../main/auth/two-factor-contract';
import type { ContractError, Result } from '../../../../main/contract/errors';
import { api } from '../../bridge/api';
import { checkEnrolmentRequired } from './auth-actions';
import { twoFactorTransitions as t, useTwoFactorStore, type TwoFactorState } from './two-factor-store';

const set = (patch: Partial<TwoFactorState>) => useTwoFactorStore.setState(patch);

/** A refused invoke: its messages go to the form; false for the caller. */
function refused(error: ContractError): false {
  set(t.failed(error));
  return false;
}

export async function loadTwoFactorStatus(): Promise<void> {
  const result = await api.invoke('auth.twoFactor.status', {});
  set(result.ok ? t.statusLoaded(result.data) : t.failed(result.error));
}

export async function beginEnrolment(): Promise<void> {
  set(t.working());
  const result = await api.invoke('auth.twoFactor.begin', {});
  set(result.ok ? t.enrolmentStarted(result.data) : t.failed(result.error));
}

/**
 * Sends an invoke that answers with new recovery codes (enrolment, renewal): true when it did, and
 * the codes are then in the store, to show once.
 */
async function issueCodes(send: () => Promise<Result<RecoveryCodes>>): Promise<boolean> {
  set(t.working());
  const result = await send();
  if (!result.ok) return refused(result.error);
  set(t.codesIssued(result.data.recoveryCodes));
  await loadTwoFactorStatus();
  return true;
}

export const confirmEnrolment = (code: string) => issueCodes(() => api.invoke('auth.twoFactor.confirm', { code }));

export const regenerateRecoveryCodes = (code: string) => issueCodes(() => api.invoke('auth.twoFactor.regenerateRecoveryCodes', { code }));

export async function disableTwoFactor(password: string, code: string): Promise<boolean> {
  set(t.working());
  const result = await api.invoke('auth.twoFactor.disable', { password, code });
  if (!result.ok) return refused(result.error);
  set(t.disabled());
  // An admin who must have it is taken back to enrolment.
  await Promise.all([loadTwoFactorStatus(), checkEnrolmentRequired()]);
  return true;
}

/** The codes are put away; a window held at enrolment goes on to the app only now, so they are seen first. */
export async function recoveryCodesSaved(): Promise<void> {
  set(t.codesSaved());
  await checkEnrolmentRequired();
}
