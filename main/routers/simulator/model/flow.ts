/**
 * Traffic of one session or interface. Counters are derived from model time when printed, so
 * 20,000 sessions cost nothing per tick.
 */
export interface Flow {
  startClock: number;
  /** Bytes per second towards the router (upload) and from it (download). */
  rateIn: number;
  rateOut: number;
  baseIn: number;
  baseOut: number;
}

const PACKET_BYTES = 800;

export function flowBytes(flow: Flow, clockMs: number): { bytesIn: number; bytesOut: number; packetsIn: number; packetsOut: number } {
  const seconds = Math.max(0, clockMs - flow.startClock) / 1000;
  const bytesIn = flow.baseIn + Math.floor(flow.rateIn * seconds);
  const bytesOut = flow.baseOut + Math.floor(flow.rateOut * seconds);
  return { bytesIn, bytesOut, packetsIn: Math.ceil(bytesIn / PACKET_BYTES), packetsOut: Math.ceil(bytesOut / PACKET_BYTES) };
}
