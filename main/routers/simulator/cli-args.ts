import type { FleetOptions, RosVersion, SimPreset } from './types';

/**
 * `npm run sim -- --routers N --base-port P [--hotspot H] [--pppoe K] [--churn RATE] [--ros 7.18]
 * [--tls] [--host H] [--user U] [--password P] [--seed S] [--reply-latency-ms MS] [--preset isp|mikhmon|blank]`.
 * Throws CliUsageError with a one-line reason on bad input.
 */
export class CliUsageError extends Error {}

export const USAGE =
  'usage: npm run sim -- --routers N --base-port P [--hotspot H] [--pppoe K] [--churn RATE|PCT%] [--ros 6.49|7.10|7.18] [--tls] [--host ADDR] [--user NAME] [--password PW] [--seed S] [--reply-latency-ms MS] [--preset isp|mikhmon|blank]';

const VERSIONS: readonly RosVersion[] = ['6.49', '7.10', '7.18'];
const PRESETS: readonly SimPreset[] = ['isp', 'mikhmon', 'blank'];
const FLAGS = new Set(['tls', 'help']);
const VALUED = new Set(['routers', 'base-port', 'hotspot', 'pppoe', 'churn', 'ros', 'host', 'user', 'password', 'seed', 'reply-latency-ms', 'preset']);

export function parseCliArgs(argv: readonly string[]): FleetOptions | 'help' {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new CliUsageError(`unexpected argument '${arg}'`);
    const eq = arg.indexOf('=');
    const key = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (FLAGS.has(key)) {
      values.set(key, eq < 0 ? 'true' : arg.slice(eq + 1));
      continue;
    }
    if (!VALUED.has(key)) throw new CliUsageError(`unknown option --${key}`);
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value.startsWith('--')) throw new CliUsageError(`--${key} needs a value`);
    values.set(key, value);
  }
  if (values.has('help')) return 'help';

  const integer = (key: string, min: number, max: number, fallback?: number): number => {
    const raw = values.get(key);
    if (raw === undefined) {
      if (fallback === undefined) throw new CliUsageError(`--${key} is required`);
      return fallback;
    }
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) throw new CliUsageError(`--${key} must be a whole number from ${min} to ${max}, got '${raw}'`);
    return n;
  };

  const routers = integer('routers', 1, 5000);
  const basePort = integer('base-port', 1, 65535);
  if (basePort + routers - 1 > 65535) throw new CliUsageError(`--base-port ${basePort} + --routers ${routers} runs past port 65535`);

  let churnPerMinute = 0;
  const churn = values.get('churn');
  if (churn !== undefined) {
    const pct = churn.endsWith('%');
    const n = Number(pct ? churn.slice(0, -1) : churn);
    churnPerMinute = pct ? n / 100 : n;
    // Up to 60 per minute (every session replaced each second): load tests churn 2 %/s = 1.2/min.
    if (churn === '' || !Number.isFinite(n) || churnPerMinute < 0 || churnPerMinute > 60) {
      throw new CliUsageError(`--churn must be a fraction of sessions replaced per minute from 0 to 60 (or 0%..6000%), got '${churn}'`);
    }
  }

  const ros = values.get('ros') ?? '7.18';
  if (!VERSIONS.includes(ros as RosVersion)) throw new CliUsageError(`--ros must be one of ${VERSIONS.join(', ')}, got '${ros}'`);

  const preset = values.get('preset') ?? 'isp';
  if (!PRESETS.includes(preset as SimPreset)) throw new CliUsageError(`--preset must be one of ${PRESETS.join(', ')}, got '${preset}'`);

  const tls = values.get('tls');
  if (tls !== undefined && tls !== 'true' && tls !== 'false') throw new CliUsageError(`--tls takes no value, got '${tls}'`);

  return {
    routers,
    basePort,
    host: values.get('host') ?? '127.0.0.1',
    hotspot: integer('hotspot', 0, 100_000, 0),
    pppoe: integer('pppoe', 0, 100_000, 0),
    churnPerMinute,
    version: ros as RosVersion,
    tls: tls === 'true',
    username: values.get('user') ?? 'admin',
    password: values.get('password') ?? 'admin',
    seed: integer('seed', 0, 2 ** 31, 1),
    replyLatencyMs: integer('reply-latency-ms', 0, 60_000, 0),
    preset: preset as SimPreset,
  };
}
