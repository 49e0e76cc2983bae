import type { DeliveryMessage, DeliveryStatus, DeliverySummary, ExternalChannel, NotificationSeverity, NotificationSubject, NotificationSummary, StaffRule } from './contract';
import type { StoredSettings, NotificationSecrets } from './stored-settings';

/**
 * A staff notification before it is stored: texts already masked (staff-notices.ts builds them).
 * `key` names the occurrence; one notification per tenant and key, however often it is raised.
 */
export interface StaffNotice {
  tenantId: number;
  rule: StaffRule;
  key: string;
  severity: NotificationSeverity;
  title: string;
  body: string;
  subject: NotificationSubject | null;
  /** How many occurrences it stands for (a grouped notice). */
  count?: number;
}

/** The in-app centre: notifications and each user's read state, tenant-scoped (null: all tenants). */
export interface NotificationCentreRepository {
  /** `created: false` when the key was raised before (the stored one is returned). */
  insert(notice: StaffNotice & { desktop: boolean }, now: number): Promise<{ notification: Omit<NotificationSummary, 'read'>; created: boolean }>;
  list(tenantId: number | null, userId: number, filter: { unreadOnly: boolean; before?: number; limit: number }): Promise<NotificationSummary[]>;
  unread(tenantId: number | null, userId: number): Promise<number>;
  /** Marks those of `ids` that are the scope's; returns the ids marked. */
  markRead(tenantId: number | null, userId: number, ids: readonly number[]): Promise<number[]>;
  /** Everything up to the newest notification of the scope. */
  markAllRead(tenantId: number | null, userId: number): Promise<void>;
  /** Deletes notifications created before `before` (with their read marks); returns how many. */
  prune(before: number): Promise<number>;
}

/** The tenant's settings (defaults until saved) and their secrets, sealed at rest. */
export interface NotificationSettingsRepository {
  get(tenantId: number): Promise<{ settings: StoredSettings; updatedAt: number | null }>;
  /** Opened from the seal: only the jobs and the test send that use them call this. */
  secrets(tenantId: number): Promise<NotificationSecrets>;
  save(tenantId: number, settings: StoredSettings, secrets: NotificationSecrets, now: number): Promise<void>;
}

export interface NewDelivery {
  tenantId: number;
  key: string;
  channel: ExternalChannel;
  recipient: string;
  recipientName: string | null;
  audience: DeliverySummary['audience'];
  message: DeliveryMessage;
  subject: string;
  body: string;
  status: 'queued' | 'held';
  nextAttemptAt: number | null;
}

/** A delivery as stored: the recipient in full (the sender needs it); summaries mask it. */
export interface DeliveryRecord extends Omit<NewDelivery, 'status'> {
  id: number;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
}

/** What an attempt changes of a delivery. */
export type DeliveryChanges = Partial<Pick<DeliveryRecord, 'status' | 'attempts' | 'lastError' | 'nextAttemptAt' | 'sentAt'>>;

export interface DeliveryRepository {
  /** `created: false` when (tenant, key, channel, recipient) exists already: nothing is sent twice. */
  insert(delivery: NewDelivery, now: number): Promise<{ delivery: DeliveryRecord; created: boolean }>;
  get(id: number): Promise<DeliveryRecord | null>;
  update(id: number, changes: DeliveryChanges, now: number): Promise<DeliveryRecord>;
  list(tenantId: number | null, filter: { status?: DeliveryStatus; channel?: ExternalChannel; message?: string; limit: number }): Promise<DeliveryRecord[]>;
  /** Deletes sent and failed deliveries last changed before `before`; returns how many. */
  prune(before: number): Promise<number>;
  /** Deliveries still to send whose attempt was due before `before` (their job was lost: failed for good by crashes). */
  overdue(before: number, limit: number): Promise<Array<Pick<DeliveryRecord, 'id' | 'tenantId' | 'attempts' | 'status'>>>;
}

/** A router's current outage as staff rules see it, kept across restarts. */
export interface RouterEpisode {
  routerId: number;
  tenantId: number;
  downSince: number;
  notified: boolean;
}

/**
 * Router outages and grouping windows: state changes of many routers within a tenant's window
 * become one staff notification per rule.
 */
export interface AlertRepository {
  episode(routerId: number): Promise<RouterEpisode | null>;
  startEpisode(tenantId: number, routerId: number, since: number): Promise<void>;
  markNotified(routerId: number): Promise<void>;
  endEpisode(routerId: number): Promise<void>;
  /** The open window of the tenant's rule, if any. */
  openGroup(tenantId: number, rule: StaffRule): Promise<{ id: number; flushAt: number } | null>;
  createGroup(tenantId: number, rule: StaffRule, flushAt: number): Promise<number>;
  /** False when the key is in the window already. */
  addToGroup(groupId: number, notice: StaffNotice): Promise<boolean>;
  /** Closes the window and returns what it holds (empty when it was closed already). */
  closeGroup(groupId: number): Promise<{ tenantId: number; rule: StaffRule; notices: StaffNotice[] } | null>;
}

/** Everything notifications keep, as one member of the business transaction. */
export interface NotificationRepositories {
  centre: NotificationCentreRepository;
  settings: NotificationSettingsRepository;
  deliveries: DeliveryRepository;
  alerts: AlertRepository;
}
