import { describe, expect, it } from 'vitest';
import type { HotspotSession } from '../../../../main/sessions/contract';
import { applyDelta, rowsFromSnapshot } from '../../live/keyed-rows';
import { OnlineLogins } from './online-logins';

const session = (routerId: number, id: string, user: string): HotspotSession => ({
  key: `${routerId}:${id}`,
  routerId,
  routerName: `r${routerId}`,
  id,
  server: 'hs1',
  user,
  address: '10.5.50.2',
  macAddress: 'AA:BB:CC:DD:EE:01',
  loginBy: 'http-chap',
  uptimeSeconds: 10,
  sessionTimeLeftSeconds: null,
  bytesIn: 0,
  bytesOut: 0,
  rateIn: 0,
  rateOut: 0,
});

describe('online logins', () => {
  it('follows sessions started and ended per router, counting two devices of one login', () => {
    const online = new OnlineLogins<HotspotSession>((s) => s.user, 'user');
    let live = rowsFromSnapshot([session(7, '*1', 'ann'), session(7, '*2', 'ann'), session(8, '*1', 'bob')], 0, 0);
    online.sync(live);
    expect(online.isOnline([7], 'ann')).toBe(true);
    expect(online.isOnline([7], 'bob')).toBe(false);
    expect(online.isOnline([9, 8], 'bob')).toBe(true);

    live = applyDelta(live, { started: [], ended: ['7:*1'], updated: [] }, 1);
    online.sync(live);
    expect(online.isOnline([7], 'ann')).toBe(true);
    live = applyDelta(live, { started: [session(7, '*3', 'cid')], ended: ['7:*2'], updated: [{ key: '8:*1', bytesIn: 500 }] }, 2);
    online.sync(live);
    online.sync(live);
    expect(online.isOnline([7], 'ann')).toBe(false);
    expect(online.isOnline([7], 'cid')).toBe(true);
    expect(online.isOnline([8], 'bob')).toBe(true);
  });

  it('rebuilds after a snapshot or a missed revision', () => {
    const online = new OnlineLogins<HotspotSession>((s) => s.user, 'user');
    const first = rowsFromSnapshot([session(7, '*1', 'ann')], 0, 0);
    online.sync(first);
    const skipped = applyDelta(applyDelta(first, { started: [session(7, '*2', 'bob')], ended: [], updated: [] }, 1), { started: [], ended: ['7:*1'], updated: [] }, 2);
    online.sync(skipped);
    expect(online.isOnline([7], 'ann')).toBe(false);
    expect(online.isOnline([7], 'bob')).toBe(true);
    online.sync(rowsFromSnapshot([], skipped.revision, 3));
    expect(online.isOnline([7], 'bob')).toBe(false);
  });
});
