import { describe, expect, it } from 'vitest';
import { compileQuery } from './query';

const interfaces: Array<Record<string, string>> = [
  { '.id': '*1', name: 'ether1', type: 'ether', mtu: '1500', comment: 'uplink' },
  { '.id': '*2', name: 'vlan10', type: 'vlan', mtu: '1500' },
  { '.id': '*3', name: 'br0', type: 'bridge', mtu: '9000', comment: '' },
  { '.id': '*4', name: '<pppoe-a>', type: 'pppoe-in', mtu: '1480' },
];
const names = (...words: string[]) => interfaces.filter(compileQuery(words)!).map((r) => r.name);

describe('query words (manual examples and operators)', () => {
  it('?type=ether ?type=vlan ?#| : ether or vlan', () => {
    expect(names('?type=ether', '?type=vlan', '?#|')).toEqual(['ether1', 'vlan10']);
  });

  it('?type=ether ?type=vlan ?#|! : neither', () => {
    expect(names('?type=ether', '?type=vlan', '?#|!')).toEqual(['br0', '<pppoe-a>']);
  });

  it('?>comment= : non-empty comment', () => {
    expect(names('?>comment=')).toEqual(['ether1']);
  });

  it('?name, ?-name, ?=name=x, ?<, ?>', () => {
    expect(names('?comment')).toEqual(['ether1', 'br0']);
    expect(names('?-comment')).toEqual(['vlan10', '<pppoe-a>']);
    expect(names('?=name=br0')).toEqual(['br0']);
    expect(names('?<mtu=1500')).toEqual(['<pppoe-a>']);
    expect(names('?>mtu=1500')).toEqual(['br0']);
  });

  it('several plain words are an implicit and', () => {
    expect(names('?mtu=1500', '?type=vlan')).toEqual(['vlan10']);
  });

  it('?#& and index operations', () => {
    expect(names('?mtu=1500', '?comment', '?#&')).toEqual(['ether1']);
    // `1` at the end of the word replaces the stack with element 1 (the first test).
    expect(names('?type=vlan', '?mtu=1500', '?#1')).toEqual(['vlan10']);
    // `0.` pushes a copy of the top; `!` then negates the copy: a and not a is always false.
    expect(names('?type=vlan', '?#0.!&')).toEqual([]);
    // `.` after an operator duplicates the top.
    expect(names('?type=ether', '?type=vlan', '?#|.&')).toEqual(['ether1', 'vlan10']);
  });
});
