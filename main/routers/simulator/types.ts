/**
 * Public types of the RouterOS simulator. A simulated router is a real TCP (or TLS) server that
 * speaks the RouterOS API wire protocol over a stateful model; tests and the demo fleet drive the
 * model and inject faults through the interfaces below.
 */

import type { MndpAnnouncerOptions } from './mndp-announcer';

/** Version mode: dates print `mmm/dd/yyyy hh:mm:ss` before 7.10 and ISO after; `!empty` only in 7.18. */
export type RosVersion = '6.49' | '7.10' | '7.18';

export type TextEncoding = 'utf-8' | 'win1252';

/**
 * What the router holds besides its sessions. 'isp': pools, a hotspot and a PPPoE server, a few
 * profiles, users and secrets. 'mikhmon': the same plus what a mikhmon v3 install leaves behind
 * (priced profiles with mikhmon's on-login metadata, `vc-`/`up-` voucher batches, some used with
 * their expiry in the comment, PPPoE profiles and secrets); see model/mikhmon-preset.ts.
 * 'blank': a router out of the box for provisioning: its ethernet ports, the built-in `default`
 * profiles, the factory /ip/service list, clock and NTP client, and nothing else (no sessions).
 */
export type SimPreset = 'isp' | 'mikhmon' | 'blank';

export interface SimulatedRouterOptions {
  /** Identity and fleet name; default `sim-<port>`. */
  name?: string;
  /** @defaultValue '127.0.0.1' */
  host?: string;
  /** 0 = ephemeral. @defaultValue 0 */
  port?: number;
  /** @defaultValue 'admin' */
  username?: string;
  /** @defaultValue 'admin' */
  password?: string;
  /** @defaultValue '7.18' */
  version?: RosVersion;
  /** 'challenge' = pre-6.43 MD5 challenge login. @defaultValue 'plain' */
  loginMethod?: 'plain' | 'challenge';
  /** api-ssl with anonymous Diffie-Hellman only (no certificate), like a certificate-less router. */
  tls?: boolean;
  /**
   * api-ssl with this certificate (TLS 1.2 and 1.3, no anonymous suites), like a router with a
   * certificate set on its api-ssl service; implies `tls`. Tests make their own (never commit a key).
   */
  certificate?: SimCertificate;
  /** Active hotspot sessions at start (users and a hotspot server are created to carry them). @defaultValue 0 */
  hotspotSessions?: number;
  /** Active PPPoE sessions at start (secrets, a PPPoE server and `<pppoe-NAME>` interfaces). @defaultValue 0 */
  pppoeSessions?: number;
  /** Fraction of active sessions replaced per minute of model time (0.05 = 5 %). @defaultValue 0 */
  churnPerMinute?: number;
  /** Seed of the model's random source; same seed, same sessions. @defaultValue derived from port */
  seed?: number;
  /** @defaultValue 'utf-8' */
  encoding?: TextEncoding;
  /**
   * 'shared': the process-wide ticker advances the model clock in real time (one timer for all
   * routers). 'manual': nothing moves until the test calls `model.tick(ms)`.
   * @defaultValue 'shared'
   */
  clock?: 'shared' | 'manual';
  /** Wall-clock time of the simulated boot, for dates. @defaultValue now, less `upForMs` */
  bootTime?: Date;
  /**
   * The router has been up this long when the simulator starts (its uptime starts there), and
   * the sessions it starts with have been online for up to a few hours, with their traffic
   * counted. @defaultValue 0 (just booted: every session starts now)
   */
  upForMs?: number;
  /** Commands accepted before login before the router sends `!fatal`. @defaultValue 10 */
  maxCommandsBeforeLogin?: number;
  /**
   * Every reply sentence leaves this many ms after the router produced it, like a link with that
   * round-trip time: pipelined commands wait concurrently, one command's replies keep their order.
   * For benches. @defaultValue 0
   */
  replyLatencyMs?: number;
  /**
   * Demo clients that redeem vouchers: this many per minute of model time, a never-used hotspot
   * user whose comment starts `vc-` logs in with its own password (see `loginHotspot`), so the
   * console sees vouchers turn active. @defaultValue 0
   */
  voucherLoginsPerMinute?: number;
  /** @defaultValue 'isp' */
  preset?: SimPreset;
  /** Ethernet ports ether1..etherN (the 'isp' preset uses ether1-ether3). @defaultValue 5 */
  ethernetPorts?: number;
}

