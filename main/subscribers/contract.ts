import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';
import { PLAN_KINDS, type PlanKind, type ProvisioningState } from '../plans/contract';

export const SUBSCRIBER_STATUSES = ['pending', 'active', 'expired', 'disabled'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

/**
 * A change of access under way on the subscriber's routers: `reconnect` after a payment brought an
 * expired subscriber back, `expire` when its time ran out. Set with the status change, cleared when
 * every router has the account as the status says (a router that is down keeps it waiting).
 */
export const ACCESS_CHANGES = ['reconnect', 'expire'] as const;
export type AccessChange = (typeof ACCESS_CHANGES)[number];

export interface SubscriberRouterStatus {
  routerId: number;
  state: ProvisioningState;
  message: string | null;
  updatedAt: string;
}

/**
 * A subscriber as lists and events show it: phone and email masked (`0712***678`,
 * `j***@example.com`), never the password. `subscribers.get` gives the full contact to the roles
 * allowed, `subscribers.revealPassword` the password.
 */
export interface SubscriberSummary {
  id: number;
  tenantId: number;
  kind: PlanKind;
  name: string;
  phone: string | null;
  email: string | null;
  username: string;
  planId: number;
  status: SubscriberStatus;
  validUntil: string | null;
  macLock: string | null;
  accessChange: AccessChange | null;
  routerIds: number[];
  routers: SubscriberRouterStatus[];
  lastSeenAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const SUBSCRIBER_HISTORY_KINDS = [
  'created',
  'changed',
  'provisioned',
  'refused',
  'session-started',
  'session-ended',
  'deleted',
  'extended',
  'renewed',
  'reconnected',
  'expired',
  'reminded',
] as const;
export type SubscriberHistoryKind = (typeof SUBSCRIBER_HISTORY_KINDS)[number];

export interface SubscriberHistoryEntry {
  id: number;
  at: string;
  kind: SubscriberHistoryKind;
  /** One line for people; personal data already masked. */
  text: string;
  routerId: number | null;
}

const MAC = /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,20}$/;
/** Hotspot and PPPoE names: what both menus accept and a customer can type on a phone. */
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$/;

export const subscriberFields = {
  kind: z.enum(PLAN_KINDS),
  name: z.string().trim().min(1, 'enter the customer’s name').max(120),
  phone: z.string().trim().regex(PHONE, 'a phone number: digits, spaces or dashes, optionally starting with + and the country code').nullable(),
  email: z.email('an email address such as jane@example.com').max(254).nullable(),
  username: z.string().trim().regex(LOGIN, 'a login name: letters, digits and . _ @ + -, up to 64'),
  password: z.string().min(4, 'at least 4 characters').max(64, 'at most 64 characters').regex(/^[\x21-\x7e]+$/, 'printable characters without spaces'),
  planId: z.number().int().positive(),
  /** Lock the account to one device (RouterOS `mac-address` on a hotspot user, `caller-id` on a PPP secret). */
  macLock: z
    .string()
    .trim()
    .regex(MAC, 'a MAC address such as AA:BB:CC:DD:EE:FF')
    .transform((v) => v.toUpperCase().replaceAll('-', ':'))
    .nullable(),
  routerIds: z.array(z.number().int().positive()).min(1, 'choose at least one router').max(1000),
  /** Until when the subscription runs (ISO 8601); null: from now, for the plan's validity. */
  validUntil: z.iso.datetime({ offset: true }).nullable(),
  disabled: z.boolean(),
};

export const subscriberCreateInput = z
  .object({ ...subscriberFields, validUntil: subscriberFields.validUntil.default(null), disabled: subscriberFields.disabled.default(false), tenantId: z.number().int().positive().optional() })
  .strict();

export const subscriberUpdateInput = z.object(subscriberFields).omit({ kind: true }).partial().extend({ id: z.number().int().positive() }).strict();

const id = z.number().int().positive();

export const subscriberListInput = z
  .object({
    tenantId: id.optional(),
    /** Matches name, phone, username or MAC (case-insensitive, anywhere in them). */
    search: z.string().trim().max(100).default(''),
    status: z.enum(SUBSCRIBER_STATUSES).optional(),
    planId: id.optional(),
    routerId: id.optional(),
    limit: z.number().int().min(1).max(50_000).default(10_000),
  })
  .strict();

export const subscriberInvokes = {
  'subscribers.list': defineInvoke<{ subscribers: SubscriberSummary[]; total: number }>()({
    input: subscriberListInput,
    summary: 'Subscribers of the tenant (contact masked), searched and filtered.',
  }),
  'subscribers.get': defineInvoke<{ subscriber: SubscriberSummary; history: SubscriberHistoryEntry[] }>()({
    input: z.object({ id }).strict(),
    summary: 'One subscriber with full phone and email (operators and admins) and its history.',
  }),
  'subscribers.revealPassword': defineInvoke<{ password: string }>()({
    input: z.object({ id }).strict(),
    summary: 'The subscriber’s password, for the roles allowed (audited).',
  }),
  'subscribers.create': defineInvoke<SubscriberSummary>()({
    input: subscriberCreateInput,
    summary: 'Creates a subscriber; hotspot-provisioning jobs put its user or secret on its routers.',
  }),
  'subscribers.update': defineInvoke<SubscriberSummary>()({
    input: subscriberUpdateInput,
    summary: 'Changes a subscriber; its routers follow.',
  }),
  'subscribers.delete': defineInvoke<{ id: number }>()({
    input: z.object({ id }).strict(),
    summary: 'Deletes a subscriber and removes its user or secret from its routers.',
  }),
  'subscribers.reapply': defineInvoke<{ jobIds: number[] }>()({
    input: z.object({ id }).strict(),
    summary: 'Writes the subscriber to its routers again.',
  }),
};

export const subscriberEvents = {
  SubscriberCreated: defineEvent<SubscriberSummary>()({ scope: 'tenant', topic: 'subscribers', summary: 'A subscriber was created (contact masked).' }),
  SubscriberUpdated: defineEvent<SubscriberSummary>()({ scope: 'tenant', topic: 'subscribers', summary: 'A subscriber changed, or where it stands on a router, or it was seen online.' }),
  SubscriberDeleted: defineEvent<{ id: number }>()({ scope: 'tenant', topic: 'subscribers', summary: 'A subscriber was deleted.' }),
};
