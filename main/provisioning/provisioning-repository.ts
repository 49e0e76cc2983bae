import type { DriftField, ProvisioningState } from '../plans/contract';

export type ProvisionedKind = 'plan' | 'subscriber';

export interface ProvisioningStatus {
  routerId: number;
  state: ProvisioningState;
  message: string | null;
  drift: DriftField[];
  updatedAt: number;
}

/** Where each plan or subscriber stands on each of its routers (desired state vs what the router has). */
export interface ProvisioningRepository {
  statesOf(kind: ProvisionedKind, itemIds: readonly number[]): Promise<Map<number, ProvisioningStatus[]>>;
  set(tenantId: number, kind: ProvisionedKind, itemId: number, routerId: number, status: Omit<ProvisioningStatus, 'routerId' | 'updatedAt'>, now: number): Promise<void>;
  /** Forgets the item's state on these routers (or on all, when omitted). */
  clear(kind: ProvisionedKind, itemId: number, routerIds?: readonly number[]): Promise<void>;
  /** Items waiting for a router (pending or failed): pushed again when it comes back online. */
  waitingOn(routerId: number): Promise<Array<{ kind: ProvisionedKind; itemId: number; tenantId: number }>>;
}