/** A certificate and its private key, both PEM. */
export interface SimCertificate {
  cert: string;
  key: string;
}

/** One attribute map as RouterOS prints it: every value a string. */
export type RosRecord = Record<string, string>;

/** A change in a menu, as seen by `listen`. */
export interface MenuChange {
  kind: 'added' | 'updated' | 'removed';
  path: string;
  id: string;
}

export interface HotspotSessionInit {
  /** Hotspot user name; a user is created if it does not exist. Default: a free generated user. */
  user?: string;
  /** @defaultValue the first hotspot server */
  server?: string;
  address?: string;
  macAddress?: string;
  /** @defaultValue 'http-chap' */
  loginBy?: string;
  /** Bytes per second in each direction for the growing counters. */
  rateIn?: number;
  rateOut?: number;
  /** Online since this long before now (bounded by the router's uptime). @defaultValue 0 */
  onlineForMs?: number;
}

export interface PppSessionInit {
  /** PPP secret name; a secret is created if it does not exist. Default: a free generated secret. */
  name?: string;
  /** @defaultValue 'pppoe' */
  service?: 'pppoe' | 'pptp' | 'l2tp' | 'ovpn' | 'sstp' | 'async';
  callerId?: string;
  address?: string;
  rateIn?: number;
  rateOut?: number;
  /** Online since this long before now (bounded by the router's uptime). @defaultValue 0 */
  onlineForMs?: number;
}

/** A client's browser submitting the hotspot login form. */
export interface HotspotLoginRequest {
  user: string;
  password: string;
  /** The client's MAC. @defaultValue a new random device */
  macAddress?: string;
  /** @defaultValue the user's own server, else the first hotspot server */
  server?: string;
}

/** `reason` is the router's login error text, as its login page shows it (`$(error)`). */
export type HotspotLoginResult = { ok: true; sessionId: string } | { ok: false; reason: string };

/** What one churn step did. */
export interface ChurnResult {
  ended: string[];
  started: string[];
}

/**
 * The stateful router. Menu paths are API paths without the verb (`/ip/hotspot/user`). Records
 * are exactly what `print` would return. Every mutation is visible to later prints and to
 * `listen` subscribers.
 */
export interface RouterModel {
  readonly version: RosVersion;
  /** Model time since boot, in ms (advanced by `tick`). */
  readonly clockMs: number;
  /** Menu paths the router knows. */
  menus(): string[];

  identity(): string;
  setIdentity(name: string): void;

  /** Rows as `print` returns them (all properties). Throws for an unknown menu. */
  print(path: string): RosRecord[];
  /** One row by `.id` (or name where the menu allows), or undefined. */
  get(path: string, idOrName: string): RosRecord | undefined;
  /** Provisioning as the API does it; returns the new `.id`. Throws a RouterTrap on bad input. */
  add(path: string, attrs: RosRecord): string;
  set(path: string, idOrName: string, attrs: RosRecord): void;
  /** Remove (or kick, on the active menus). Throws a RouterTrap (category 0) if there is no such item. */
  remove(path: string, idOrName: string): void;
  /** Subscribe to changes of one menu; returns the unsubscribe function. */
  onChange(path: string, listener: (change: MenuChange) => void): () => void;

  /**
   * Puts a session online without the login checks (seeding, tests). Without `user`, a user that
   * may log in is picked: not online, not disabled, not used up, not MAC-locked, not a never-used
   * `vc-` voucher.
   */
  addHotspotSession(init?: HotspotSessionInit): string;
  /**
   * A hotspot login as a client's browser makes it: password, `disabled`, the user's MAC lock,
   * `limit-uptime` and `limit-bytes-*` already used, the profile's `shared-users`. On success the
   * session appears in /ip/hotspot/active.
   */
  loginHotspot(request: HotspotLoginRequest): HotspotLoginResult;
  removeHotspotSession(id: string): boolean;
  hotspotSessionIds(): string[];
  /** Throws if the named secret is disabled: a disabled secret cannot start a session. */
  addPppSession(init?: PppSessionInit): string;
  removePppSession(id: string): boolean;
  pppSessionIds(): string[];
  /** Touch a session's attributes (e.g. `idle-time`, `comment`) so listeners get an `!re` update. */
  updateSession(path: '/ip/hotspot/active' | '/ppp/active', id: string, attrs: RosRecord): void;

