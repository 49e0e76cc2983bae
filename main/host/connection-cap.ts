export interface ConnectionCapLimits {
  /** WebSocket clients at once, from everywhere. @defaultValue 256 */
  total: number;
  /** WebSocket clients at once from one remote address (a NOC desk has a few windows). @defaultValue 32 */
  perAddress: number;
}

export const DEFAULT_CONNECTION_CAP: ConnectionCapLimits = { total: 256, perAddress: 32 };

/** Close code for a refused connection: 1013 "try again later" (the cap frees up as others close). */
export const CONNECTION_CAP_CLOSE_CODE = 1013;

/**
 * Counts open WebSocket clients, in total and per remote address, so a flood of sockets cannot
 * exhaust the host's memory or file descriptors. Addresses leave the map when their last client
 * closes, so it never grows past the open connections.
 */
export class ConnectionCap {
  private total = 0;
  private readonly byAddress = new Map<string, number>();

  constructor(private readonly limits: ConnectionCapLimits) {}

  /** Counts a new client in; a close reason (for the client to read) when it is over a cap. */
  admit(address: string): string | null {
    const fromAddress = this.byAddress.get(address) ?? 0;
    // Close reasons are capped at 123 bytes by the WebSocket protocol: keep them short.
    if (fromAddress >= this.limits.perAddress) {
      return `too many connections from your address (limit ${this.limits.perAddress}); close a console tab and retry`;
    }
    if (this.total >= this.limits.total) return `the console is at its connection limit (${this.limits.total}); retry later`;
    this.byAddress.set(address, fromAddress + 1);
    this.total++;
    return null;
  }

  release(address: string): void {
    const fromAddress = this.byAddress.get(address);
    if (fromAddress === undefined) return;
    if (fromAddress <= 1) this.byAddress.delete(address);
    else this.byAddress.set(address, fromAddress - 1);
    this.total--;
  }
}
