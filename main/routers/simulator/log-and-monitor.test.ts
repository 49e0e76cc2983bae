import { describe, expect, it } from 'vitest';
import { LOG_LINES } from './model/router-log';
import { useSimulator } from './test-fixtures';
import { attrs, type WireTestClient } from './wire-test-client';

const sim = useSimulator();

const messages = async (c: WireTestClient) => (await c.command('/log/print')).filter((s) => s[0] === '!re').map((s) => attrs(s).message);

/** Commands on one connection run in order: once this answers, everything sent before it is running. */
const settled = (c: WireTestClient) => c.command('/system/identity/print', '.tag=sync');

describe('/log', () => {
  it('records logins, login failures, logouts, link changes and changes made over the API', async () => {
    const r = await sim.router();
    const bad = await sim.client(r, false);
    await bad.command('/login', '=name=admin', '=password=wrong');
    const c = await sim.client(r);
    await c.command('/ip/pool/add', '=name=lan', '=ranges=10.6.0.2-10.6.0.9');
    await c.command('/interface/set', '=numbers=ether4', '=disabled=yes');
    bad.close();
    await r.waitForConnections((n) => n === 1);
    const [line] = (await c.command('/log/print', '?message=ether4 link down')).map(attrs);
    expect(line).toMatchObject({ topics: 'interface,info', message: 'ether4 link down' });
    expect(line!.time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(await messages(c)).toEqual([
      'login failure for user admin from 127.0.0.1 via api',
      'user admin logged in from 127.0.0.1 via api',
      'ip pool added by api',
      'interface changed by api',
      'ether4 link down',
    ]);
    const c2 = await sim.client(r);
    c2.close();
    await r.waitForConnections((n) => n === 1);
    expect((await messages(c)).slice(-2)).toEqual(['user admin logged in from 127.0.0.1 via api', 'user admin logged out from 127.0.0.1 via api']);
  });

  it('listen streams lines written after it started until /cancel', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    c.send('/log/listen', '.tag=l');
    await settled(c);
    r.model.log('hotspot,info,debug', '10.5.0.9 (aa:bb): trying to log in by http-chap');
    expect(attrs(await c.next())).toMatchObject({ topics: 'hotspot,info,debug', message: '10.5.0.9 (aa:bb): trying to log in by http-chap' });
    const admin = await sim.client(r);
    await admin.command('/ip/hotspot/walled-garden/add', '=dst-host=example.com');
    const lines: string[] = [];
    while (lines.at(-1) !== 'ip hotspot walled-garden added by api') lines.push(attrs(await c.next()).message!);
    expect(lines).toEqual(['user admin logged in from 127.0.0.1 via api', 'ip hotspot walled-garden added by api']);
    await c.command('/cancel', '=tag=l', '.tag=x');
    expect(await c.until((s) => s[0] === '!done' && s.includes('.tag=l'))).toContainEqual(['!done', '.tag=l']);
    r.model.log('system,info', 'after cancel');
    // Nothing of the cancelled listen comes before the next command's reply.
    expect((await settled(c))[0]).toEqual(['!re', `=name=${r.name}`, '.tag=sync']);
  });

  it('keeps the newest lines only, and the oldest falling off is not reported to a listener', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    c.send('/log/listen', '.tag=l');
    await settled(c);
    for (let i = 0; i < LOG_LINES + 5; i++) r.model.log('script,info', `line ${i}`);
    const heard = await c.until((s) => attrs(s).message === `line ${LOG_LINES + 4}`);
    expect(heard).toHaveLength(LOG_LINES + 5);
    expect(heard.every((s) => !s.includes('=.dead=yes'))).toBe(true);
    expect(await c.command('/log/print', '=count-only=', '.tag=n')).toEqual([['!done', `=ret=${LOG_LINES}`, '.tag=n']]);
    expect(await c.command('/log/print', '?message=line 0', '=count-only=', '.tag=o')).toEqual([['!done', '=ret=0', '.tag=o']]);
  });

  it('lines are written by the router only', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    expect((await c.command('/log/add', '=message=x'))[0]).toEqual(['!trap', '=category=0', '=message=no such command or directory (add)']);
  });
});

describe('/interface/monitor-traffic streaming', () => {
  it('one sample per second of model time until /cancel; the open-stream count goes back to 0', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    c.send('/interface/monitor-traffic', '=interface=ether1', '.tag=m');
    const firstSample = attrs(await c.next());
    expect(firstSample.name).toBe('ether1');
    expect(r.model.trafficMonitors.count('ether1')).toBe(1);
    expect(r.model.trafficMonitors.count('ether2')).toBe(0);
    r.model.tick(500);
    r.model.tick(500);
    const second = await c.next();
    expect(second.at(-1)).toBe('.tag=m');
    r.model.tick(3000);
    const more = [await c.next(), await c.next(), await c.next()].map(attrs);
    for (const s of more) expect(Object.keys(s)).toEqual(expect.arrayContaining(['rx-bits-per-second', 'tx-bits-per-second', 'rx-packets-per-second', 'tx-packets-per-second']));
    // The rate moves with time, so a live chart moves.
    expect(new Set([firstSample, ...more].map((s) => s['rx-bits-per-second'])).size).toBeGreaterThan(1);
    await c.command('/cancel', '=tag=m', '.tag=x');
    await c.until((s) => s[0] === '!done' && s.includes('.tag=m'));
    expect(r.model.trafficMonitors.count()).toBe(0);
    r.model.tick(5000);
    expect((await settled(c))[0]).toEqual(['!re', `=name=${r.name}`, '.tag=sync']);
  });

  it('a closed connection ends its streams; a disabled interface reads zero; an unknown one is refused', async () => {
    const r = await sim.router();
    const keep = await sim.client(r);
    const c = await sim.client(r);
    c.send('/interface/monitor-traffic', '=interface=ether2,ether3');
    await c.next();
    expect(r.model.trafficMonitors.count()).toBe(2);
    c.close();
    await r.waitForConnections((n) => n === 1);
    expect(r.model.trafficMonitors.count()).toBe(0);
    await keep.command('/interface/set', '=numbers=ether2', '=disabled=yes');
    const [sample] = await keep.command('/interface/monitor-traffic', '=interface=ether2', '=once=');
    expect(attrs(sample!)['rx-bits-per-second']).toBe('0');
    expect((await keep.command('/interface/monitor-traffic', '=interface=ether9'))[0]).toEqual([
      '!trap',
      '=category=1',
      '=message=input does not match any value of interface',
    ]);
    expect(r.model.trafficMonitors.count()).toBe(0);
  });
});
