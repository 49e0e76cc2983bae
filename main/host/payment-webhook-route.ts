import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreServices } from '../core/services';
import type { Logger } from '../core/logger';
import { paymentWebhook, type WebhookReply } from '../payments/payment-webhook';
import { BodyTooLarge, readBody } from './request-body';

/** A payment notice is a few hundred bytes; anything near this is not one. */
export const WEBHOOK_BODY_LIMIT = 64 * 1024;
const PATH = /^\/hooks\/payments\/([1-9][0-9]{0,11})\/([A-Za-z0-9_-]{1,40})$/;

const send = (res: ServerResponse, reply: WebhookReply, close = false) => {
  res.writeHead(reply.status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...(close ? { Connection: 'close' } : {}) }).end(JSON.stringify(reply.body));
};

/**
 * The HTTP side of `POST /hooks/payments/{tenantId}/{provider}` (docs/protocol.md, "Payment
 * webhooks"): the body read raw (the signature covers its bytes) and capped, then handed to the
 * core's webhook. Returns false for any other path, which the static files serve.
 */
export function paymentWebhookRoute(services: CoreServices, log: Logger) {
  const webhook = paymentWebhook(services);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const match = PATH.exec((req.url ?? '').split('?')[0]!);
    if (!match) return false;
    const serve = async () => {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return send(res, { status: 405, body: { ok: false, error: 'POST the payment notice' } });
      }
      const body = await readBody(req, WEBHOOK_BODY_LIMIT);
      const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
      send(res, await webhook({ tenantId: Number(match[1]), provider: match[2]!, timestamp: header('x-noc-timestamp'), signature: header('x-noc-signature'), body, remoteAddress: req.socket.remoteAddress }));
    };
    serve().catch((error: unknown) => {
      if (error instanceof BodyTooLarge) return send(res, { status: 413, body: { ok: false, error: `the body is over ${WEBHOOK_BODY_LIMIT} bytes` } }, true);
      log.error('payment webhook failed', { url: req.url, error: String(error) });
      if (!res.headersSent) send(res, { status: 500, body: { ok: false, error: 'the payment was not recorded: send it again' } });
    });
    return true;
  };
}
