import { setTimeout as delay } from 'node:timers/promises';
import { Random } from '../simulator/model/random';
import type { FaultProxy, LinkFault } from './fault-proxy';

/** One fault on one router's link: starts at `atMs` from the script's start and lasts `forMs`. */
export interface FaultStep {
  atMs: number;
  /** Index of the router (its proxy) in the list the script runs over. */
  router: number;
  fault: LinkFault;
  forMs: number;
  /** latency: added ms; cut: bytes let through before the cut. */
  amount?: number;
}

export interface FaultScriptOptions {
  /** Indexes of the routers whose links get faults; the others stay clean. */
  routers: readonly number[];
  /** Faults start within this span. */
  durationMs: number;
  /** The console's keepalive period: some stalls are made longer than it, some shorter. */
  keepalivePeriodMs: number;
}

const FAULTS: readonly LinkFault[] = ['reset', 'stall', 'refuse', 'latency', 'cut'];

/**
 * A seeded script of faults (the same seed, the same script): each faulted router gets faults
 * one after another, of every kind, until the span is used. Stalls run from a quarter to twice
 * the keepalive period, so both "slow" and "silent, given up" happen.
 */
export function randomFaultScript(seed: number, options: FaultScriptOptions): FaultStep[] {
  const random = new Random(seed);
  const period = options.keepalivePeriodMs;
  const steps: FaultStep[] = [];
  for (const router of options.routers) {
    // Every kind once per router, in a seeded order, then more at random while time is left.
    const kinds = [...FAULTS];
    for (let i = kinds.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
    }
    let at = random.int(0, Math.round(period / 2));
    for (let i = 0; at < options.durationMs; i++) {
      const fault = i < kinds.length ? kinds[i]! : random.pick(FAULTS);
      const step: FaultStep = { atMs: at, router, fault, forMs: 0 };
      if (fault === 'stall') step.forMs = random.int(Math.round(period / 4), period * 2);
      else if (fault === 'refuse') step.forMs = random.int(200, period);
      else if (fault === 'latency') {
        step.forMs = random.int(300, period);
        step.amount = random.int(20, Math.round(period / 5));
      } else if (fault === 'cut') step.amount = random.int(1, 4_000);
      steps.push(step);
      at += step.forMs + random.int(100, period);
    }
  }
  return steps.sort((a, b) => a.atMs - b.atMs);
}

/**
 * Plays a script over the proxies in real time (a fault per step, cleared after `forMs`), then
 * leaves every link clean. Resolves when the last fault has ended.
 */
export async function runFaultScript(proxies: readonly FaultProxy[], steps: readonly FaultStep[]): Promise<void> {
  const started = Date.now();
  const endings: Array<Promise<void>> = [];
  for (const step of steps) {
    const wait = step.atMs - (Date.now() - started);
    if (wait > 0) await delay(wait);
    const proxy = proxies[step.router]!;
    endings.push(apply(proxy, step));
  }
  await Promise.all(endings);
  await Promise.all(proxies.map((p) => p.clear()));
}

async function apply(proxy: FaultProxy, step: FaultStep): Promise<void> {
  switch (step.fault) {
    case 'reset':
      proxy.reset();
      return;
    case 'cut':
      proxy.cutAfter(step.amount ?? 0);
      return;
    case 'stall':
      proxy.stall();
      break;
    case 'refuse':
      // Refusal matters at reconnect: the open connection goes first, and the retries are refused.
      proxy.refuse();
      proxy.reset();
      break;
    case 'latency':
      proxy.latency(step.amount ?? 0);
      break;
  }
  await delay(step.forMs);
  await proxy.clear();
}
