import type { FaultControls, TrapOnOptions } from './types';

/** What the faults act on: the router's open connections. */
export interface FaultTarget {
  sendFatal(message: string): void;
  destroy(): void;
  writeRaw(bytes: Buffer): void;
  flush(): void;
}

interface TrapRule {
  message: string;
  category?: number;
  remaining: number;
}

/** Faults on demand for one router; connections consult it for every command and reply. */
export class FaultState implements FaultControls {
  loginRefused = false;
  refuseMessage = 'invalid user name or password (6)';
  slowMs = 0;
  private stallForever = false;
  private stallTimer: NodeJS.Timeout | undefined;
  private traps = new Map<string, TrapRule>();
  private dropCommands = new Set<string>();

  constructor(private readonly targets: () => Iterable<FaultTarget>) {}

  get stalled(): boolean {
    return this.stallForever || this.stallTimer !== undefined;
  }

  refuseLogin(on = true, message?: string): void {
    this.loginRefused = on;
    if (message) this.refuseMessage = message;
  }

  dropConnections(): void {
    for (const t of [...this.targets()]) t.destroy();
  }

  stall(ms: number | 'forever'): void {
    this.endStall(false);
    if (ms === 'forever') this.stallForever = true;
    else if (ms > 0) this.stallTimer = setTimeout(() => this.endStall(true), ms);
    else this.flushAll();
  }

  slow(ms: number): void {
    this.slowMs = Math.max(0, ms);
  }

  trapOn(commandPath: string, message: string, category?: number, options: TrapOnOptions = {}): void {
    this.traps.set(commandPath, { message, category, remaining: options.times ?? Infinity });
  }

  /** The trap to answer `commandWord` with, if a rule applies (counts down `times`). */
  takeTrap(commandWord: string): { message: string; category?: number } | undefined {
    const rule = this.traps.get(commandWord);
    if (!rule) return undefined;
    if (--rule.remaining <= 0) this.traps.delete(commandWord);
    return rule;
  }

  fatal(message = 'simulated fatal error'): void {
    for (const t of [...this.targets()]) t.sendFatal(message);
  }

  garbage(bytes?: Buffer | number): void {
    const payload = Buffer.isBuffer(bytes) ? bytes : garbageBytes(typeof bytes === 'number' ? bytes : 16);
    for (const t of [...this.targets()]) t.writeRaw(payload);
  }

  dropOnCommand(commandPath: string): void {
    this.dropCommands.add(commandPath);
  }

  shouldDrop(commandWord: string): boolean {
    return this.dropCommands.has(commandWord);
  }

  clear(): void {
    this.loginRefused = false;
    this.refuseMessage = 'invalid user name or password (6)';
    this.slowMs = 0;
    this.traps.clear();
    this.dropCommands.clear();
    this.endStall(true);
  }

  private endStall(flush: boolean): void {
    const was = this.stalled;
    clearTimeout(this.stallTimer);
    this.stallTimer = undefined;
    this.stallForever = false;
    if (was && flush) this.flushAll();
  }

  private flushAll(): void {
    for (const t of [...this.targets()]) t.flush();
  }
}

/** A control byte first (a client must give up on it), then noise. */
function garbageBytes(n: number): Buffer {
  const out = Buffer.alloc(Math.max(1, n));
  out[0] = 0xf8;
  for (let i = 1; i < out.length; i++) out[i] = (i * 73 + 41) & 0xff;
  return out;
}
