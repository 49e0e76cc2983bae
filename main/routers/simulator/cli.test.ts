import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from './cli-args';
import { WireTestClient } from './wire-test-client';

describe('parseCliArgs', () => {
  it('reads the documented options', () => {
    expect(parseCliArgs(['--routers', '3', '--base-port=20000', '--hotspot', '10', '--pppoe', '5', '--churn', '5%', '--ros', '6.49', '--tls'])).toMatchObject({
      routers: 3,
      basePort: 20000,
      hotspot: 10,
      pppoe: 5,
      churnPerMinute: 0.05,
      version: '6.49',
      tls: true,
      replyLatencyMs: 0,
      preset: 'isp',
    });
    expect(parseCliArgs(['--routers', '1', '--base-port', '9000', '--reply-latency-ms', '5', '--preset', 'mikhmon'])).toMatchObject({ replyLatencyMs: 5, preset: 'mikhmon' });
  });

  it.each([
    [[], /--routers is required/],
    [['--routers', '2'], /--base-port is required/],
    [['--routers', 'two', '--base-port', '1'], /whole number/],
    [['--routers', '2', '--base-port', '65535'], /past port 65535/],
    [['--routers', '1', '--base-port', '9000', '--ros', '7.1'], /--ros must be one of/],
    [['--routers', '1', '--base-port', '9000', '--churn', '61'], /--churn/],
    [['--routers', '1', '--base-port', '9000', '--bogus'], /unknown option --bogus/],
    [['--routers', '1', '--base-port', '9000', '--reply-latency-ms', '-5'], /--reply-latency-ms must be a whole number/],
    [['--routers', '1', '--base-port', '9000', '--reply-latency-ms', '2.5'], /--reply-latency-ms must be a whole number/],
    [['--routers', '1', '--base-port', '9000', '--preset', 'phpnuxbill'], /--preset must be one of isp, mikhmon/],
    [['--routers'], /needs a value/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe('npm run sim', () => {
  // node with the tsx loader, not the tsx wrapper process, so signals reach the CLI itself.
  const tsx = [process.execPath, '--import', 'tsx', 'main/routers/simulator/cli.ts'];
  const run = (...args: string[]) => spawn(tsx[0]!, [...tsx.slice(1), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

  it('prints one JSON line per router, serves them, and exits 0 on SIGTERM', async () => {
    // The CLI does not take ephemeral ports: a fixed pair below Linux's ephemeral range (32768+),
    // where the other tests' own sockets (ephemeral) cannot be sitting on it.
    const base = 20_000 + 2 * (process.pid % 5_000);
    const sim = run('--routers', '2', '--base-port', String(base), '--hotspot', '3');
    const exited = once(sim, 'exit');
    try {
      const lines = createInterface({ input: sim.stdout! })[Symbol.asyncIterator]();
      const first = JSON.parse((await lines.next()).value as string);
      const second = JSON.parse((await lines.next()).value as string);
      expect(first).toEqual({ name: 'sim-1', host: '127.0.0.1', port: base, username: 'admin', password: 'admin', version: '7.18' });
      expect(second.port).toBe(base + 1);
      const c = await WireTestClient.connect(second.port);
      await c.login();
      expect(await c.command('/ip/hotspot/active/print', '=count-only=')).toEqual([['!done', '=ret=3']]);
      c.close();
    } finally {
      sim.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it('exits non-zero with one line on stderr for bad arguments', async () => {
    const child = run('--routers', '-1', '--base-port', '9000');
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^sim: --routers needs a value|^sim: --routers must be/);
  });
});
