import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsoleInventory, ImportOptions, ImportPreview, RosRecord, RouterInventory } from './import-types';
import { planImport } from './import-plan';

// Jakarta runs at UTC+7 all year; the preview is made at noon there on 2 January 2024.
const OPTIONS: ImportOptions = { currency: 'IDR', timeZone: 'Asia/Jakarta', now: Date.parse('2024-01-02T05:00:00Z') };
const SCHEDULER = '; {:local date [ /system clock get date ];:local year [ :pick $date 7 11 ];}';
const jakarta = (wall: string) => Date.parse(`${wall}+07:00`);

/** A router mikhmon has run for a while, and that the console has touched once. */
function mikhmonRouter(): RouterInventory {
  return {
    hotspotProfiles: [
      { name: 'default', 'shared-users': '1' },
      { name: '1H-5K', 'rate-limit': '1M/2M', 'shared-users': '1', 'address-pool': 'hs-pool', 'on-login': `:put (",rem,5000,1h,0,,Disable,")${SCHEDULER}` },
      { name: '1D-20K', 'rate-limit': '2M/5M 4M/10M 1M/4M 16/16 8', 'shared-users': '2', 'address-pool': 'none', 'on-login': `:put (",ntfc,18.000,1d,20.000,,Enable,")${SCHEDULER}` },
      { name: 'member', 'rate-limit': '5M/10M', 'shared-users': 'unlimited', 'on-login': ':put (",,150000,,,noexp,Disable,")' },
      { name: 'plain', 'rate-limit': '512k/1M', 'session-timeout': '2h', 'shared-users': '1' },
      { name: 'noc-7', 'rate-limit': '3M', comment: 'noc-7' },
    ],
    hotspotUsers: [
      { name: 'default-trial', default: 'true', profile: 'default' },
      { name: 'T-AA:BB:CC:DD:EE:FF', dynamic: 'true', profile: 'default', password: '' },
      // A fresh batch of vouchers, one of them in use (its profile has no expiry script run yet).
      { name: 'ab12', password: 'ab12', profile: '1H-5K', 'limit-uptime': '1h', comment: 'vc-123-01.01.24-', uptime: '0s', 'bytes-in': '0', 'bytes-out': '0' },
      { name: 'cd34', password: 'cd34', profile: '1H-5K', 'limit-uptime': '1h', comment: 'vc-123-01.01.24-', uptime: '5m', 'bytes-in': '100', 'bytes-out': '900' },
      // Used: mikhmon replaced the comment with the expiry (old and new date forms).
      { name: 'ef56', password: 'ef56', profile: '1D-20K', comment: 'jan/02/2024 18:00:00', uptime: '2h' },
      { name: 'gh78', password: 'gh78', profile: '1D-20K', comment: '2024-01-01 09:00:00', uptime: '5h' },
      // "Notice" mode marked it expired instead of removing it.
      { name: 'ij90', password: 'ij90', profile: '1D-20K', comment: '2024-01-03 09:00:00', 'limit-uptime': '1s', uptime: '3h' },
      { name: 'shopA1', password: '7731', profile: '1D-20K', comment: 'up-456-01.01.24-shop A', 'limit-bytes-total': '1073741824' },
      { name: 'john', password: 'secret', profile: 'member', 'mac-address': 'aa:bb:cc:dd:ee:01', comment: 'John, room 4', disabled: 'false' },
      { name: 'mary', password: 'pw', profile: 'member', comment: '2024-02-01 10:00:00' },
      { name: 'guest', password: 'guest', comment: 'front desk' },
      { name: 'lost', password: 'x', profile: 'gone', comment: 'vc-999-01.01.24-' },
      { name: 'orphan', password: 'x', profile: 'gone' },
      { name: 'nopass', profile: 'member' },
      { name: 'Kept', password: 'k', profile: 'member' },
      { name: 'xy12', password: 'xy12', profile: 'default', comment: 'vc-555-01.01.24-' },
      { name: 'zz99', password: 'zz99', profile: 'noc-7', comment: 'vc-noc-12' },
      { name: 'sub-9', password: 'p', profile: 'noc-7', comment: 'noc-9' },
    ],
    pppProfiles: [
      { name: 'default' },
      { name: 'default-encryption', 'use-encryption': 'yes' },
      { name: 'pppoe-10M', 'local-address': '10.20.0.1', 'remote-address': 'pppoe-pool', 'rate-limit': '5M/10M', 'only-one': 'yes' },
    ],
    pppSecrets: [
      { name: 'alice', password: 'a1', service: 'pppoe', profile: 'pppoe-10M', 'caller-id': 'aa:bb:cc:dd:ee:02', comment: 'Alice Okello' },
      { name: 'bob', password: 'b1', service: 'any', profile: 'default', 'remote-address': '10.20.0.50', disabled: 'true' },
      { name: 'vpn-hq', password: 'v', service: 'l2tp', profile: 'default-encryption' },
      { name: 'JOHN', password: 'j', service: 'pppoe', profile: 'pppoe-10M' },
    ],
  };
}

