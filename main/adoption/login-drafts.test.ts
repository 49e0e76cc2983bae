import { describe, expect, it } from 'vitest';
import type { ConsoleInventory, RouterInventory } from './import-types';
import { draftLogins } from './login-drafts';
import { draftPlans } from './plan-drafts';

const CONTEXT = { timeZone: 'UTC', now: Date.parse('2024-01-02T12:00:00Z') };
const EMPTY: ConsoleInventory = { plans: [], logins: new Set() };

function logins(onRouter: Partial<RouterInventory>, inConsole: ConsoleInventory = EMPTY) {
  const router: RouterInventory = { hotspotProfiles: [{ name: 'p' }], hotspotUsers: [], pppProfiles: [{ name: 'q' }], pppSecrets: [], ...onRouter };
  return draftLogins(router, inConsole, draftPlans(router, inConsole, 0), CONTEXT);
}

describe('draftLogins', () => {
  it('passes over the console’s own users and secrets without a word, and without taking their logins', () => {
    const drafts = logins({
      hotspotUsers: [
        { name: 'own', password: 'own', profile: 'p', comment: 'vc-noc-4' },
        { name: 'mine', password: 'x', profile: 'p', comment: 'noc-12' },
      ],
      pppSecrets: [{ name: 'OWN', password: 'y', service: 'pppoe', profile: 'q' }],
    });
    expect(drafts.vouchersToCreate).toEqual([]);
    expect(drafts.conflicts).toEqual([]);
    expect(drafts.subscribersToCreate.map((s) => s.username)).toEqual(['OWN']);
  });

  it('keeps a voucher’s own password when it differs from the code', () => {
    const drafts = logins({ hotspotUsers: [{ name: 'ab12', password: '9876', profile: 'p', comment: 'vc-1-01.01.24-' }] });
    expect(drafts.vouchersToCreate[0]).toMatchObject({ code: 'ab12', password: '9876', planName: 'p', state: 'unused' });
  });

  it('imports a disabled voucher as expired, and says so', () => {
    const drafts = logins({ hotspotUsers: [{ name: 'ab12', password: 'ab12', profile: 'p', comment: 'vc-1-01.01.24-', disabled: 'true' }] });
    expect(drafts.vouchersToCreate[0]?.state).toBe('expired');
    expect(drafts.conflicts).toEqual([{ item: "hotspot user 'ab12'", reason: 'is a disabled voucher on the router: imported as expired' }]);
  });

  it('names a row without a name as such', () => {
    const drafts = logins({ pppSecrets: [{ name: '', password: 'p', service: 'pppoe' }] });
    expect(drafts.conflicts).toEqual([{ item: 'a PPP secret without a name', reason: 'has no name: not imported' }]);
  });
});
