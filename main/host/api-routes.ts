import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ContractError, Result } from '../contract/errors';
import type { Core } from '../core/app-core';
import type { Logger } from '../core/logger';
import { DEFAULT_INVOKE_LIMITS, type RateLimit } from '../connection/invoke-limits';
import { maskAddress, peerAddress } from '../connection/peer-address';
import { bearerToken } from './bearer-token';
import { invokeOnConnection, type InvokeCall } from './http-invoke';
import { BodyTooLarge, readBody } from './request-body';

/** A registration or a new user is a few hundred bytes of JSON. */
export const API_BODY_LIMIT = 16 * 1024;
/** Every API request of one address counts here, before its body is read: each one may hash a password, like a sign-in. */
export const DEFAULT_API_LIMIT: RateLimit = DEFAULT_INVOKE_LIMITS.signInsPerAddress;

const REGISTER_TENANT = '/api/register/tenant';
const SESSIONS = '/api/sessions';
const TENANT_USERS = /^\/api\/tenants\/([1-9][0-9]{0,11})\/users$/;

const STATUS: Partial<Record<ContractError['code'], number>> = {
  invalid_input: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unavailable: 503,
};

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface ApiRequest {
  /** The JSON body, an object (anything else is refused before). */
  body: Record<string, unknown>;
  token: string | null;
}

interface Endpoint {
  /** Refuse before the body is read when no bearer token came. */
  needsToken: boolean;
  calls(request: ApiRequest): InvokeCall[];
  /** The reply for a success of every call. */
  success(results: Array<Result<unknown>>): Reply;
}

const accepted = (results: Array<Result<unknown>>): Reply => {
  const last = results.at(-1) as { data: { jobId: number; deduplicated: boolean } };
  return { status: 202, body: { jobId: last.data.jobId, deduplicated: last.data.deduplicated } };
};

function endpointFor(path: string): Endpoint | null {
  if (path === REGISTER_TENANT) return { needsToken: false, calls: ({ body }) => [{ name: 'tenants.selfRegister', input: body }], success: accepted };
  const users = TENANT_USERS.exec(path);
  if (users) {
    const tenantId = Number(users[1]);
    return {
      needsToken: true,
      calls: ({ body, token }) => [
        { name: 'auth.resume', input: { token } },
        // The address names the tenant: a tenantId in the body does not override it.
        { name: 'users.create', input: { ...body, tenantId } },
      ],
      success: accepted,
    };
  }
  if (path === SESSIONS) {
    return {
      needsToken: false,
      calls: ({ body }) => {
        const { code, ...credentials } = body;
        return code === undefined ? [{ name: 'auth.signIn', input: credentials }] : [{ name: 'auth.signIn', input: credentials }, { name: 'auth.completeSignIn', input: { code } }];
      },
      success: (results) => {
        const last = results.at(-1) as { data: { token?: string; expiresAt: string; secondStep?: string } };
        if (last.data.token === undefined) {
          return { status: 401, body: { error: { code: 'unauthenticated', message: 'This account signs in with a second factor: send "code" (from the authenticator app, or a recovery code) with the username and password.' } } };
        }
        return { status: 200, body: { token: last.data.token, expiresAt: last.data.expiresAt } };
      },
    };
  }
  return null;
}

/** Field → message, from either the handler's `details.fields` or the input schema's issues. */
function fieldErrors(error: ContractError): Record<string, string> {
  const details = error.details as { fields?: Record<string, string> } | Array<{ path: string[]; message: string }> | undefined;
  if (Array.isArray(details)) {
    const errors: Record<string, string> = {};
    for (const issue of details) errors[issue.path[0] ?? 'body'] ??= issue.message;
    return errors;
  }
  return details?.fields ?? { body: error.message };
}

