/**
 * Hotspot users and PPP secrets → vouchers and subscribers. mikhmon's `vc-` users, and users whose
 * comment mikhmon replaced with an expiry while username = password, are vouchers; every other
 * hotspot user and every PPPoE secret is a subscriber. A login the tenant already has, or that an
 * earlier row of this router took, is left out: logins are unique in the tenant.
 */
import { parseBoolean } from '../routers/client/values';
import type { ConsoleInventory, ImportConflict, RosRecord, RouterInventory, SubscriberDraft, VoucherDraft } from './import-types';
import { classifyMikhmonComment, type MikhmonComment } from './mikhmon-comment';
import type { ProfileLookup, PlanDrafts } from './plan-drafts';
import { isConsoleOwn, limitBytes, macAddress, optionalName, userUptimeLimit } from './router-fields';
import { voucherTimeline } from './voucher-state';

export interface LoginDrafts {
  vouchersToCreate: VoucherDraft[];
  subscribersToCreate: SubscriberDraft[];
  conflicts: ImportConflict[];
}

export interface LoginContext {
  timeZone: string;
  now: number;
}

export function draftLogins(router: RouterInventory, inConsole: ConsoleInventory, plans: PlanDrafts, context: LoginContext): LoginDrafts {
  const drafts: LoginDrafts = { vouchersToCreate: [], subscribersToCreate: [], conflicts: [] };
  // Lower-cased login → the row that took it, for the message about the one left out.
  const taken = new Map<string, string>();

  /** Whether the row may take its login; says why not when it may not. */
  const admit = (record: RosRecord, item: string): boolean => {
    const name = record.name ?? '';
    const login = name.toLowerCase();
    let reason: string | null = null;
    if (name.trim() === '') reason = 'has no name: not imported';
    else if (inConsole.logins.has(login)) reason = `'${name}' is already in the console: not imported again`;
    else if (taken.has(login)) reason = `has the same login as ${taken.get(login)}: logins are unique in the console, only the first is imported`;
    else if ((record.password ?? '') === '') reason = 'has no password: not imported; set one on the router and import again';
    if (reason) drafts.conflicts.push({ item, reason });
    return reason === null;
  };
  const take = (record: RosRecord, item: string) => taken.set(record.name!.toLowerCase(), item);

  for (const user of router.hotspotUsers) {
    const item = label('hotspot user', user);
    if (isConsoleOwn(user)) continue;
    if (parseBoolean(user.dynamic) === true) {
      drafts.conflicts.push({ item, reason: 'is made by the router (dynamic, e.g. a trial login): not imported' });
      continue;
    }
    if (parseBoolean(user.default) === true || user.name === 'default-trial') {
      drafts.conflicts.push({ item, reason: 'is built in: not imported' });
      continue;
    }
    if (!admit(user, item)) continue;
    const comment = classifyMikhmonComment(user.comment, context.timeZone);
    const plan = plans.lookup('hotspot', user.profile ?? 'default');
    const isVoucher = comment.kind === 'voucher' || (comment.expiresAt !== null && user.password === user.name);
    if (isVoucher) {
      if (plan.status !== 'plan') {
        drafts.conflicts.push({ item, reason: voucherWithoutPlan(plan, user.profile ?? 'default') });
        continue;
      }
      drafts.vouchersToCreate.push(voucher(user, comment, plan, context.now));
      if (parseBoolean(user.disabled) === true) drafts.conflicts.push({ item, reason: 'is a disabled voucher on the router: imported as expired' });
    } else {
      if (plan.status === 'unresolved') drafts.conflicts.push({ item, reason: `${plan.reason}: imported without a plan` });
      drafts.subscribersToCreate.push({
        kind: 'hotspot',
        ...account(user, plan),
        macLock: macAddress(user['mac-address']),
        validUntil: comment.expiresAt,
        uptimeLimitSeconds: userUptimeLimit(user),
        dataLimitBytes: limitBytes(user['limit-bytes-total']),
        remoteAddress: null,
        comment: comment.expiresAt === null ? optionalName(user.comment) : null,
      });
    }
    take(user, item);
  }

  for (const secret of router.pppSecrets) {
    const item = label('PPP secret', secret);
    if (isConsoleOwn(secret)) continue;
    const service = secret.service ?? 'any';
    if (service !== 'pppoe' && service !== 'any') {
      drafts.conflicts.push({ item, reason: `is for the ${service} service: only PPPoE secrets are imported` });
      continue;
    }
    if (!admit(secret, item)) continue;
    const plan = plans.lookup('pppoe', secret.profile ?? 'default');
    if (plan.status === 'unresolved') drafts.conflicts.push({ item, reason: `${plan.reason}: imported without a plan` });
    drafts.subscribersToCreate.push({
      kind: 'pppoe',
      ...account(secret, plan),
      macLock: macAddress(secret['caller-id']),
      validUntil: null,
      uptimeLimitSeconds: null,
      dataLimitBytes: null,
      remoteAddress: optionalName(secret['remote-address']),
      comment: optionalName(secret.comment),
    });
    take(secret, item);
  }
  return drafts;
}

function voucher(user: RosRecord, comment: MikhmonComment, plan: Extract<ProfileLookup, { status: 'plan' }>, now: number): VoucherDraft {
  const validity = plan.terms && plan.terms.expiryMode !== 'none' ? plan.terms.validitySeconds : null;
  return {
    code: user.name!,
    password: user.password === user.name ? null : user.password!,
    planName: plan.planName,
    batch: comment.batch,
    ...voucherTimeline(user, comment.expiresAt, validity, now),
    uptimeLimitSeconds: userUptimeLimit(user),
    dataLimitBytes: limitBytes(user['limit-bytes-total']),
  };
}

/** The fields a hotspot user and a PPP secret share. */
function account(record: RosRecord, plan: ProfileLookup): Pick<SubscriberDraft, 'username' | 'password' | 'planName' | 'disabled'> {
  return {
    username: record.name!,
    password: record.password!,
    planName: plan.status === 'plan' ? plan.planName : null,
    disabled: parseBoolean(record.disabled) === true,
  };
}

function voucherWithoutPlan(plan: Exclude<ProfileLookup, { status: 'plan' }>, profile: string): string {
  return plan.status === 'built-in'
    ? `is a voucher on the built-in profile '${profile}': not imported; move it to a plan's profile on the router and import again`
    : `${plan.reason}: a voucher needs a plan, so it is not imported`;
}

function label(what: string, record: RosRecord): string {
  return record.name ? `${what} '${record.name}'` : `a ${what} without a name`;
}
