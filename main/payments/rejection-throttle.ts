/**
 * How many refused webhooks a tenant's audit log takes: the first `perWindow` of each window are
 * recorded one by one, the rest counted and reported with the first entry of the next window. A
 * sender (or an attacker) posting bad signatures in a loop cannot flood the audit log, and no
 * refusal goes unaccounted for.
 */
export class RejectionThrottle {
  private readonly windows = new Map<number, { start: number; recorded: number; suppressed: number }>();

  constructor(
    private readonly perWindow = 10,
    private readonly windowMs = 60_000,
  ) {}

  /** Null: count this refusal without an entry; else record it, with the refusals left unrecorded since the last entry. */
  admit(tenantId: number, now: number): { unrecordedBefore: number } | null {
    let window = this.windows.get(tenantId);
    let carried = 0;
    if (!window || now - window.start >= this.windowMs) {
      carried = window?.suppressed ?? 0;
      window = { start: now, recorded: 0, suppressed: 0 };
      this.windows.set(tenantId, window);
    }
    if (window.recorded >= this.perWindow) {
      window.suppressed += 1;
      return null;
    }
    window.recorded += 1;
    return { unrecordedBefore: carried };
  }
}
