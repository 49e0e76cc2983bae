import { net, protocol } from 'electron';
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../host/static-files';

// The renderer is served from app://noc/ rather than file://: a standard, secure origin of its own,
// so 'self' in the CSP means our files only, and file:// needs none of its extra privileges (the
// GrantFileProtocolExtraPrivileges fuse is off in the packaged app).
const SCHEME = 'app';
const HOST = 'noc';
export const APP_ORIGIN = `${SCHEME}://${HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** The built renderer folder (out/renderer), next to out/main where this module is bundled. */
export const RENDERER_ROOT = join(import.meta.dirname, '../renderer');

/** Our renderer and only it: the built index.html, with any #/view route. */
export function isAppUrl(url: string): boolean {
  return url === APP_URL || url.startsWith(`${APP_URL}#`);
}

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the renderer on app://noc/ for the default session (after the app is ready). */
export function serveAppProtocol(root: string = RENDERER_ROOT): void {
  protocol.handle(SCHEME, createAppRequestHandler(root));
}

/**
 * Answers one app:// request with a file under `root`, nothing else: another host, a path that
 * leaves the folder (also when percent-encoded), a method other than GET/HEAD or a missing file
 * get an error status. Electron's webRequest does not see custom-protocol responses, so the CSP
 * header is set here.
 */
export function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  const base = resolve(root);
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== HOST) return refuse(404, `unknown app host ${url.host}`);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'only GET and HEAD are served');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return refuse(400, 'the path is not valid percent-encoding');
    }
    const file = resolve(base, `.${pathname}`);
    const inside = relative(base, file);
    if (inside.startsWith('..') || isAbsolute(inside) || pathname.includes('\0')) {
      return refuse(403, 'the path leaves the renderer folder');
    }
    // Files only: Chromium would answer a folder's file:// URL with a directory listing.
    const isFile = await stat(file).then((s) => s.isFile(), () => false);
    const response = isFile ? await net.fetch(pathToFileURL(file).href).catch(() => null) : null;
    if (!response?.ok) return refuse(404, `no such file in the renderer: ${url.pathname}`);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(request.method === 'HEAD' ? null : response.body, { status: 200, headers });
  };
}

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
