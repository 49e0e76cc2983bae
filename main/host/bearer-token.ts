import type { IncomingMessage } from 'node:http';

/** The token of an `Authorization: Bearer TOKEN` header, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer +([A-Za-z0-9._~+/=-]{1,512})\s*$/i.exec(req.headers.authorization ?? '');
  return match ? match[1]! : null;
}
