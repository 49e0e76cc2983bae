/**
 * Profiles → plans: each hotspot user profile and PPP profile becomes a plan, unless it is built
 * in, the console's own, or already a plan (same kind and name). mikhmon's terms in a hotspot
 * profile's on-login give the price, validity and expiry; RouterOS's own fields give the rest.
 */
import { parseNumber } from '../routers/client/values';
import type { ConsoleInventory, ExistingPlan, ImportConflict, PlanDraft, PlanExpiry, PlanKind, RosRecord, RouterInventory } from './import-types';
import { parseMikhmonOnLogin, type MikhmonProfileTerms } from './mikhmon-on-login';
import { parseRateLimit, rateLimitLoss, type RateLimit } from './rate-limit';
import { isConsoleOwn, isMikhmonExpired, limitBytes, limitSeconds, optionalName, userUptimeLimit } from './router-fields';

/** How a user's or secret's `profile` turns into a plan. */
export type ProfileLookup =
  | { status: 'plan'; planName: string; terms: MikhmonProfileTerms | null }
  | { status: 'built-in' }
  | { status: 'unresolved'; reason: string };

export interface PlanDrafts {
  plansToCreate: PlanDraft[];
  existingPlans: ExistingPlan[];
  conflicts: ImportConflict[];
  lookup(kind: PlanKind, profile: string): ProfileLookup;
}

/** RouterOS's own profiles: they cannot be removed, and every router has them. */
const BUILT_IN: Record<PlanKind, string[]> = { hotspot: ['default'], pppoe: ['default', 'default-encryption'] };

const EXPIRY: Record<MikhmonProfileTerms['expiryMode'], PlanExpiry> = {
  none: 'disable',
  remove: 'remove',
  'remove-record': 'remove',
  notice: 'disable',
  'notice-record': 'disable',
};

function profileLabel(kind: PlanKind, name: string): string {
  const what = kind === 'hotspot' ? 'hotspot profile' : 'PPP profile';
  return name === '' ? `a ${what} without a name` : `${what} '${name}'`;
}

/** The plans the router's profiles propose; prices are read in a currency of `minorDigits` decimals. */
export function draftPlans(router: RouterInventory, inConsole: ConsoleInventory, minorDigits: number): PlanDrafts {
  const plansToCreate: PlanDraft[] = [];
  const existingPlans: ExistingPlan[] = [];
  const conflicts: ImportConflict[] = [];
  const lookups = new Map<string, ProfileLookup>();
  const key = (kind: PlanKind, name: string) => `${kind}\n${name}`;
  const usersByProfile = groupUsers(router.hotspotUsers);
  const sources: Array<[PlanKind, RosRecord[]]> = [
    ['hotspot', router.hotspotProfiles],
    ['pppoe', router.pppProfiles],
  ];

  for (const [kind, profiles] of sources) {
    for (const profile of profiles) {
      const name = profile.name ?? '';
      const existing = inConsole.plans.find((plan) => plan.kind === kind && plan.name === name);
      const terms = kind === 'hotspot' ? parseMikhmonOnLogin(profile['on-login'], minorDigits) : null;
      const conflict = (reason: string) => conflicts.push({ item: profileLabel(kind, name), reason });
      if (isConsoleOwn(profile)) {
        // The console's own profile: its plan is there, or was deleted on purpose. A row of the
        // same name before it keeps the name (RouterOS names are unique; this is a damaged print).
        if (!lookups.has(key(kind, name))) {
          lookups.set(key(kind, name), existing ? { status: 'plan', planName: name, terms } : { status: 'unresolved', reason: `uses profile '${name}', which the console made but no longer has as a plan` });
        }
      } else if (name.trim() === '') {
        conflict('has no name: not imported');
      } else if (lookups.has(key(kind, name))) {
        conflict('appears twice on the router: only the first is imported');
      } else if (BUILT_IN[kind].includes(name)) {
        conflict('is built in: not imported as a plan');
        lookups.set(key(kind, name), { status: 'built-in' });
      } else if (existing) {
        existingPlans.push({ kind, name, planId: existing.id });
        lookups.set(key(kind, name), { status: 'plan', planName: name, terms });
      } else {
        const rate = planRateLimit(profile['rate-limit']);
        plansToCreate.push(kind === 'hotspot' ? hotspotPlan(profile, rate.rateLimit, terms, usersByProfile.get(name) ?? []) : pppPlan(profile, rate.rateLimit));
        lookups.set(key(kind, name), { status: 'plan', planName: name, terms });
        for (const reason of [...rate.warnings, ...termWarnings(terms)]) conflict(reason);
      }
    }
  }

  const lookup = (kind: PlanKind, profile: string): ProfileLookup =>
    lookups.get(key(kind, profile)) ?? {
      status: 'unresolved',
      reason: (kind === 'hotspot' ? router.hotspotProfiles : router.pppProfiles).some((p) => p.name === profile)
        ? `uses profile '${profile}' that is not imported as a plan`
        : `uses profile '${profile}' that the router does not have`,
    };
  return { plansToCreate, existingPlans, conflicts, lookup };
}

