import { isIP } from 'node:net';

export interface AllowedHostsOptions {
  /** The address the host is bound to (`--host`). */
  boundHost: string;
  /** The port it listens on (known after listen). */
  port: number;
  /** `--allow-host` names: `NAME` for any port (behind a reverse proxy), `NAME:PORT` for that port only. */
  extraHosts: readonly string[];
  /** `--allow-origin` origins, admitted as they are. */
  extraOrigins: readonly string[];
  /** The port a Host header without one means: 443 when the console serves TLS. @defaultValue 80 */
  defaultPort?: number;
}

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARDS = new Set(['', '0.0.0.0', '::', '[::]']);
// A Host header is a name or an IP literal and an optional port; anything else (userinfo, paths,
// spaces) is refused before it could confuse a URL parser.
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i;

interface HostName {
  name: string;
  /** null: no port given. */
  port: number | null;
}

function parseHost(value: string): HostName | null {
  const match = HOST_HEADER.exec(value.trim());
  if (!match) return null;
  return { name: match[1]!.toLowerCase(), port: match[2] === undefined ? null : Number(match[2]) };
}

const bracketed = (address: string) => (isIP(address) === 6 ? `[${address}]` : address);

/**
 * Which Host names and Origins the headless host answers (the DNS-rebinding defence). A page on
 * `evil.example` whose name the attacker re-points at this machine reaches our socket with
 * `Host: evil.example:PORT` and a matching Origin, so neither may be judged against the other:
 * both are judged against names the operator chose. Those are the bound address and the
 * loopback names on the bound port, and `--allow-host` names. When bound to every interface, any
 * IP literal on the bound port is accepted too: an address typed into the browser cannot be
 * rebound, only a name can.
 */
export class AllowedHosts {
  private readonly exact = new Set<string>();
  private readonly anyPort = new Set<string>();
  private readonly anyIpLiteral: boolean;
  private readonly origins: ReadonlySet<string>;

  constructor(private readonly options: AllowedHostsOptions) {
    const boundHost = options.boundHost.toLowerCase();
    this.anyIpLiteral = WILDCARDS.has(boundHost);
    const names = this.anyIpLiteral ? LOCAL_NAMES : [...LOCAL_NAMES, bracketed(boundHost)];
    for (const name of names) this.exact.add(`${name}:${options.port}`);
    for (const extra of options.extraHosts) {
      const parsed = parseHost(extra);
      if (!parsed) throw new Error(`--allow-host "${extra}" is not a host name: give NAME or NAME:PORT, e.g. noc.example.net`);
      if (parsed.port === null) this.anyPort.add(parsed.name);
      else this.exact.add(`${parsed.name}:${parsed.port}`);
    }
    this.origins = new Set(options.extraOrigins);
  }

  /** Whether a request's Host header names this console. */
  hostAllowed(header: string | undefined): boolean {
    if (header === undefined) return false;
    const host = parseHost(header);
    if (!host) return false;
    if (this.anyPort.has(host.name)) return true;
    // No port in the header means the scheme's default: the one this listener speaks.
    const port = host.port ?? this.options.defaultPort ?? 80;
    if (this.exact.has(`${host.name}:${port}`)) return true;
    return this.anyIpLiteral && port === this.options.port && isIP(host.name.replace(/^\[|\]$/g, '')) !== 0;
  }

  /**
   * Whether a browser page of this Origin may open the WebSocket: an `--allow-origin`, or an
   * http(s) origin on an allowed host. No Origin (a script, not a browser) is accepted.
   */
  originAllowed(origin: string | undefined): boolean {
    if (origin === undefined) return true;
    if (this.origins.has(origin)) return true;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    return (url.protocol === 'http:' || url.protocol === 'https:') && this.hostAllowed(url.host);
  }
}