function consoleWith(plans: ConsoleInventory['plans'] = [], logins: string[] = []): ConsoleInventory {
  return { plans, logins: new Set(logins) };
}

/** The console after the operator accepted the whole preview. */
function afterImport(before: ConsoleInventory, preview: ImportPreview): ConsoleInventory {
  let id = 1000;
  return {
    plans: [...before.plans, ...preview.plansToCreate.map((plan) => ({ id: id++, kind: plan.kind, name: plan.name }))],
    logins: new Set([
      ...before.logins,
      ...preview.vouchersToCreate.map((voucher) => voucher.code.toLowerCase()),
      ...preview.subscribersToCreate.map((subscriber) => subscriber.username.toLowerCase()),
    ]),
  };
}

describe('planImport on a mikhmon router', () => {
  const inConsole = consoleWith([{ id: 7, kind: 'hotspot', name: 'noc-7' }, { id: 3, kind: 'hotspot', name: 'member' }], ['kept']);
  const preview = planImport(mikhmonRouter(), inConsole, OPTIONS);

  it('turns profiles into plans with mikhmon’s price, validity and expiry', () => {
    expect(preview.plansToCreate).toEqual([
      {
        kind: 'hotspot',
        name: '1H-5K',
        priceMinor: 5000,
        validitySeconds: 3600,
        uptimeLimitSeconds: 3600,
        dataLimitBytes: null,
        rateLimit: { uploadBps: 1_000_000, downloadBps: 2_000_000 },
        sharedUsers: 1,
        addressPool: 'hs-pool',
        localAddress: null,
        expiry: 'remove',
      },
      {
        kind: 'hotspot',
        name: '1D-20K',
        // The selling price is what the customer pays (mikhmon prints it on the voucher).
        priceMinor: 20_000,
        validitySeconds: 86_400,
        uptimeLimitSeconds: null,
        dataLimitBytes: null,
        rateLimit: {
          uploadBps: 2_000_000,
          downloadBps: 5_000_000,
          burstUploadBps: 4_000_000,
          burstDownloadBps: 10_000_000,
          burstThresholdUploadBps: 1_000_000,
          burstThresholdDownloadBps: 4_000_000,
          burstTimeSeconds: 16,
        },
        sharedUsers: 2,
        addressPool: null,
        localAddress: null,
        expiry: 'disable',
      },
      {
        kind: 'hotspot',
        name: 'plain',
        priceMinor: 0,
        validitySeconds: null,
        uptimeLimitSeconds: 7200,
        dataLimitBytes: null,
        rateLimit: { uploadBps: 512_000, downloadBps: 1_000_000 },
        sharedUsers: 1,
        addressPool: null,
        localAddress: null,
        expiry: 'disable',
      },
      {
        kind: 'pppoe',
        name: 'pppoe-10M',
        priceMinor: 0,
        validitySeconds: null,
        uptimeLimitSeconds: null,
        dataLimitBytes: null,
        rateLimit: { uploadBps: 5_000_000, downloadBps: 10_000_000 },
        sharedUsers: null,
        addressPool: 'pppoe-pool',
        localAddress: '10.20.0.1',
        expiry: 'disable',
      },
    ]);
  });

  it('matches plans the console has by kind and name', () => {
    expect(preview.existingPlans).toEqual([{ kind: 'hotspot', name: 'member', planId: 3 }]);
  });

  it('imports vouchers with their state, from the batch stamp or mikhmon’s expiry', () => {
    expect(preview.vouchersToCreate).toEqual([
      { code: 'ab12', password: null, planName: '1H-5K', batch: 'vc-123-01.01.24', state: 'unused', activatedAt: null, validUntil: null, uptimeLimitSeconds: 3600, dataLimitBytes: null },
      { code: 'cd34', password: null, planName: '1H-5K', batch: 'vc-123-01.01.24', state: 'active', activatedAt: null, validUntil: null, uptimeLimitSeconds: 3600, dataLimitBytes: null },
      {
        code: 'ef56',
        password: null,
        planName: '1D-20K',
        batch: null,
        state: 'active',
        activatedAt: jakarta('2024-01-01T18:00:00'),
        validUntil: jakarta('2024-01-02T18:00:00'),
        uptimeLimitSeconds: null,
        dataLimitBytes: null,
      },
      {
        code: 'gh78',
        password: null,
        planName: '1D-20K',
        batch: null,
        state: 'expired',
        activatedAt: jakarta('2023-12-31T09:00:00'),
        validUntil: jakarta('2024-01-01T09:00:00'),
        uptimeLimitSeconds: null,
        dataLimitBytes: null,
      },
      {
        code: 'ij90',
        password: null,
        planName: '1D-20K',
        batch: null,
        state: 'expired',
        activatedAt: jakarta('2024-01-02T09:00:00'),
        validUntil: jakarta('2024-01-03T09:00:00'),
        uptimeLimitSeconds: null,
        dataLimitBytes: null,
      },
    ]);
  });

  it('imports other hotspot users and PPPoE secrets as subscribers', () => {
    const base = { disabled: false, macLock: null, validUntil: null, uptimeLimitSeconds: null, dataLimitBytes: null, remoteAddress: null, comment: null };
    expect(preview.subscribersToCreate).toEqual([
      { ...base, kind: 'hotspot', username: 'shopA1', password: '7731', planName: '1D-20K', dataLimitBytes: 1_073_741_824, comment: 'up-456-01.01.24-shop A' },
      { ...base, kind: 'hotspot', username: 'john', password: 'secret', planName: 'member', macLock: 'AA:BB:CC:DD:EE:01', comment: 'John, room 4' },
      { ...base, kind: 'hotspot', username: 'mary', password: 'pw', planName: 'member', validUntil: jakarta('2024-02-01T10:00:00') },
      { ...base, kind: 'hotspot', username: 'guest', password: 'guest', planName: null, comment: 'front desk' },
      { ...base, kind: 'hotspot', username: 'orphan', password: 'x', planName: null },
      { ...base, kind: 'pppoe', username: 'alice', password: 'a1', planName: 'pppoe-10M', macLock: 'AA:BB:CC:DD:EE:02', comment: 'Alice Okello' },
      { ...base, kind: 'pppoe', username: 'bob', password: 'b1', planName: null, disabled: true, remoteAddress: '10.20.0.50' },
    ]);
  });

  it('reports what it leaves out or changes, in words', () => {
    expect(preview.conflicts).toEqual([
      { item: "hotspot profile 'default'", reason: 'is built in: not imported as a plan' },
      { item: "PPP profile 'default'", reason: 'is built in: not imported as a plan' },
      { item: "PPP profile 'default-encryption'", reason: 'is built in: not imported as a plan' },
      { item: "hotspot user 'default-trial'", reason: 'is built in: not imported' },
      { item: "hotspot user 'T-AA:BB:CC:DD:EE:FF'", reason: 'is made by the router (dynamic, e.g. a trial login): not imported' },
      { item: "hotspot user 'lost'", reason: "uses profile 'gone' that the router does not have: a voucher needs a plan, so it is not imported" },
      { item: "hotspot user 'orphan'", reason: "uses profile 'gone' that the router does not have: imported without a plan" },
      { item: "hotspot user 'nopass'", reason: 'has no password: not imported; set one on the router and import again' },
      { item: "hotspot user 'Kept'", reason: "'Kept' is already in the console: not imported again" },
      {
        item: "hotspot user 'xy12'",
        reason: "is a voucher on the built-in profile 'default': not imported; move it to a plan's profile on the router and import again",
      },
      { item: "PPP secret 'vpn-hq'", reason: 'is for the l2tp service: only PPPoE secrets are imported' },
      { item: "PPP secret 'JOHN'", reason: "has the same login as hotspot user 'john': logins are unique in the console, only the first is imported" },
    ]);
  });

  it('proposes nothing new when run again after the import', () => {
    const again = planImport(mikhmonRouter(), afterImport(inConsole, preview), OPTIONS);
    expect(again.plansToCreate).toEqual([]);
    expect(again.vouchersToCreate).toEqual([]);
    expect(again.subscribersToCreate).toEqual([]);
    expect(again.existingPlans.map((plan) => plan.name)).toEqual(['1H-5K', '1D-20K', 'member', 'plain', 'pppoe-10M']);
  });
});

