import { checkServerIdentity, connect, type PeerCertificate } from 'node:tls';
import { request } from 'node:https';

/** A PEM of a certificate as a TLS peer presented it. */
function pemOf(certificate: PeerCertificate): string {
  const base64 = certificate.raw.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${base64.trimEnd()}\n-----END CERTIFICATE-----\n`;
}

/**
 * Trust on first use, as a desktop app does with a console server: fetches the certificate the
 * server presents, refuses it unless its SHA-256 fingerprint is the one the server printed, and
 * returns it as a PEM to trust as the only CA from then on (names are still checked against its
 * subject alternative names). For tests of the console server.
 */
export function trustPrintedCertificate(url: string, fingerprint: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port), rejectUnauthorized: false }, () => {
      const presented = socket.getPeerCertificate(true);
      socket.end();
      if (presented.fingerprint256 !== fingerprint) reject(new Error(`the server presented ${presented.fingerprint256}, not the printed ${fingerprint}`));
      else resolve(pemOf(presented));
    });
    socket.once('error', reject);
  });
}

export interface HttpsReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * An HTTPS request that trusts only `ca` (from trustPrintedCertificate). The certificate is
 * checked against the URL's host, also when a test sends another Host header.
 */
export function httpsRequest(url: string, ca: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<HttpsReply> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, ca, checkServerIdentity: (_name, cert) => checkServerIdentity(host, cert) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** POSTs a JSON body (Content-Type application/json), with a bearer token when given. */
export function postJson(url: string, ca: string, body: unknown, token?: string): Promise<HttpsReply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  return httpsRequest(url, ca, { method: 'POST', headers, body: JSON.stringify(body) });
}
