import type { BusinessTx } from '../business/business-tx';
import { planCreateInput, type PlanSummary } from '../plans/contract';
import { planSummary } from '../plans/plan-summary';
import { routerMenu } from '../plans/plan-sync';
import type { MenuOpResult } from '../routers/io/shard-protocol';
import { subscriberSummary } from '../subscribers/subscriber-summary';
import type { SubscriberSummary } from '../subscribers/contract';
import type { VoucherBatchSummary } from '../vouchers/contract';
import { maskIdentifier } from '../events/mask';
import type { ImportOutcome, ImportPreviewView } from './contract';
import type { AdoptionServices } from './adoption-services';
import { planImport } from './import-plan';
import type { ImportConflict, ImportPreview, RouterInventory, VoucherDraft } from './import-types';

type Services = Pick<AdoptionServices, 'business' | 'liveRouters' | 'bus'>;

const MENUS = ['/ip/hotspot/user/profile', '/ip/hotspot/user', '/ppp/profile', '/ppp/secret'] as const;

/** What the router holds in the four menus an import reads (outside any unit of work: it is router I/O). */
export async function readInventory(services: Services, routerId: number): Promise<RouterInventory> {
  const results = await routerMenu(services, routerId, MENUS.map((path) => ({ verb: 'print', path })));
  const rows = (r: MenuOpResult, path: string) => {
    if (!r.ok) throw new Error(`the router refused to list ${path}: ${r.message}`);
    return r.rows;
  };
  const [hotspotProfiles, hotspotUsers, pppProfiles, pppSecrets] = results.map((r, i) => rows(r, MENUS[i]!));
  return { hotspotProfiles: hotspotProfiles!, hotspotUsers: hotspotUsers!, pppProfiles: pppProfiles!, pppSecrets: pppSecrets! };
}

/** The preview against what the tenant has now (read inside the caller's unit of work). */
export async function previewImport(tx: BusinessTx, tenantId: number, inventory: RouterInventory): Promise<ImportPreview> {
  const settings = await tx.tenants.settings(tenantId);
  const plans = (await tx.plans.list(tenantId)).map((p) => ({ id: p.id, kind: p.kind, name: p.name }));
  const preview = planImport(inventory, { plans, logins: await tx.loginNames.all(tenantId) }, { currency: settings.currency, timeZone: settings.timeZone, now: Date.now() });
  return withoutCaseTwins(preview, plans);
}

/**
 * RouterOS tells 'pppoe-10M' from 'PPPoE-10M'; the console's plan names differ in more than case.
 * A profile whose name only differs in case from a plan (or from another profile of the import)
 * is reported, not proposed: otherwise every preview would propose it again.
 */
function withoutCaseTwins(preview: ImportPreview, plans: ReadonlyArray<{ kind: string; name: string }>): ImportPreview {
  const key = (kind: string, name: string) => `${kind}:${name.toLowerCase()}`;
  const taken = new Map(plans.map((p) => [key(p.kind, p.name), p.name]));
  const plansToCreate: ImportPreview['plansToCreate'] = [];
  const conflicts = [...preview.conflicts];
  for (const draft of preview.plansToCreate) {
    const twin = taken.get(key(draft.kind, draft.name));
    if (twin === undefined) {
      taken.set(key(draft.kind, draft.name), draft.name);
      plansToCreate.push(draft);
    } else {
      conflicts.push({ item: `${draft.kind === 'hotspot' ? 'hotspot user profile' : 'PPP profile'} '${draft.name}'`, reason: `not imported: its name differs only in upper and lower case from '${twin}'` });
    }
  }
  return { ...preview, plansToCreate, conflicts };
}

const batchKey = (v: VoucherDraft) => `${v.planName}\u0000${v.batch ?? 'imported'}`;

function groupVouchers(vouchers: readonly VoucherDraft[]): Map<string, VoucherDraft[]> {
  const groups = new Map<string, VoucherDraft[]>();
  for (const v of vouchers) groups.set(batchKey(v), [...(groups.get(batchKey(v)) ?? []), v]);
  return groups;
}

