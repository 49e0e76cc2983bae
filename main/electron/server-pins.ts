import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { certificateOf } from '../routers/client/peer-certificate';
import type { Result } from '../contract/errors';
import { SERVER_URL_MAX, type RememberedServer, type ServerProbe } from './console-backend-contract';

/** A remembered server as stored: the whole pinned certificate (the relay trusts exactly it), not only its fingerprint. */
export interface PinnedServer extends RememberedServer {
  certificate: string;
}

const fileSchema = z.object({
  version: z.literal(1),
  servers: z.array(z.object({ url: z.string(), fingerprint: z.string(), certificate: z.string(), lastUsedAt: z.number() })),
});

/**
 * A server's origin from what a person types: `https://noc.example.net:5780`, with or without a
 * path, or bare `noc.example.net:5780`. Only https: the pin is what makes the connection safe.
 */
export function normalizeServerUrl(input: string): Result<string> {
  const text = input.trim();
  const refuse = (message: string): Result<string> => ({ ok: false, error: { code: 'invalid_input', message, details: { fields: { url: message } } } });
  if (text === '' || text.length > SERVER_URL_MAX) return refuse(`Enter the console server's address, such as https://noc.example.net:5780 (at most ${SERVER_URL_MAX} characters).`);
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return refuse(`"${text}" is not an address: enter it as https://noc.example.net:5780`);
  }
  if (url.protocol !== 'https:') return refuse(`Use https:// — the console server speaks only TLS (its certificate is what the app pins), not ${url.protocol}//.`);
  if (url.username || url.password) return refuse('Leave the user name and password out of the address: you sign in after connecting.');
  return { ok: true, data: url.origin };
}

/**
 * The desktop app's remembered console servers and the certificate pinned for each (trust on
 * first use), in `servers.json` in the user data folder. Every write replaces the file whole
 * (written aside, flushed, renamed), so a crash leaves the old pins or the new ones, never half.
 * A pin is never replaced silently: a changed certificate is refused until the person forgets
 * the server here, which is the one way to accept a new one.
 */
export class ServerPins {
  constructor(readonly file: string) {}

  /** Remembered servers, last used first. */
  list(): RememberedServer[] {
    return this.read()
      .map(({ url, fingerprint, lastUsedAt }) => ({ url, fingerprint, lastUsedAt }))
      .sort((a, b) => b.lastUsedAt - a.lastUsedAt);
  }

  get(url: string): PinnedServer | null {
    return this.read().find((server) => server.url === url) ?? null;
  }

  /** How a presented certificate compares with the pin of `url`. */
  compare(url: string, fingerprint: string): ServerProbe {
    const pinned = this.get(url);
    if (!pinned) return { url, fingerprint, pin: 'new', message: null };
    if (pinned.fingerprint === fingerprint) return { url, fingerprint, pin: 'pinned', message: null };
    return { url, fingerprint, pin: 'changed', message: this.changedMessage(url, pinned.fingerprint, fingerprint) };
  }

  /** Pins `certificate` for a server never pinned, or marks a matching pin used; refuses a different one. */
  use(url: string, certificate: string, now = Date.now()): Result<PinnedServer> {
    const { fingerprint } = certificateOf(certificate);
    const servers = this.read();
    const pinned = servers.find((server) => server.url === url);
    if (pinned && pinned.fingerprint !== fingerprint) {
      return { ok: false, error: { code: 'conflict', message: this.changedMessage(url, pinned.fingerprint, fingerprint) } };
    }
    const entry: PinnedServer = pinned ? { ...pinned, lastUsedAt: now } : { url, fingerprint, certificate, lastUsedAt: now };
    this.write([...servers.filter((server) => server.url !== url), entry]);
    return { ok: true, data: entry };
  }

  forget(url: string): void {
    const servers = this.read();
    if (servers.some((server) => server.url === url)) this.write(servers.filter((server) => server.url !== url));
  }

  changedMessage(url: string, pinned: string, presented: string): string {
    return (
      `The server's certificate changed from ${pinned} to ${presented}, so the app refused to connect to ${url}. ` +
      `If the server's certificate was replaced on purpose, remove the pin in ${this.file} (forget ${url} on the sign-in screen) and connect again to pin the new one; ` +
      'otherwise someone may be intercepting the connection: tell whoever runs the server.'
    );
  }

  private read(): PinnedServer[] {
    if (!existsSync(this.file)) return [];
    let parsed: z.infer<typeof fileSchema>;
    try {
      parsed = fileSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // Not a reason to trust anything anew: the pins are unknown, so every server is refused until it is fixed.
      throw new Error(`the remembered servers in ${this.file} cannot be read: restore that file, or delete it to pin each server again`);
    }
    return parsed.servers;
  }

  private write(servers: PinnedServer[]): void {
    const aside = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(aside, 'w', 0o600);
    try {
      writeSync(fd, `${JSON.stringify({ version: 1, servers }, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      renameSync(aside, this.file);
    } catch (error) {
      rmSync(aside, { force: true });
      throw error;
    }
  }
}
