import { create } from 'zustand';
import type { TwoFactorEnrolment, TwoFactorStatus } from '../../../../main/auth/two-factor-contract';
import type { ContractError } from '../../../../main/contract/errors';
import { formFailed, type FieldErrors } from './auth-store';

export interface TwoFactorState {
  status: TwoFactorStatus | null;
  /** While enrolling: the secret and QR code to scan (only in memory, only until confirmed). */
  enrolment: TwoFactorEnrolment | null;
  /** New recovery codes, shown once until the user says they are saved. */
  recoveryCodes: string[] | null;
  busy: boolean;
  error: string | null;
  fields: FieldErrors;
}

export const initialTwoFactorState: TwoFactorState = { status: null, enrolment: null, recoveryCodes: null, busy: false, error: null, fields: {} };

/** The signed-in user's two-factor sign-in (My Account). Pure zustand: the backend calls are in two-factor-actions.ts. */
export const useTwoFactorStore = create<TwoFactorState>(() => initialTwoFactorState);

export const twoFactorSelectors = {
  status: (s: TwoFactorState) => s.status,
  enrolment: (s: TwoFactorState) => s.enrolment,
  recoveryCodes: (s: TwoFactorState) => s.recoveryCodes,
  busy: (s: TwoFactorState) => s.busy,
  error: (s: TwoFactorState) => s.error,
  fields: (s: TwoFactorState) => s.fields,
};

const idle = { busy: false, error: null, fields: {} };

/** The state changes the actions make; kept here so they can be tested without a backend. */
export const twoFactorTransitions = {
  working: (): Partial<TwoFactorState> => ({ busy: true, error: null, fields: {} }),
  statusLoaded: (status: TwoFactorStatus): Partial<TwoFactorState> => ({ ...idle, status }),
  enrolmentStarted: (enrolment: TwoFactorEnrolment): Partial<TwoFactorState> => ({ ...idle, enrolment, recoveryCodes: null }),
  /** Enrolled or codes renewed: the secret is forgotten, the codes shown once. */
  codesIssued: (recoveryCodes: string[]): Partial<TwoFactorState> => ({ ...idle, enrolment: null, recoveryCodes }),
  codesSaved: (): Partial<TwoFactorState> => ({ recoveryCodes: null }),
  disabled: (): Partial<TwoFactorState> => ({ ...idle, enrolment: null, recoveryCodes: null }),
  failed: (error: ContractError): Partial<TwoFactorState> => formFailed(error),
};

export function resetTwoFactorStore(): void {
  useTwoFactorStore.setState(initialTwoFactorState, true);
}