export function previewView(routerId: number, preview: ImportPreview): ImportPreviewView {
  const voucherBatches = [...groupVouchers(preview.vouchersToCreate).values()].map((group) => ({
    planName: group[0]!.planName,
    batch: group[0]!.batch ?? 'imported',
    count: group.length,
    states: { unused: group.filter((v) => v.state === 'unused').length, active: group.filter((v) => v.state === 'active').length, expired: group.filter((v) => v.state === 'expired').length },
  }));
  return {
    routerId,
    plans: preview.plansToCreate,
    existingPlans: preview.existingPlans.map((p) => p.name),
    voucherBatches,
    // Login names may be customers' phone numbers or emails: masked, as in every broadcast.
    subscribers: preview.subscribersToCreate.map((s) => ({ kind: s.kind, username: maskIdentifier(s.username), planName: s.planName, disabled: s.disabled })),
    conflicts: preview.conflicts.map((c) => ({ item: c.item.replace(/'([^']*)'/g, (_, name: string) => `'${maskIdentifier(name)}'`), reason: c.reason })),
  };
}

interface Created {
  plans: PlanSummary[];
  subscribers: SubscriberSummary[];
  batches: VoucherBatchSummary[];
  conflicts: ImportConflict[];
}

/**
 * Writes a preview in one unit of work: the router's profiles become plans (left as they are on
 * the router: a drift check, not a write, follows), its vouchers become batches in their states,
 * its other accounts subscribers. What cannot be a plan (a name or value the console refuses) is
 * reported, with its vouchers and accounts.
 */
export async function applyImport(tx: BusinessTx, tenantId: number, routerId: number, preview: ImportPreview, actor: { id: number; username: string } | null): Promise<Created> {
  const { currency } = await tx.tenants.settings(tenantId);
  const now = Date.now();
  const created: Created = { plans: [], subscribers: [], batches: [], conflicts: [...preview.conflicts] };
  const planIds = new Map<string, number>(preview.existingPlans.map((p) => [`${p.kind}:${p.name}`, p.planId]));
  for (const draft of preview.plansToCreate) {
    const parsed = planCreateInput.safeParse({ ...draft, expiredProfile: null, routerIds: [routerId] });
    if (!parsed.success) {
      created.conflicts.push({ item: `${draft.kind === 'hotspot' ? 'hotspot user profile' : 'PPP profile'} '${draft.name}'`, reason: `not imported as a plan: ${parsed.error.issues[0]?.message ?? 'invalid value'}` });
      continue;
    }
    const { tenantId: _ignored, ...input } = parsed.data;
    const plan = await tx.plans.insert({ ...input, tenantId, currency }, now);
    await tx.provisioning.set(tenantId, 'plan', plan.id, routerId, { state: 'pending', message: 'imported: checking the router’s profile', drift: [] }, now);
    await tx.jobs.enqueue('plans.sync', { planId: plan.id, routerId, check: true }, { tenantId });
    planIds.set(`${plan.kind}:${plan.name}`, plan.id);
    created.plans.push(await planSummary(tx, plan));
  }
  for (const group of groupVouchers(preview.vouchersToCreate).values()) {
    const planId = planIds.get(`hotspot:${group[0]!.planName}`);
    if (planId === undefined) {
      created.conflicts.push({ item: `${group.length} voucher(s) of '${group[0]!.planName}'`, reason: 'their profile was not imported as a plan' });
      continue;
    }
    if ((await tx.loginNames.reserve(tenantId, group.map((v) => v.code), 'voucher')).length > 0) continue;
    const batch = await tx.vouchers.importBatch({ tenantId, planId, routerId, comment: group[0]!.batch ?? 'imported', createdBy: actor?.id ?? null, vouchers: group }, now);
    created.batches.push(batch);
  }
  for (const draft of preview.subscribersToCreate) {
    const planId = draft.planName === null ? undefined : planIds.get(`${draft.kind}:${draft.planName}`);
    if (planId === undefined) {
      created.conflicts.push({ item: `${draft.kind === 'hotspot' ? 'hotspot user' : 'PPP secret'} '${draft.username}'`, reason: 'not imported: its profile is not a plan (give it a plan’s profile on the router, then import again)' });
      continue;
    }
    if ((await tx.loginNames.reserve(tenantId, [draft.username], 'subscriber')).length > 0) continue;
    const status = draft.disabled ? 'disabled' : draft.validUntil !== null && draft.validUntil <= now ? 'expired' : 'active';
    const record = await tx.subscribers.insert(
      { tenantId, kind: draft.kind, name: draft.comment ?? draft.username, phone: null, email: null, username: draft.username, password: draft.password, planId, status, validUntil: draft.validUntil, macLock: draft.macLock, routerIds: [routerId] },
      now,
    );
    // The account is on the router already, as it was: nothing to write until someone changes it.
    await tx.provisioning.set(tenantId, 'subscriber', record.id, routerId, { state: 'applied', message: null, drift: [] }, now);
    await tx.subscribers.addHistory(tenantId, record.id, 'created', `imported from the router by ${actor?.username ?? 'someone'}`, routerId, now);
    created.subscribers.push(await subscriberSummary(tx, record));
  }
  return created;
}

export const importOutcome = (routerId: number, created: Created): ImportOutcome => ({
  routerId,
  plans: created.plans.length,
  vouchers: created.batches.reduce((n, b) => n + b.count, 0),
  subscribers: created.subscribers.length,
  conflicts: created.conflicts.length,
});
