import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './test-fixtures';
import { attrs } from './wire-test-client';

const sim = useSimulator();

describe('login', () => {
  it('plain login (6.43+): !done on success, !trap then !done on a wrong password', async () => {
    const r = await sim.router({ password: 's3cret' });
    const c = await sim.client(r, false);
    expect(await c.command('/login', '=name=admin', '=password=nope')).toEqual([
      ['!trap', '=message=invalid user name or password (6)'],
      ['!done'],
    ]);
    expect(await c.command('/login', '=name=admin', '=password=s3cret')).toEqual([['!done']]);
    expect((await c.command('/system/identity/print'))[0]).toEqual(['!re', `=name=${r.name}`]);
  });

  it('challenge login (pre-6.43): /login → =ret=challenge, then =response=00<md5(0, password, challenge)>', async () => {
    const r = await sim.router({ loginMethod: 'challenge', version: '6.49', password: 'pw' });
    const c = await sim.client(r, false);
    // Old routers ignore name/password on the first /login and answer with the challenge.
    const [first] = await c.command('/login', '=name=admin', '=password=pw');
    expect(first![0]).toBe('!done');
    const challenge = attrs(first!).ret!;
    expect(challenge).toMatch(/^[0-9a-f]{32}$/);
    const response = `00${createHash('md5').update(Buffer.concat([Buffer.from([0]), Buffer.from('pw'), Buffer.from(challenge, 'hex')])).digest('hex')}`;
    expect(await c.command('/login', '=name=admin', `=response=${response}`)).toEqual([['!done']]);
  });

  it('challenge login with a wrong response is refused', async () => {
    const r = await sim.router({ loginMethod: 'challenge' });
    const c = await sim.client(r, false);
    await c.command('/login');
    expect((await c.command('/login', '=name=admin', `=response=00${'0'.repeat(32)}`))[0]).toEqual(['!trap', '=message=cannot log in']);
  });

  it('commands before login are refused, and too many end in !fatal', async () => {
    const r = await sim.router({ maxCommandsBeforeLogin: 3 });
    const c = await sim.client(r, false);
    expect((await c.command('/ip/hotspot/active/print'))[0]).toEqual(['!trap', '=category=5', '=message=not logged in']);
    await c.command('/interface/print');
    await c.command('/interface/print');
    expect(await c.command('/interface/print')).toEqual([['!fatal', 'too many commands before login']]);
    await c.closed;
  });
});

