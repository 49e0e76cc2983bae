import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';

export const PLAN_KINDS = ['hotspot', 'pppoe'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** What happens to a subscriber or voucher of the plan when its time or limits run out. */
export const EXPIRY_ACTIONS = ['disable', 'remove', 'move'] as const;
export type ExpiryAction = (typeof EXPIRY_ACTIONS)[number];

/** Where a plan (or a subscriber) stands on one of its routers. */
export const PROVISIONING_STATES = ['pending', 'applied', 'failed', 'drift', 'removing'] as const;
export type ProvisioningState = (typeof PROVISIONING_STATES)[number];

/** Bits per second, from the subscriber's side: upload is what the router receives (RouterOS `rx`). */
const bps = z.number().int().min(1, 'at least 1 bit/s').max(100_000_000_000, 'at most 100 Gbit/s');
export const rateLimitSchema = z
  .object({
    uploadBps: bps,
    downloadBps: bps,
    burstUploadBps: bps.optional(),
    burstDownloadBps: bps.optional(),
    burstThresholdUploadBps: bps.optional(),
    burstThresholdDownloadBps: bps.optional(),
    burstTimeSeconds: z.number().int().min(1).max(3600).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const burst = [r.burstUploadBps, r.burstDownloadBps, r.burstThresholdUploadBps, r.burstThresholdDownloadBps, r.burstTimeSeconds];
    if (burst.some((v) => v !== undefined) && burst.some((v) => v === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['burstUploadBps'], message: 'a burst needs its rates, thresholds and time together' });
    }
  });
export type RateLimit = z.output<typeof rateLimitSchema>;

/** RouterOS names: no slashes or quotes, what a profile accepts and an operator can type. */
const ROUTER_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._@+-]{0,62}$/;
const routerName = (what: string) =>
  z
    .string()
    .trim()
    .regex(ROUTER_NAME, `${what}: 1 to 63 letters, digits, spaces or . _ @ + -, starting with a letter or digit`);

const seconds = z.number().int().min(60, 'at least one minute').max(10 * 366 * 86_400, 'at most ten years');

export const planFields = {
  kind: z.enum(PLAN_KINDS),
  name: routerName('a plan name'),
  /** Integer minor units of the tenant's currency (cents): never a float. */
  priceMinor: z.number().int('a price in whole minor units (cents)').min(0).max(1_000_000_000_000),
  /** How long a subscription or voucher lasts from its start; null: no time limit. */
  validitySeconds: seconds.nullable(),
  /** Online time allowed (RouterOS `limit-uptime` / `session-timeout`); null: none. */
  uptimeLimitSeconds: seconds.nullable(),
  /** Traffic allowed, in and out together (`limit-bytes-total`); null: none. */
  dataLimitBytes: z.number().int().min(1_000_000, 'at least 1 MB').max(1e15).nullable(),
  rateLimit: rateLimitSchema.nullable(),
  /** Hotspot: devices logged in at once with one account; null: unlimited. */
  sharedUsers: z.number().int().min(1).max(1000).nullable(),
  /** Hotspot: the profile's `address-pool`; PPPoE: `remote-address` (a pool name). */
  addressPool: routerName('a pool name').nullable(),
  /** PPPoE: `local-address`, the router's side of the link (an IPv4 address or a pool name). */
  localAddress: routerName('a local address').nullable(),
  expiry: z.enum(EXPIRY_ACTIONS),
  /** With expiry `move`: the profile expired accounts are moved to (it must exist on the routers). */
  expiredProfile: routerName('an expired profile').nullable(),
  /** At expiry, renew from the subscriber's balance when it covers the price (instead of expiring). */
  autoRenew: z.boolean(),
  /** The tenant's routers the plan lives on (as a hotspot user profile or PPP profile). */
  routerIds: z.array(z.number().int().positive()).max(1000),
};