  /**
   * Advance model time: counters, uptime, cpu-load, churn and voucher logins move; hotspot
   * sessions end at their user's `limit-uptime`/`limit-bytes-*` or their profile's
   * `session-timeout` (after which the device logs straight back in by MAC cookie when the
   * profile adds one and the user may still log in).
   */
  tick(ms: number): void;
  /** Replace `count` sessions now (default: what one minute of churn would replace, at least 1). */
  churnOnce(count?: number): ChurnResult;
  /** Current churn fraction per minute; settable at run time. */
  churnPerMinute: number;
  /** Voucher logins per minute of model time (see SimulatedRouterOptions); settable at run time. */
  voucherLoginsPerMinute: number;
  /** Like a reboot: sessions end and come back, uptime restarts, every `.id` changes. */
  reboot(): void;
  /** Writes a line into `/log` as the router would (listeners of `/log/listen` get it). */
  log(topics: string, message: string): void;
  /** Open `/interface/monitor-traffic` streams: `count('ether1')`, or `count()` for all interfaces. */
  readonly trafficMonitors: {
    count(name?: string): number;
    /** Resolves once the open streams' total satisfies `predicate` (tests wait on it instead of polling). */
    until(predicate: (total: number) => boolean): Promise<void>;
  };
}

export interface TrapOnOptions {
  /** Trap only this many times, then behave normally. @defaultValue Infinity */
  times?: number;
}

/**
 * Faults on demand. They apply to the router as a whole: current and future connections.
 * `clear()` undoes all of them.
 */
export interface FaultControls {
  /** Reject correct credentials with `invalid user name or password (6)` (or `message`). */
  refuseLogin(on?: boolean, message?: string): void;
  /** Destroy every open connection now (TCP reset from the client's point of view). */
  dropConnections(): void;
  /** Hold every reply (and listen update) for `ms`, or until `clear()`/`stall(0)` with 'forever'. */
  stall(ms: number | 'forever'): void;
  /** Delay the reply to each command by `ms` (0 = off). */
  slow(ms: number): void;
  /** Answer `commandPath` (e.g. `/ip/hotspot/active/print`) with `!trap` (then `!done`). */
  trapOn(commandPath: string, message: string, category?: number, options?: TrapOnOptions): void;
  /** Send `!fatal <message>` on every open connection and close them. */
  fatal(message?: string): void;
  /** Send raw bytes (default: a control byte 0xF8 and noise) on every open connection. */
  garbage(bytes?: Buffer | number): void;
  /** Close every connection right after the next command arrives, without replying. */
  dropOnCommand(commandPath: string): void;
  /** Undo every fault. */
  clear(): void;
}

export interface SimulatedRouter {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly password: string;
  readonly version: RosVersion;
  readonly tls: boolean;
  readonly encoding: TextEncoding;
  readonly loginMethod: 'plain' | 'challenge';
  readonly replyLatencyMs: number;
  /** The stateful model; tests add/remove sessions through it. */
  readonly model: RouterModel;
  readonly faults: FaultControls;
  /** Close the listener and every socket. */
  stop(): Promise<void>;
  /** Listen again on the same port. */
  start(): Promise<void>;
  /** Like a reboot: drops connections, sessions and `.id`s change; listens again. */
  restart(): Promise<void>;
  /** Like installing another certificate on api-ssl: new connections get it (certificate mode only). */
  replaceCertificate(certificate: SimCertificate): void;
  /** Open client connections. */
  connections(): number;
  /** Resolves when the number of open connections satisfies `predicate` (checked on every change). */
  waitForConnections(predicate: (count: number) => boolean): Promise<void>;
}

export interface FleetOptions {
  routers: number;
  basePort: number;
  host?: string;
  hotspot?: number;
  pppoe?: number;
  churnPerMinute?: number;
  version?: RosVersion;
  tls?: boolean;
  username?: string;
  /** @defaultValue 'admin' */
  password?: string;
  /** Name prefix: routers are `<prefix>-1` … @defaultValue 'sim' */
  namePrefix?: string;
  seed?: number;
  /** See SimulatedRouterOptions. @defaultValue 0 */
  replyLatencyMs?: number;
  /** @defaultValue 'isp' */
  preset?: SimPreset;
  /** Each router announces itself over MNDP to this address and port (see mndp-announcer.ts). @defaultValue off */
  mndp?: Pick<MndpAnnouncerOptions, 'address' | 'port' | 'intervalMs'>;
}

export interface Fleet {
  routers: SimulatedRouter[];
  stop(): Promise<void>;
}
