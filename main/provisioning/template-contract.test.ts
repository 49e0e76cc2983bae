import { describe, expect, it } from 'vitest';
import { templateSchema } from './template-contract';

const hotspot = { interface: 'ether2', address: '10.5.50.1/24', poolRanges: '10.5.50.10-10.5.50.200' };
const issues = (input: unknown) => (templateSchema.safeParse(input).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('a template is checked before any router sees it', () => {
  it('takes a hotspot with its defaults filled in', () => {
    expect(templateSchema.parse({ name: 'Site', hotspot })).toMatchObject({ hotspot: { loginBy: ['http-chap', 'cookie'], leaseSeconds: 3600, masquerade: true, walledGarden: [] }, pools: [], planIds: [] });
  });

  it('says once what is wrong with an address without its prefix (no second message about the ranges)', () => {
    expect(issues({ name: 'Site', hotspot: { ...hotspot, address: '10.5.50.1' } })).toEqual(['hotspot.address: an address with its prefix, such as 10.5.50.1/24']);
  });

  it('refuses ranges outside the hotspot network, a pool defined twice, and a PPPoE server on the hotspot port', () => {
    expect(issues({ name: 'Site', hotspot: { ...hotspot, poolRanges: '10.9.0.2-10.9.0.9' } })).toEqual(['hotspot.poolRanges: the ranges must lie inside 10.5.50.1/24']);
    expect(issues({ name: 'Site', pools: [{ name: 'p', ranges: '10.1.0.2-10.1.0.9' }, { name: 'p', ranges: '10.2.0.2-10.2.0.9' }] })).toEqual(["pools: the pool 'p' is defined twice"]);
    const pppoe = { interface: 'ether2', poolName: 'pp', poolRanges: '10.20.0.2-10.20.0.9', localAddress: '10.20.0.1', profileName: 'pp' };
    expect(issues({ name: 'Site', hotspot, pppoe })).toEqual(['pppoe.interface: the PPPoE server needs another interface than the hotspot']);
  });

  it('refuses ranges that run backwards and unknown time zones', () => {
    expect(issues({ name: 'Site', pools: [{ name: 'p', ranges: '10.1.0.9-10.1.0.2' }] })).toEqual(['pools.0.ranges: address ranges such as 10.5.50.2-10.5.50.254 (low to high, comma-separated)']);
    expect(issues({ name: 'Site', timeZone: 'Mars/Olympus' })).toEqual(['timeZone: an IANA time zone such as Africa/Nairobi']);
  });
});
