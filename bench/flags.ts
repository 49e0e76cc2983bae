/**
 * A suite's own options, given after its name as `--name=value` (`npm run bench -- jobs
 * --synchronous=normal`); bench/run.ts takes only the words without dashes as suite names.
 */
export function benchFlag(name: string, argv: readonly string[] = process.argv.slice(2)): string | undefined {
  const prefix = `--${name}=`;
  return argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

/** A flag from a fixed set of choices; anything else stops the bench with the choices named. */
export function benchChoice<const C extends string>(name: string, choices: readonly C[], fallback: C): C {
  const raw = benchFlag(name);
  if (raw === undefined) return fallback;
  const match = choices.find((c) => c.toLowerCase() === raw.toLowerCase());
  if (!match) throw new Error(`--${name}=${raw} is not one of ${choices.join(', ')}`);
  return match;
}

/** A positive number flag (minutes, counts); anything else stops the bench with what it needs. */
export function benchNumber(name: string, fallback: number): number {
  const raw = benchFlag(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name}=${raw} must be a positive number`);
  return value;
}