describe('planImport details', () => {
  it('reads the expiry mapping from each mikhmon mode', () => {
    const profile = (name: string, mode: string): RosRecord => ({ name, 'on-login': `:put (",${mode},1000,1d,0,,Disable,")` });
    const router: RouterInventory = {
      hotspotProfiles: [profile('a', 'rem'), profile('b', 'remc'), profile('c', 'ntf'), profile('d', 'ntfc'), { name: 'e', 'on-login': ':put (",,1000,,,noexp,Disable,")' }],
      hotspotUsers: [],
      pppProfiles: [],
      pppSecrets: [],
    };
    const plans = planImport(router, consoleWith(), OPTIONS).plansToCreate;
    expect(plans.map((plan) => [plan.name, plan.expiry, plan.validitySeconds, plan.priceMinor])).toEqual([
      ['a', 'remove', 86_400, 1000],
      ['b', 'remove', 86_400, 1000],
      ['c', 'disable', 86_400, 1000],
      ['d', 'disable', 86_400, 1000],
      ['e', 'disable', null, 1000],
    ]);
  });

  it('takes a plan’s limits from what all of its users share', () => {
    const router: RouterInventory = {
      hotspotProfiles: [{ name: 'same' }, { name: 'mixed' }],
      hotspotUsers: [
        { name: 'u1', password: 'u1', profile: 'same', 'limit-uptime': '3h', 'limit-bytes-total': '1000000' },
        { name: 'u2', password: 'u2', profile: 'same', 'limit-uptime': '1s', 'limit-bytes-total': '1000000' },
        { name: 'u3', password: 'u3', profile: 'mixed', 'limit-uptime': '3h' },
        { name: 'u4', password: 'u4', profile: 'mixed', 'limit-uptime': '5h' },
      ],
      pppProfiles: [],
      pppSecrets: [],
    };
    const plans = planImport(router, consoleWith(), OPTIONS).plansToCreate;
    expect(plans.map((plan) => [plan.name, plan.uptimeLimitSeconds, plan.dataLimitBytes])).toEqual([
      ['same', 10_800, 1_000_000],
      ['mixed', null, null],
    ]);
  });

  it('warns about a price, validity or rate limit it cannot carry over as it is', () => {
    const router: RouterInventory = {
      hotspotProfiles: [
        { name: 'odd', 'rate-limit': 'fast', 'on-login': ':put (",rem,lots,someday,0,,Disable,")' },
        { name: 'queued', 'rate-limit': '1M/2M 0/0 0/0 0/0 4 256k/512k' },
        { name: 'half-burst', 'rate-limit': '1M/2M 2M/4M' },
        { name: 'open', 'rate-limit': '0/0' },
      ],
      hotspotUsers: [],
      pppProfiles: [],
      pppSecrets: [],
    };
    const preview = planImport(router, consoleWith(), OPTIONS);
    expect(preview.plansToCreate.map((plan) => [plan.name, plan.priceMinor, plan.validitySeconds, plan.rateLimit])).toEqual([
      ['odd', 0, null, null],
      ['queued', 0, null, { uploadBps: 1_000_000, downloadBps: 2_000_000 }],
      ['half-burst', 0, null, { uploadBps: 1_000_000, downloadBps: 2_000_000 }],
      // 0/0 is RouterOS's unlimited: a plan without a rate limit.
      ['open', 0, null, null],
    ]);
    expect(preview.conflicts).toEqual([
      { item: "hotspot profile 'odd'", reason: "rate-limit 'fast' is not understood: the plan is imported without a rate limit" },
      { item: "hotspot profile 'odd'", reason: "mikhmon's price is not an amount in the tenant's currency: the plan is imported at price 0, set its price before selling" },
      { item: "hotspot profile 'odd'", reason: "mikhmon's validity is not a duration: the plan is imported without one, set it before selling" },
      { item: "hotspot profile 'queued'", reason: "rate-limit '1M/2M 0/0 0/0 0/0 4 256k/512k' has priority 4, limit-at 256k/512k, which a plan does not keep: re-applying the plan drops it" },
      {
        item: "hotspot profile 'half-burst'",
        reason: "rate-limit '1M/2M 2M/4M' has a burst that is one-way or lacks its rate, threshold or time, which a plan does not hold: the plan is imported without a burst",
      },
    ]);
  });

  it('refuses a tenant setting that is not valid, saying what to set', () => {
    const router = mikhmonRouter();
    expect(() => planImport(router, consoleWith(), { ...OPTIONS, timeZone: 'Jakarta' })).toThrow(/set the tenant's time zone/);
    expect(() => planImport(router, consoleWith(), { ...OPTIONS, currency: 'rupiah' })).toThrow(/set the tenant's currency/);
  });
});

describe('planImport over any router', () => {
  const name = fc.constantFrom('a1', 'A1', 'b2', 'c3', 'default', 'x', '', 'vc1', 'Vc1');
  const profileName = fc.constantFrom('default', 'p1', 'p2', 'P1', 'gone', 'default-encryption');
  const comment = fc.constantFrom(undefined, '', 'vc-123-01.01.24-', 'up-1-01.01.24-x', 'noc-4', 'vc-noc-2', 'jan/02/2024 10:00:00', '2023-12-30 08:00:00', 'a note');
  const onLogin = fc.constantFrom(undefined, ':put (",rem,1000,1d,0,,Enable,")', ':put (",ntf,x,y,0,,Disable,")', ':put (",,500,,,noexp,Disable,")', ':log info hi');
  const flag = fc.constantFrom(undefined, 'true', 'false');
  const profile = fc.record({ name: profileName, 'rate-limit': fc.constantFrom('', '1M/2M', 'bad'), 'on-login': onLogin, comment }, { requiredKeys: ['name'] });
  const user = fc.record(
    { name, password: fc.constantFrom('', 'a1', 'pw', 'x'), profile: profileName, comment, disabled: flag, dynamic: flag, uptime: fc.constantFrom('0s', '1h'), 'limit-uptime': fc.constantFrom('0s', '1s', '30m') },
    { requiredKeys: ['name'] },
  );
  const secret = fc.record({ name, password: fc.constantFrom('', 'pw'), service: fc.constantFrom('pppoe', 'any', 'l2tp'), profile: profileName, comment }, { requiredKeys: ['name'] });
  const router: fc.Arbitrary<RouterInventory> = fc.record({
    hotspotProfiles: fc.array(profile, { maxLength: 5 }) as fc.Arbitrary<RosRecord[]>,
    hotspotUsers: fc.array(user, { maxLength: 10 }) as fc.Arbitrary<RosRecord[]>,
    pppProfiles: fc.array(profile, { maxLength: 4 }) as fc.Arbitrary<RosRecord[]>,
    pppSecrets: fc.array(secret, { maxLength: 6 }) as fc.Arbitrary<RosRecord[]>,
  });
  const existing: fc.Arbitrary<ConsoleInventory> = fc
    .record({
      plans: fc.array(fc.record({ id: fc.nat(), kind: fc.constantFrom('hotspot' as const, 'pppoe' as const), name: profileName }), { maxLength: 3 }),
      logins: fc.array(name.map((n) => n.toLowerCase()), { maxLength: 3 }),
    })
    .map(({ plans, logins }) => ({ plans, logins: new Set(logins) }));

  it('proposes each login once, never one the console has, and only plans it proposes or has', () => {
    fc.assert(
      fc.property(router, existing, (onRouter, inConsole) => {
        const preview = planImport(onRouter, inConsole, OPTIONS);
        const logins = [...preview.vouchersToCreate.map((v) => v.code), ...preview.subscribersToCreate.map((s) => s.username)].map((l) => l.toLowerCase());
        expect(new Set(logins).size).toBe(logins.length);
        for (const login of logins) expect(inConsole.logins.has(login)).toBe(false);
        const known = (kind: string, planName: string) =>
          preview.plansToCreate.some((p) => p.kind === kind && p.name === planName) || inConsole.plans.some((p) => p.kind === kind && p.name === planName);
        for (const voucher of preview.vouchersToCreate) expect(known('hotspot', voucher.planName)).toBe(true);
        for (const subscriber of preview.subscribersToCreate) if (subscriber.planName !== null) expect(known(subscriber.kind, subscriber.planName)).toBe(true);
        for (const plan of preview.plansToCreate) expect(inConsole.plans.some((p) => p.kind === plan.kind && p.name === plan.name)).toBe(false);
      }),
    );
  });

  it('proposes nothing new when run again after the import', () => {
    fc.assert(
      fc.property(router, existing, (onRouter, inConsole) => {
        const first = planImport(onRouter, inConsole, OPTIONS);
        const again = planImport(onRouter, afterImport(inConsole, first), OPTIONS);
        expect(again.plansToCreate).toEqual([]);
        expect(again.vouchersToCreate).toEqual([]);
        expect(again.subscribersToCreate).toEqual([]);
      }),
    );
  });
});
