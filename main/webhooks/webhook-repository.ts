import type { WebhookDeliveryStatus, WebhookDeliverySummary, WebhookEventName, WebhookSubscriptionSummary } from './contract';

/** A subscription as stored, its secret apart (`secret(id)`). */
export type WebhookSubscriptionRecord = WebhookSubscriptionSummary;
/** A delivery as stored: its summary and the exact body every attempt sends and signs. */
export type WebhookDeliveryRecord = WebhookDeliverySummary & { body: string };

export interface NewWebhookSubscription {
  tenantId: number;
  url: string;
  description: string;
  events: WebhookEventName[];
  enabled: boolean;
  pauseAfter: number;
}

export type WebhookSubscriptionPatch = Partial<Pick<NewWebhookSubscription, 'url' | 'description' | 'events' | 'enabled' | 'pauseAfter'>>;

export interface NewWebhookDelivery {
  tenantId: number;
  subscriptionId: number;
  event: string;
  eventId: string;
  key: string;
  body: string;
  maxAttempts: number;
}

/** What an attempt (or a skip) changes on a delivery; times in epoch ms. */
export interface WebhookDeliveryChange {
  status: WebhookDeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
  sentAt: number | null;
}

/**
 * Tenants' webhook subscriptions and their delivery log. Reads take the tenant (null: a system
 * admin, all); writes take ids the caller has read through a tenant-scoped read first.
 */
export interface WebhookRepository {
  list(tenantId: number | null): Promise<WebhookSubscriptionRecord[]>;
  get(tenantId: number | null, id: number): Promise<WebhookSubscriptionRecord | null>;
  /** The tenant's subscriptions that are on, not paused, and chose this event. */
  receiving(tenantId: number, event: string): Promise<WebhookSubscriptionRecord[]>;
  insert(subscription: NewWebhookSubscription, secret: string, now: number): Promise<WebhookSubscriptionRecord>;
  update(id: number, patch: WebhookSubscriptionPatch, now: number): Promise<WebhookSubscriptionRecord>;
  /** Deletes it with its delivery log. */
  delete(id: number): Promise<void>;
  /** The signing secret, opened from its seal. */
  secret(id: number): Promise<string>;
  setSecret(id: number, secret: string, now: number): Promise<WebhookSubscriptionRecord>;
  /** Not paused any more, failure count at zero. */
  resume(id: number, now: number): Promise<WebhookSubscriptionRecord>;
  pause(id: number, now: number): Promise<WebhookSubscriptionRecord>;
  /** A delivered attempt: the failure count back to zero. */
  attemptSucceeded(id: number, now: number): Promise<WebhookSubscriptionRecord>;
  /** A failed attempt: one more in a row, and why. */
  attemptFailed(id: number, error: string, now: number): Promise<WebhookSubscriptionRecord>;

  /** The newest deliveries of a subscription (of the tenant), newest first. */
  deliveries(tenantId: number | null, subscriptionId: number, limit: number): Promise<WebhookDeliverySummary[]>;
  delivery(id: number): Promise<WebhookDeliveryRecord | null>;
  /** One delivery per subscription and occurrence: a second insert returns the first, `created` false. */
  insertDelivery(delivery: NewWebhookDelivery, now: number): Promise<{ delivery: WebhookDeliverySummary; created: boolean }>;
  updateDelivery(id: number, change: WebhookDeliveryChange): Promise<WebhookDeliverySummary>;
  /** Marks the subscription's queued and retrying deliveries skipped; returns them as they are now. */
  skipPending(subscriptionId: number): Promise<WebhookDeliverySummary[]>;
  /** Deletes finished deliveries past the newest `keep` of the subscription or older than `before`. */
  prune(subscriptionId: number, keep: number, before: number): Promise<number>;
}