describe('sentences and tags', () => {
  it('/quit → !fatal "session terminated on request", then the router closes', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    expect(await c.command('/quit')).toEqual([['!fatal', 'session terminated on request']]);
    await c.closed;
    await r.waitForConnections((n) => n === 0);
  });

  it('echoes .tag on every reply of a tagged command and none on an untagged one', async () => {
    const r = await sim.router({ hotspotSessions: 2 });
    const c = await sim.client(r);
    const tagged = await c.command('/ip/hotspot/active/print', '.tag=t1');
    expect(tagged).toHaveLength(3);
    for (const s of tagged) expect(s.at(-1)).toBe('.tag=t1');
    const untagged = await c.command('/ip/hotspot/active/print');
    for (const s of untagged) expect(s.some((w) => w.startsWith('.tag='))).toBe(false);
  });

  it('getall is an alias of print; .proplist limits the properties', async () => {
    const r = await sim.router({ pppoeSessions: 1 });
    const c = await sim.client(r);
    const all = await c.command('/ppp/active/getall');
    expect(all.map((s) => s[0])).toEqual(['!re', '!done']);
    expect(attrs(all[0]!).name).toMatch(/^cust\d{4}$/);
    const [row] = await c.command('/ppp/active/print', '=.proplist=.id,name,uptime');
    expect(Object.keys(attrs(row!))).toEqual(['.id', 'name', 'uptime']);
  });

  it('=count-only= answers !done =ret=N (manual example)', async () => {
    const r = await sim.router({ hotspotSessions: 5 });
    const c = await sim.client(r);
    expect(await c.command('/ip/hotspot/active/print', '=count-only=')).toEqual([['!done', '=ret=5']]);
    expect(await c.command('/ip/hotspot/active/print', '=count-only=', '?user=nobody')).toEqual([['!done', '=ret=0']]);
  });

  it.each([
    ['7.18', [['!empty', '.tag=e'], ['!done', '.tag=e']]],
    ['7.10', [['!done', '.tag=e']]],
    ['6.49', [['!done', '.tag=e']]],
  ] as const)('a print with no rows in %s mode', async (version, expected) => {
    const r = await sim.router({ version });
    const c = await sim.client(r);
    expect(await c.command('/ip/hotspot/active/print', '.tag=e')).toEqual(expected);
  });

  it('queries on print (ether or pppoe-in, non-empty comment)', async () => {
    const r = await sim.router({ pppoeSessions: 2 });
    const c = await sim.client(r);
    const rows = await c.command('/interface/print', '?type=ether', '?type=pppoe-in', '?#|', '=.proplist=name');
    const names = rows.filter((s) => s[0] === '!re').map((s) => attrs(s).name!);
    expect(names.slice(0, 5)).toEqual(['ether1', 'ether2', 'ether3', 'ether4', 'ether5']);
    expect(names.slice(5)).toHaveLength(2);
    for (const n of names.slice(5)) expect(n).toMatch(/^<pppoe-cust\d{4}>$/);
    await c.command('/interface/set', '=.id=ether4', '=comment=spare');
    expect((await c.command('/interface/print', '?>comment=', '=.proplist=name'))[0]).toEqual(['!re', '=name=ether4']);
  });

  it('add returns =ret=<new .id>; set/remove change later prints', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    const [added] = await c.command('/ip/hotspot/user/add', '=name=v001', '=password=1234', '=profile=1H-5K', '=limit-uptime=90m');
    const id = attrs(added!).ret!;
    expect(id).toMatch(/^\*[0-9A-F]+$/);
    const [row] = await c.command('/ip/hotspot/user/print', `?.id=${id}`);
    expect(attrs(row!)).toMatchObject({ name: 'v001', profile: '1H-5K', 'limit-uptime': '1h30m', disabled: 'false' });
    await c.command('/ip/hotspot/user/set', `=.id=${id}`, '=disabled=yes', '=comment=paid');
    expect(attrs((await c.command('/ip/hotspot/user/print', '?name=v001'))[0]!)).toMatchObject({ disabled: 'true', comment: 'paid' });
    expect(await c.command('/ip/hotspot/user/remove', '=.id=v001')).toEqual([['!done']]);
    expect(await c.command('/ip/hotspot/user/print', '?name=v001', '=count-only=')).toEqual([['!done', '=ret=0']]);
    expect(r.model.get('/ip/hotspot/user', 'v001')).toBeUndefined();
  });

  it('unknown command → category 0; bad value → category 1; duplicate name → failure', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    expect(await c.command('/ip/ipsec/print')).toEqual([['!trap', '=category=0', '=message=no such command or directory (ipsec)'], ['!done']]);
    expect((await c.command('/ip/hotspot/active/prin'))[0]).toEqual(['!trap', '=category=0', '=message=no such command or directory (prin)']);
    expect((await c.command('/ip/hotspot/user/add', '=name=a', '=profile=missing'))[0]).toEqual([
      '!trap',
      '=category=1',
      '=message=input does not match any value of profile',
    ]);
    expect((await c.command('/ppp/secret/add', '=name=b', '=limit-bytes-in=lots'))[0]).toEqual(['!trap', '=category=1', '=message=invalid value for argument limit-bytes-in']);
    await c.command('/ppp/secret/add', '=name=b');
    // Each menu words the duplicate its own way, as RouterOS does.
    expect((await c.command('/ppp/secret/add', '=name=b'))[0]).toEqual(['!trap', '=category=4', '=message=failure: secret with the same name already exists']);
    await c.command('/ip/hotspot/user/add', '=name=v1');
    expect(attrs((await c.command('/ip/hotspot/user/add', '=name=v1'))[0]!).message).toBe('failure: already have user with this name');
    await c.command('/ip/hotspot/user/profile/add', '=name=p1');
    expect(attrs((await c.command('/ip/hotspot/user/profile/add', '=name=p1'))[0]!).message).toBe('failure: already have such name');
    await c.command('/ip/hotspot/user/add', '=name=v2');
    expect(attrs((await c.command('/ip/hotspot/user/set', '=.id=v2', '=name=v1'))[0]!).message).toBe('failure: already have user with this name');
    expect((await c.command('/ppp/secret/remove', '=.id=*FFFF'))[0]).toEqual(['!trap', '=category=0', '=message=no such item']);
  });

  it('get returns one property as =ret=', async () => {
    const r = await sim.router({ name: 'hq-1' });
    const c = await sim.client(r);
    expect(await c.command('/system/identity/get', '=value-name=name')).toEqual([['!done', '=ret=hq-1']]);
    await c.command('/system/identity/set', '=name=hq-2');
    expect(r.model.identity()).toBe('hq-2');
  });
});