function failure(error: ContractError, step: string): Reply {
  const status = STATUS[error.code] ?? 500;
  const body: Record<string, unknown> = { error: { code: error.code, message: error.message } };
  if (status === 422) body.errors = fieldErrors(error);
  const headers: Record<string, string> = {};
  // A bearer token that no longer resumes (ended, expired, idle, unknown) says so the OAuth way: sign in again.
  if (status === 401) headers['WWW-Authenticate'] = step === 'auth.resume' ? 'Bearer error="invalid_token"' : 'Bearer';
  const retryAfterMs = (error.details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 1000;
  if (status === 429) headers['Retry-After'] = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
  return { status, body, headers };
}

const problem = (status: number, code: ContractError['code'], message: string, headers: Record<string, string> = {}): Reply => ({ status, body: { error: { code, message } }, headers });

/**
 * The seed's HTTP API for a tenant's website or scripts (docs/protocol.md, "HTTP API"):
 * `POST /api/register/tenant`, `POST /api/tenants/{id}/users` (Bearer token of a signed-in
 * admin) and `POST /api/sessions` (to get that token). JSON in and out; each request runs the
 * same invokes as the WebSocket (invokeOnConnection), so validation, authorization, rate limits
 * and audit are the contract's own. Returns false for any other path.
 */
export function apiRoutes(core: Core, log: Logger, limit: RateLimit = DEFAULT_API_LIMIT) {
  const limiter = new RateLimiterMemory({ points: limit.points, duration: limit.seconds });
  const send = (res: ServerResponse, reply: Reply) => {
    res.writeHead(reply.status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  };

  const serve = async (req: IncomingMessage, endpoint: Endpoint): Promise<Reply> => {
    if (req.method !== 'POST') return problem(405, 'invalid_input', 'POST a JSON body to this address.', { Allow: 'POST' });
    const address = peerAddress(req.socket.remoteAddress);
    try {
      await limiter.consume(address);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      if (rejection.consumedPoints === limit.points + 1) log.warn('api requests rate limited', { address: maskAddress(address), retryAfterMs: rejection.msBeforeNext });
      return problem(429, 'rate_limited', `Too many API requests from your network address: wait ${seconds} s and try again.`, { 'Retry-After': String(seconds) });
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return problem(415, 'invalid_input', 'Send the body as JSON with "Content-Type: application/json".');
    const token = bearerToken(req);
    if (endpoint.needsToken && token === null) {
      return problem(401, 'unauthenticated', 'Send "Authorization: Bearer TOKEN" with the token of a signed-in tenant admin (POST /api/sessions gives one).', { 'WWW-Authenticate': 'Bearer' });
    }
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, API_BODY_LIMIT)).toString('utf8'));
    } catch (error) {
      if (error instanceof BodyTooLarge) return { ...problem(413, 'payload_too_large', `The body is over ${API_BODY_LIMIT} bytes.`), headers: { Connection: 'close' } };
      return problem(400, 'malformed_message', 'The body is not valid JSON.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return { status: 422, body: { error: { code: 'invalid_input', message: 'The body must be a JSON object.' }, errors: { body: 'expected a JSON object' } } };
    }
    const calls = endpoint.calls({ body: body as Record<string, unknown>, token });
    const results = await invokeOnConnection(core, req.socket.remoteAddress, calls);
    const last = results.at(-1)!;
    return last.ok ? endpoint.success(results) : failure(last.error, calls[results.length - 1]!.name);
  };

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '').split('?')[0]!;
    if (!path.startsWith('/api/')) return false;
    const endpoint = endpointFor(path);
    if (!endpoint) {
      send(res, problem(404, 'not_found', `There is no API at ${path}: see docs/protocol.md, "HTTP API".`));
      return true;
    }
    serve(req, endpoint).then(
      (reply) => send(res, reply),
      (error: unknown) => {
        log.error('api request failed', { path, error: String(error) });
        if (!res.headersSent) send(res, problem(500, 'internal', 'The request failed inside the console; see its log, then try again.'));
      },
    );
    return true;
  };
}