const checkPlan = (p: Partial<{ kind: PlanKind; expiry: ExpiryAction; expiredProfile: string | null; sharedUsers: number | null; localAddress: string | null; name: string }>, ctx: z.RefinementCtx) => {
  if (p.expiry === 'move' && !p.expiredProfile) ctx.addIssue({ code: 'custom', path: ['expiredProfile'], message: 'name the profile expired accounts move to' });
  if (p.expiry !== undefined && p.expiry !== 'move' && p.expiredProfile) ctx.addIssue({ code: 'custom', path: ['expiredProfile'], message: 'only with expiry "move"' });
  if (p.kind === 'pppoe' && p.sharedUsers != null) ctx.addIssue({ code: 'custom', path: ['sharedUsers'], message: 'shared users is a hotspot setting' });
  if (p.kind === 'hotspot' && p.localAddress != null) ctx.addIssue({ code: 'custom', path: ['localAddress'], message: 'local address is a PPPoE setting' });
  if (p.expiredProfile && p.name && p.expiredProfile === p.name) ctx.addIssue({ code: 'custom', path: ['expiredProfile'], message: 'the expired profile must differ from the plan' });
};

export const planCreateInput = z
  .object({ ...planFields, autoRenew: planFields.autoRenew.default(false), tenantId: z.number().int().positive().optional() })
  .strict()
  .superRefine(checkPlan);
export type PlanInput = z.output<typeof planCreateInput>;

export const planUpdateInput = z
  .object(planFields)
  .omit({ kind: true })
  .partial()
  .extend({ id: z.number().int().positive() })
  .strict();

/** A RouterOS field whose value on the router differs from the plan's. */
export interface DriftField {
  field: string;
  console: string | null;
  router: string | null;
}

export interface PlanRouterStatus {
  routerId: number;
  state: ProvisioningState;
  /** The router's own words when it refused, or why the plan is pending. */
  message: string | null;
  drift: DriftField[];
  updatedAt: string;
}

export interface PlanSummary {
  id: number;
  tenantId: number;
  kind: PlanKind;
  name: string;
  priceMinor: number;
  currency: string;
  validitySeconds: number | null;
  uptimeLimitSeconds: number | null;
  dataLimitBytes: number | null;
  rateLimit: RateLimit | null;
  sharedUsers: number | null;
  addressPool: string | null;
  localAddress: string | null;
  expiry: ExpiryAction;
  expiredProfile: string | null;
  autoRenew: boolean;
  routerIds: number[];
  routers: PlanRouterStatus[];
  /** Subscribers on the plan and vouchers of it not used up: a plan in use cannot be deleted. */
  subscriberCount: number;
  voucherCount: number;
  createdAt: string;
  updatedAt: string;
}

const id = z.number().int().positive();

export const planInvokes = {
  'plans.list': defineInvoke<{ plans: PlanSummary[] }>()({
    input: z.object({ tenantId: id.optional() }).strict(),
    summary: 'Plans of the caller’s tenant with where each stands on its routers.',
  }),
  'plans.create': defineInvoke<PlanSummary>()({
    input: planCreateInput,
    summary: 'Creates a plan; hotspot-provisioning jobs put its profile on its routers.',
  }),
  'plans.update': defineInvoke<PlanSummary>()({
    input: planUpdateInput,
    summary: 'Changes a plan; its routers’ profiles follow (jobs), routers taken off lose it.',
  }),
  'plans.delete': defineInvoke<{ id: number }>()({
    input: z.object({ id }).strict(),
    summary: 'Deletes a plan no subscriber or voucher uses (conflict with the counts otherwise); its profiles are removed from its routers.',
  }),
  'plans.reapply': defineInvoke<{ jobIds: number[] }>()({
    input: z.object({ id, routerId: id.optional() }).strict(),
    summary: 'Writes the plan’s profile to its routers again (one, or all), overwriting changes made on the router.',
  }),
  'plans.adopt': defineInvoke<PlanSummary>()({
    input: z.object({ id, routerId: id }).strict(),
    summary: 'Takes the profile as edited on this router into the plan; its other routers follow.',
  }),
  'plans.checkDrift': defineInvoke<{ jobIds: number[] }>()({
    input: z.object({ id }).strict(),
    summary: 'Reads the plan’s profile on each of its routers and reports any difference as drift.',
  }),
};

export const planEvents = {
  PlanCreated: defineEvent<PlanSummary>()({ scope: 'tenant', topic: 'plans', summary: 'A plan was created.' }),
  PlanUpdated: defineEvent<PlanSummary>()({ scope: 'tenant', topic: 'plans', summary: 'A plan changed, or where it stands on a router (applied, failed, drift).' }),
  PlanDeleted: defineEvent<{ id: number }>()({ scope: 'tenant', topic: 'plans', summary: 'A plan was deleted.' }),
};
