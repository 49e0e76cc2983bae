import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { peerAddress } from '../connection/peer-address';
import { bearerToken } from './bearer-token';

/** Whether a request comes from this machine (a local Prometheus agent, a health probe). */
export function fromLoopback(req: IncomingMessage): boolean {
  const address = peerAddress(req.socket.remoteAddress);
  return address === '::1' || address.startsWith('127.');
}

/**
 * Who may read /metrics. Without a token: this machine only, since the figures (how many
 * routers are down, how busy the queues are) are an operator's business. With a token: whoever
 * sends it as `Authorization: Bearer`, from anywhere, loopback included, because a reverse proxy
 * on this machine makes every request look local.
 */
export function metricsAccess(token: string | null): (req: IncomingMessage) => boolean {
  if (token === null) return fromLoopback;
  const expected = createHash('sha256').update(token).digest();
  return (req) => {
    const given = bearerToken(req);
    // Hashes have one length, so the comparison takes the same time whatever was sent.
    return given !== null && timingSafeEqual(createHash('sha256').update(given).digest(), expected);
  };
}