describe('/cancel', () => {
  it('with =tag=: the listen trap (category 2), the cancel !done, then the listen !done (manual order)', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    c.send('/interface/listen', '.tag=2');
    const replies = await c.command('/cancel', '=tag=2', '.tag=7');
    replies.push(await c.next());
    expect(replies).toEqual([
      ['!trap', '=category=2', '=message=interrupted', '.tag=2'],
      ['!done', '.tag=7'],
      ['!done', '.tag=2'],
    ]);
  });

  it('without =tag=: cancels every running command but itself', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    c.send('/ppp/active/listen', '.tag=a');
    c.send('/ip/hotspot/active/listen', '.tag=b');
    c.send('/cancel', '.tag=c');
    const replies = await c.until((s) => s.includes('.tag=b') && s[0] === '!done');
    expect(replies).toEqual([
      ['!trap', '=category=2', '=message=interrupted', '.tag=a'],
      ['!trap', '=category=2', '=message=interrupted', '.tag=b'],
      ['!done', '.tag=c'],
      ['!done', '.tag=a'],
      ['!done', '.tag=b'],
    ]);
    // Nothing is heard from the cancelled listens afterwards.
    r.model.addPppSession();
    expect(await c.command('/system/identity/print', '.tag=z')).toEqual([['!re', `=name=${r.name}`, '.tag=z'], ['!done', '.tag=z']]);
  });
});

describe('listen', () => {
  it('emits !re on add and update, and only .id + .dead=yes on removal (kick)', async () => {
    const r = await sim.router({ pppoeSessions: 1 });
    const c = await sim.client(r);
    const other = await sim.client(r);
    c.send('/ppp/active/listen', '.tag=L');
    // listen is registered once the router has handled the sentence; a later reply proves it.
    await c.command('/system/identity/print', '.tag=sync');
    const id = r.model.addPppSession({ name: 'alice', address: '10.20.9.9' });
    const added = await c.next();
    expect(attrs(added)).toMatchObject({ '.id': id, name: 'alice', address: '10.20.9.9', service: 'pppoe' });
    expect(added.at(-1)).toBe('.tag=L');
    r.model.updateSession('/ppp/active', id, { comment: 'vip' });
    expect(attrs(await c.next())).toMatchObject({ '.id': id, comment: 'vip' });
    expect(await other.command('/ppp/active/remove', `=.id=${id}`)).toEqual([['!done']]);
    expect(await c.next()).toEqual(['!re', `=.id=${id}`, '=.dead=yes', '.tag=L']);
    // The kick shows in later prints and in the secret's last-* fields.
    expect(attrs((await other.command('/ppp/secret/print', '?name=alice'))[0]!)).toMatchObject({ 'last-disconnect-reason': 'nas-request' });
    expect(await other.command('/interface/print', '?name=<pppoe-alice>', '=count-only=')).toEqual([['!done', '=ret=0']]);
  });

  it('print =follow= gives the rows, then changes', async () => {
    const r = await sim.router({ hotspotSessions: 1 });
    const c = await sim.client(r);
    c.send('/ip/hotspot/active/print', '=follow=', '.tag=f');
    const first = await c.next();
    expect(first[0]).toBe('!re');
    const id = r.model.hotspotSessionIds()[0]!;
    r.model.removeHotspotSession(id);
    expect(await c.next()).toEqual(['!re', `=.id=${id}`, '=.dead=yes', '.tag=f']);
  });

  it('hears churn: one session ends, another starts', async () => {
    const r = await sim.router({ hotspotSessions: 10, churnPerMinute: 0.1 });
    const c = await sim.client(r);
    c.send('/ip/hotspot/active/listen');
    await c.command('/system/identity/print');
    r.model.tick(60_000);
    const dead = await c.next();
    expect(dead).toContain('=.dead=yes');
    expect(attrs(await c.next())['.id']).toMatch(/^\*/);
  });
});

