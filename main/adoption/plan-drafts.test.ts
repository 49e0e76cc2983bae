import { describe, expect, it } from 'vitest';
import type { RouterInventory } from './import-types';
import { draftPlans } from './plan-drafts';

const TERMS = ':put (",rem,1000,1d,0,,Disable,")';

function router(hotspotProfiles: RouterInventory['hotspotProfiles'], pppProfiles: RouterInventory['pppProfiles'] = []): RouterInventory {
  return { hotspotProfiles, hotspotUsers: [], pppProfiles, pppSecrets: [] };
}

describe('draftPlans lookup', () => {
  it('resolves a profile to the plan it becomes or already is, with mikhmon’s terms', () => {
    const drafts = draftPlans(router([{ name: 'new', 'on-login': TERMS }, { name: 'old' }]), { plans: [{ id: 1, kind: 'hotspot', name: 'old' }], logins: new Set() }, 0);
    expect(drafts.lookup('hotspot', 'new')).toMatchObject({ status: 'plan', planName: 'new', terms: { expiryMode: 'remove', validitySeconds: 86_400 } });
    expect(drafts.lookup('hotspot', 'old')).toEqual({ status: 'plan', planName: 'old', terms: null });
  });

  it('keeps kinds apart', () => {
    const drafts = draftPlans(router([{ name: 'same' }], []), { plans: [], logins: new Set() }, 0);
    expect(drafts.lookup('pppoe', 'same')).toEqual({ status: 'unresolved', reason: "uses profile 'same' that the router does not have" });
  });

  it('tells built-in, missing and skipped profiles apart', () => {
    const drafts = draftPlans(router([{ name: 'default' }, { name: '' }], [{ name: 'default-encryption' }]), { plans: [], logins: new Set() }, 0);
    expect(drafts.lookup('hotspot', 'default')).toEqual({ status: 'built-in' });
    expect(drafts.lookup('pppoe', 'default-encryption')).toEqual({ status: 'built-in' });
    expect(drafts.lookup('hotspot', '')).toEqual({ status: 'unresolved', reason: "uses profile '' that is not imported as a plan" });
    expect(drafts.conflicts).toContainEqual({ item: 'a hotspot profile without a name', reason: 'has no name: not imported' });
  });

  it('leaves the console’s own profiles alone, resolving them to the console’s plan while it has one', () => {
    const own = router([{ name: 'noc-plan', comment: 'noc-5' }, { name: 'noc-gone', comment: 'noc-6' }]);
    const drafts = draftPlans(own, { plans: [{ id: 5, kind: 'hotspot', name: 'noc-plan' }], logins: new Set() }, 0);
    expect(drafts.plansToCreate).toEqual([]);
    expect(drafts.existingPlans).toEqual([]);
    expect(drafts.conflicts).toEqual([]);
    expect(drafts.lookup('hotspot', 'noc-plan')).toEqual({ status: 'plan', planName: 'noc-plan', terms: null });
    expect(drafts.lookup('hotspot', 'noc-gone')).toEqual({ status: 'unresolved', reason: "uses profile 'noc-gone', which the console made but no longer has as a plan" });
  });

  it('imports a name that appears twice once', () => {
    const drafts = draftPlans(router([{ name: 'twice', 'rate-limit': '1M' }, { name: 'twice', 'rate-limit': '2M' }]), { plans: [], logins: new Set() }, 0);
    expect(drafts.plansToCreate.map((plan) => plan.rateLimit?.uploadBps)).toEqual([1_000_000]);
    expect(drafts.conflicts).toEqual([{ item: "hotspot profile 'twice'", reason: 'appears twice on the router: only the first is imported' }]);
  });
});