function hotspotPlan(profile: RosRecord, rateLimit: RateLimit | null, terms: MikhmonProfileTerms | null, users: RosRecord[]): PlanDraft {
  const sharedUsers = parseNumber(profile['shared-users']);
  const unexpired = users.filter((user) => !isMikhmonExpired(user));
  return {
    kind: 'hotspot',
    name: profile.name!,
    priceMinor: terms ? (terms.sellingPriceMinor || terms.priceMinor || 0) : 0,
    validitySeconds: terms && terms.expiryMode !== 'none' ? terms.validitySeconds : null,
    uptimeLimitSeconds: limitSeconds(profile['session-timeout']) ?? sharedValue(unexpired, userUptimeLimit),
    dataLimitBytes: sharedValue(users, (user) => limitBytes(user['limit-bytes-total'])),
    rateLimit,
    sharedUsers: sharedUsers !== null && Number.isSafeInteger(sharedUsers) && sharedUsers > 0 ? sharedUsers : null,
    addressPool: optionalName(profile['address-pool']),
    localAddress: null,
    expiry: terms ? EXPIRY[terms.expiryMode] : 'disable',
  };
}

function pppPlan(profile: RosRecord, rateLimit: RateLimit | null): PlanDraft {
  return {
    kind: 'pppoe',
    name: profile.name!,
    priceMinor: 0,
    validitySeconds: null,
    uptimeLimitSeconds: limitSeconds(profile['session-timeout']),
    dataLimitBytes: null,
    rateLimit,
    sharedUsers: null,
    addressPool: optionalName(profile['remote-address']),
    localAddress: optionalName(profile['local-address']),
    expiry: 'disable',
  };
}

const BURST_FIELDS = ['burstUploadBps', 'burstDownloadBps', 'burstThresholdUploadBps', 'burstThresholdDownloadBps', 'burstTimeSeconds'] as const;

/**
 * The profile's rate limit as a plan holds it, and what changed on the way. 0/0 is RouterOS's
 * "unlimited", which a plan says with no rate limit. A plan bursts both ways with rate, threshold
 * and time (the plans contract); RouterOS ignores a burst with a threshold or time of 0 anyway.
 */
function planRateLimit(text: string | undefined): { rateLimit: RateLimit | null; warnings: string[] } {
  const rateText = (text ?? '').trim();
  if (rateText === '') return { rateLimit: null, warnings: [] };
  const parsed = parseRateLimit(rateText);
  if (!parsed) return { rateLimit: null, warnings: [`rate-limit '${rateText}' is not understood: the plan is imported without a rate limit`] };
  const warnings: string[] = [];
  const loss = rateLimitLoss(rateText);
  if (loss) warnings.push(`rate-limit '${rateText}' has ${loss}, which a plan does not keep: re-applying the plan drops it`);
  const burstParts = BURST_FIELDS.filter((field) => parsed[field] !== undefined);
  if (burstParts.length > 0 && burstParts.length < BURST_FIELDS.length) {
    for (const field of BURST_FIELDS) delete parsed[field];
    warnings.push(`rate-limit '${rateText}' has a burst that is one-way or lacks its rate, threshold or time, which a plan does not hold: the plan is imported without a burst`);
  }
  const unlimited = parsed.uploadBps === 0 && parsed.downloadBps === 0 && burstParts.length === 0;
  return { rateLimit: unlimited ? null : parsed, warnings };
}

/** What mikhmon's terms lack, for the operator to set before selling. */
function termWarnings(terms: MikhmonProfileTerms | null): string[] {
  const warnings: string[] = [];
  if (terms && terms.priceMinor === null && !terms.sellingPriceMinor) warnings.push("mikhmon's price is not an amount in the tenant's currency: the plan is imported at price 0, set its price before selling");
  if (terms && terms.expiryMode !== 'none' && terms.validitySeconds === null) warnings.push("mikhmon's validity is not a duration: the plan is imported without one, set it before selling");
  return warnings;
}

/** The value every user has, when they all have the same one; else null. */
function sharedValue(users: RosRecord[], read: (user: RosRecord) => number | null): number | null {
  const first = users.length > 0 ? read(users[0]!) : null;
  return first !== null && users.every((user) => read(user) === first) ? first : null;
}

/** Hotspot users by `profile` (RouterOS's default is `default`), the console's own left out. */
function groupUsers(users: RosRecord[]): Map<string, RosRecord[]> {
  const byProfile = new Map<string, RosRecord[]>();
  for (const user of users) {
    if (isConsoleOwn(user)) continue;
    const profile = user.profile ?? 'default';
    const group = byProfile.get(profile);
    if (group) group.push(user);
    else byProfile.set(profile, [user]);
  }
  return byProfile;
}
