import type { PlanKind } from '../plans/contract';
import type { AccessChange, SubscriberHistoryEntry, SubscriberHistoryKind, SubscriberStatus, SubscriberSummary } from './contract';

/** A subscriber as stored, contact in full (mask before broadcasting), password sealed away. */
export type SubscriberRecord = Omit<SubscriberSummary, 'routers'>;

export interface NewSubscriber {
  tenantId: number;
  kind: PlanKind;
  name: string;
  phone: string | null;
  email: string | null;
  username: string;
  password: string;
  planId: number;
  status: SubscriberStatus;
  validUntil: number | null;
  macLock: string | null;
  routerIds: number[];
}

/** A subscriber the minute sweep acts on: ids and times only. */
export interface DueSubscriber {
  id: number;
  tenantId: number;
  planId: number;
  /** Epoch ms. */
  validUntil: number;
  /** Seconds before validUntil of the last reminder sent for it; null: none yet. */
  remindedOffset: number | null;
}

/** Where a page of due subscribers ended (they come in valid-until order). */
export type DueCursor = Pick<DueSubscriber, 'validUntil' | 'id'>;

export interface SubscriberFilter {
  search?: string;
  status?: SubscriberStatus;
  planId?: number;
  routerId?: number;
  limit: number;
}

/** Subscribers of tenants (null tenant: a system admin, all). Passwords are sealed at rest. */
export interface SubscriberRepository {
  list(tenantId: number | null, filter: SubscriberFilter): Promise<{ rows: SubscriberRecord[]; total: number }>;
  get(tenantId: number | null, id: number): Promise<SubscriberRecord | null>;
  byUsername(tenantId: number, username: string): Promise<SubscriberRecord | null>;
  /** Which of these login names are subscribers of the tenant (case-insensitive): id and kind by lower-cased name. */
  idsByUsername(tenantId: number, usernames: readonly string[]): Promise<Map<string, { id: number; kind: SubscriberRecord['kind'] }>>;
  /** Refused with a `conflict` DomainError (field `username`) when the login name is taken in the tenant. */
  insert(subscriber: NewSubscriber, now: number): Promise<SubscriberRecord>;
  /** A new valid-until forgets the reminders sent for the old one. */
  update(id: number, changes: Partial<Omit<NewSubscriber, 'tenantId' | 'kind'>>, now: number): Promise<SubscriberRecord>;
  setAccessChange(id: number, change: AccessChange | null, now: number): Promise<void>;
  setReminded(id: number, offsetSeconds: number): Promise<void>;
  /** Active subscribers whose valid-until is at or before `now`, in valid-until order after `after`. */
  due(now: number, after: DueCursor | null, limit: number): Promise<DueSubscriber[]>;
  /** Active subscribers whose valid-until falls in (from, to] and not yet reminded at `remindedAbove` seconds or less, in valid-until order after `after`. */
  expiringBetween(from: number, to: number, remindedAbove: number, after: DueCursor | null, limit: number): Promise<DueSubscriber[]>;
  /**
   * Access changes set before `before` that wait for no router (none of its routers pending): their
   * job was lost (failed for good by crashes), not waiting for a router to come back.
   */
  stalledAccessChanges(before: number, limit: number): Promise<Array<{ id: number; tenantId: number }>>;
  /** Subscribers with an access change under way (on one router, or anywhere). */
  withAccessChange(routerId: number | null): Promise<Array<{ id: number; tenantId: number }>>;
  delete(id: number): Promise<void>;
  password(id: number): Promise<string>;
  markSeen(id: number, at: number): Promise<void>;
  onRouter(routerId: number): Promise<SubscriberRecord[]>;
  addHistory(tenantId: number, subscriberId: number, kind: SubscriberHistoryKind, text: string, routerId: number | null, at: number): Promise<void>;
  history(id: number, limit: number): Promise<SubscriberHistoryEntry[]>;
}
