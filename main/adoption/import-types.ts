/**
 * The shapes of "adopt what is already on a router" (issue 11): what the router holds, what the
 * console already has, and the preview the import plan proposes from the two.
 */
import type { RateLimit } from './rate-limit';

export type { RateLimit } from './rate-limit';
export type { MikhmonExpiryMode, MikhmonProfileTerms } from './mikhmon-on-login';
export type { MikhmonComment } from './mikhmon-comment';

/** One row as the API prints it, with RouterOS's own field names (`rate-limit`, `on-login`, …). */
export type RosRecord = Record<string, string>;

/** The four menus an import reads: `/ip/hotspot/user/profile`, `/ip/hotspot/user`, `/ppp/profile`, `/ppp/secret`. */
export interface RouterInventory {
  hotspotProfiles: RosRecord[];
  hotspotUsers: RosRecord[];
  pppProfiles: RosRecord[];
  pppSecrets: RosRecord[];
}

export type PlanKind = 'hotspot' | 'pppoe';

/** What the tenant already has, so that importing twice creates nothing new. */
export interface ConsoleInventory {
  plans: Array<{ id: number; kind: PlanKind; name: string }>;
  /** Usernames and voucher codes already in the tenant, lower-cased (logins are unique per tenant). */
  logins: Set<string>;
}

export interface ImportOptions {
  /** The tenant's ISO 4217 currency: mikhmon's prices are whole units of it. */
  currency: string;
  /** The tenant's IANA zone, which the router's clock runs in: mikhmon's expiry dates are read in it. */
  timeZone: string;
  /** Epoch ms the preview is made at: a voucher whose expiry has passed is expired. */
  now: number;
}

/** What a plan does when its validity runs out. */
export type PlanExpiry = 'disable' | 'remove' | 'move';

/** A plan to create from a hotspot user profile or a PPP profile. */
export interface PlanDraft {
  kind: PlanKind;
  /** The profile's name, kept so the plan and the router's profile stay one thing. */
  name: string;
  /** mikhmon's selling price when set, else its price; 0 when the profile has none. */
  priceMinor: number;
  /** From mikhmon's terms; null when the profile has none or expiry mode "None". */
  validitySeconds: number | null;
  /** The profile's `session-timeout`, else the `limit-uptime` all of its users share. */
  uptimeLimitSeconds: number | null;
  /** The `limit-bytes-total` all of the profile's hotspot users share (profiles have no byte limit). */
  dataLimitBytes: number | null;
  rateLimit: RateLimit | null;
  /** Hotspot `shared-users`; null for `unlimited` and for PPPoE. */
  sharedUsers: number | null;
  /** Hotspot `address-pool`; PPP `remote-address` (a pool, or an address). */
  addressPool: string | null;
  /** PPP `local-address`. */
  localAddress: string | null;
  expiry: PlanExpiry;
}

/** A profile the console already has as a plan (same kind and name): nothing to do. */
export interface ExistingPlan {
  kind: PlanKind;
  name: string;
  planId: number;
}

export type VoucherState = 'unused' | 'active' | 'expired';

/** A hotspot user mikhmon generated as a voucher (username = password). */
export interface VoucherDraft {
  code: string;
  /** null when it equals the code. */
  password: string | null;
  /** A plan in `plansToCreate` or `existingPlans` (kind hotspot). */
  planName: string;
  /** mikhmon's batch comment; null once the voucher was used (mikhmon overwrote it with the expiry). */
  batch: string | null;
  state: VoucherState;
  /** Epoch ms of the first login: the expiry less the plan's validity, when both are known. */
  activatedAt: number | null;
  /** Epoch ms the voucher expires, as mikhmon wrote it at first login. */
  validUntil: number | null;
  /** The user's own `limit-uptime` (mikhmon puts limits on users, not profiles). */
  uptimeLimitSeconds: number | null;
  /** The user's own `limit-bytes-total`. */
  dataLimitBytes: number | null;
}

/** An account to keep: a hotspot user that is not a voucher, or a PPPoE secret. */
export interface SubscriberDraft {
  kind: PlanKind;
  username: string;
  password: string;
  /** null when the account's profile is built in (`default`) or is not imported as a plan. */
  planName: string | null;
  disabled: boolean;
  /** Hotspot `mac-address`, PPP `caller-id`, when either holds a MAC address. */
  macLock: string | null;
  /** The expiry mikhmon wrote into the comment at first login. */
  validUntil: number | null;
  uptimeLimitSeconds: number | null;
  dataLimitBytes: number | null;
  /** PPP `remote-address`: the subscriber's fixed address. */
  remoteAddress: string | null;
  /** The router's comment when it is a note (often the customer's name), not mikhmon's expiry. */
  comment: string | null;
}

/** Something the import leaves out or changes, and why, in words an operator can act on. */
export interface ImportConflict {
  /** `hotspot user 'ab12'`, `PPP profile 'default'`, … */
  item: string;
  reason: string;
}

export interface ImportPreview {
  plansToCreate: PlanDraft[];
  existingPlans: ExistingPlan[];
  vouchersToCreate: VoucherDraft[];
  subscribersToCreate: SubscriberDraft[];
  conflicts: ImportConflict[];
}
