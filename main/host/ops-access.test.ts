import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { fromLoopback, metricsAccess } from './ops-access';

/** A request as the access checks read it: its peer address and headers. */
const from = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;

describe('who may read /metrics', () => {
  it('is this machine only without a token, whichever loopback form the socket shows', () => {
    for (const local of ['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1']) expect(fromLoopback(from(local))).toBe(true);
    for (const remote of ['192.0.2.10', '10.0.0.1', '2001:db8::1', '::ffff:192.0.2.10']) expect(fromLoopback(from(remote))).toBe(false);
    expect(metricsAccess(null)(from('192.0.2.10', { authorization: 'Bearer anything-at-all-123' }))).toBe(false);
  });

  it('is whoever sends the token with one, from anywhere, and nobody without it', () => {
    const allowed = metricsAccess('scrape-token-0123456789');
    expect(allowed(from('192.0.2.10', { authorization: 'Bearer scrape-token-0123456789' }))).toBe(true);
    expect(allowed(from('127.0.0.1'))).toBe(false);
    expect(allowed(from('192.0.2.10', { authorization: 'Bearer scrape-token-012345678' }))).toBe(false);
    expect(allowed(from('192.0.2.10', { authorization: 'Basic scrape-token-0123456789' }))).toBe(false);
  });
});