describe('values per version', () => {
  it.each([
    ['6.49', /^[a-z]{3}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/],
    ['7.10', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/],
  ] as const)('%s dates', async (version, pattern) => {
    const r = await sim.router({ version, bootTime: new Date(Date.UTC(2023, 5, 26, 0, 32, 53)) });
    const c = await sim.client(r);
    const [row] = await c.command('/interface/print', '?name=ether1');
    expect(attrs(row!)['last-link-up-time']).toMatch(pattern);
    expect(attrs(row!)['last-link-up-time']).toBe(version === '6.49' ? 'jun/26/2023 00:32:53' : '2023-06-26 00:32:53');
  });

  it('durations, booleans and raw numbers; counters and uptime grow with model time', async () => {
    const r = await sim.router({ hotspotSessions: 1 });
    const c = await sim.client(r);
    r.model.tick(((7 + 2) * 24 * 3600 + 3 * 3600 + 4 * 60 + 5) * 1000);
    const res = attrs((await c.command('/system/resource/print'))[0]!);
    expect(res.uptime).toBe('1w2d3h4m5s');
    expect(res['cpu-load']).toMatch(/^\d+$/);
    const a = attrs((await c.command('/ip/hotspot/active/print'))[0]!);
    expect(a.radius).toBe('false');
    r.model.tick(10_000);
    const b = attrs((await c.command('/ip/hotspot/active/print'))[0]!);
    expect(Number(b['bytes-out'])).toBeGreaterThan(Number(a['bytes-out']));
    expect(b.uptime).toBe('1w2d3h4m15s');
  });

  it('win1252 routers send Windows-1252 bytes', async () => {
    const r = await sim.router({ encoding: 'win1252' });
    r.model.setIdentity('Café €');
    const c = await sim.client(r);
    expect((await c.command('/system/identity/print'))[0]).toEqual(['!re', '=name=Café €']);
  });
});

describe('/interface/monitor-traffic', () => {
  it('=once= gives one sample per interface then !done; without it, samples until /cancel', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    const once = await c.command('/interface/monitor-traffic', '=interface=ether1,ether2', '=once=');
    expect(once.map((s) => attrs(s).name ?? s[0])).toEqual(['ether1', 'ether2', '!done']);
    expect(Number(attrs(once[0]!)['rx-bits-per-second'])).toBeGreaterThan(0);
    c.send('/interface/monitor-traffic', '=interface=ether1', '.tag=m');
    expect(attrs(await c.next()).name).toBe('ether1');
    await c.command('/cancel', '=tag=m', '.tag=x');
    expect(await c.until((s) => s[0] === '!done' && s.includes('.tag=m'))).toContainEqual(['!done', '.tag=m']);
  });
});

describe('transport', () => {
  it('api-ssl with anonymous DH and no certificate', async () => {
    const r = await sim.router({ tls: true, hotspotSessions: 1 });
    const c = await sim.client(r);
    expect(await c.command('/ip/hotspot/active/print', '=count-only=')).toEqual([['!done', '=ret=1']]);
  });

  it('carries a word needing the 4-byte length form both ways', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    const big = 'x'.repeat(0x200001);
    await c.command('/ip/hotspot/user/add', '=name=big', `=comment=${big}`);
    const [row] = await c.command('/ip/hotspot/user/print', '?name=big', '=.proplist=comment');
    expect(row).toEqual(['!re', `=comment=${big}`]);
  });
});
