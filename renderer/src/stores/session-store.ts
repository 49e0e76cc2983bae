import { create } from 'zustand';
import type { Role } from '../../../main/contract';

/** The signed-in user as the views need it: who, what role, and which tenant (null: system admin). */
export interface SignedInUser {
  id: number;
  username: string;
  role: Role;
  tenantId: number | null;
}

export interface SessionState {
  user: SignedInUser | null;
}

export const initialSessionState: SessionState = { user: null };

/**
 * Who is signed in on this window. The sign-in flow sets it (`setSessionUser`) after
 * `auth.signIn` / `auth.resume` and clears it on sign-out; views only read it.
 * Pure zustand: no bridge import, so it loads under node tests.
 */
export const useSessionStore = create<SessionState>(() => initialSessionState);

export const sessionSelectors = {
  user: (s: SessionState) => s.user,
  isSystemAdmin: (s: SessionState) => s.user?.role === 'system_admin',
  /** May add/edit/remove routers and disconnect sessions (mirrors main/auth/permissions.ts). */
  canOperate: (s: SessionState) => s.user !== null && s.user.role !== 'viewer',
  /** May manage plans and import from routers: the tenant's admins and system admins. */
  canAdminister: (s: SessionState) => s.user?.role === 'tenant_admin' || s.user?.role === 'system_admin',
};

export function setSessionUser(user: SignedInUser | null): void {
  useSessionStore.setState({ user });
}

export function resetSessionStore(): void {
  useSessionStore.setState(initialSessionState, true);
}
