import { createHash, randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { encodeSentence, SentenceDecoder, WireProtocolError } from './codec';
import { type ParsedCommand, parseCommand } from './command-words';
import type { FaultState, FaultTarget } from './fault-state';
import { runMenuCommand } from './menu-commands';
import type { SimRouterModel } from './model/router-model';
import { ReplyDelay } from './reply-delay';
import { RouterTrap } from './router-trap';
import type { TextEncoding } from './types';

/** What a connection needs from its router. */
export interface ConnectionHost {
  readonly model: SimRouterModel;
  readonly username: string;
  readonly password: string;
  readonly loginMethod: 'plain' | 'challenge';
  readonly encoding: TextEncoding;
  readonly maxCommandsBeforeLogin: number;
  /** Every reply leaves this long after it was produced (see ReplyDelay). */
  readonly replyLatencyMs: number;
  readonly faults: FaultState;
  connectionClosed(conn: ApiConnection): void;
}

// Before login a client may only send small sentences (the manual: "a limit on number and size").
const PRE_LOGIN_LIMITS = { maxWordBytes: 4096, maxWords: 32 };
const LOGGED_IN_LIMITS = { maxWordBytes: 16 * 1024 * 1024, maxWords: 10_000 };

interface Running {
  tag?: string;
  stop: () => void;
}

/**
 * The server side of one API session: decodes sentences, enforces login, runs commands with
 * their tags, handles /cancel and /quit, and applies the router's faults. Nothing a client sends
 * can throw out of the socket handler: protocol errors end in `!fatal` and a close.
 */
export class ApiConnection implements FaultTarget {
  private readonly decoder: SentenceDecoder;
  private loggedIn = false;
  /** Who logged in, for the router's "logged out" log line. */
  private user: string | undefined;
  private peerAddress: string | undefined;
  private commandsBeforeLogin = 0;
  private challenge: Buffer | undefined;
  private readonly running = new Map<string | symbol, Running>();
  private held: Buffer[] = [];
  private closed = false;
  private readonly delay: ReplyDelay;

  constructor(
    private readonly socket: Socket,
    private readonly host: ConnectionHost,
  ) {
    this.decoder = new SentenceDecoder(host.encoding, { ...PRE_LOGIN_LIMITS });
    this.delay = new ReplyDelay(host.replyLatencyMs);
    socket.setNoDelay(true);
    this.peer();
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.destroy());
    socket.on('close', () => this.teardown());
  }

  // ── FaultTarget ───────────────────────────────────────────────────────────
  sendFatal(message: string): void {
    if (this.closed) return;
    this.stopAll();
    const fatal = encodeSentence(['!fatal', message], this.host.encoding);
    this.closed = true;
    // Behind the replies still on the way (reply latency), past a stall, then the router hangs up.
    this.delay.later(() => {
      if (this.socket.destroyed) return;
      this.socket.write(fatal);
      this.socket.end(() => this.socket.destroy());
    });
    this.teardown();
  }

  destroy(): void {
    this.closed = true;
    this.delay.clear();
    this.socket.destroy();
    this.teardown();
  }

  writeRaw(bytes: Buffer): void {
    if (!this.closed) this.socket.write(bytes);
  }

  flush(): void {
    const held = this.held;
    this.held = [];
    if (!this.closed) for (const buf of held) this.socket.write(buf);
  }

  // ── input ─────────────────────────────────────────────────────────────────
  private onData(chunk: Buffer): void {
    if (this.closed) return;
    let sentences: string[][];
    try {
      sentences = this.decoder.push(chunk);
    } catch (err) {
      this.sendFatal(err instanceof WireProtocolError ? err.message : 'malformed input');
      return;
    }
    for (const words of sentences) {
      if (this.closed) return;
      try {
        this.accept(parseCommand(words));
      } catch (err) {
        // A simulator bug must not take the process down; the client sees why the session ended.
        this.sendFatal(`internal simulator error: ${(err as Error).message}`);
      }
    }
  }

  private accept(cmd: ParsedCommand): void {
    const faults = this.host.faults;
    if (faults.shouldDrop(cmd.word)) return this.destroy();
    if (!this.loggedIn && cmd.word !== '/quit') {
      if (++this.commandsBeforeLogin > this.host.maxCommandsBeforeLogin) return this.sendFatal('too many commands before login');
    }
    const trap = faults.takeTrap(cmd.word);
    if (trap) return this.trap(cmd.tag, trap.message, trap.category);
    if (faults.slowMs > 0) {
      setTimeout(() => {
        if (!this.closed) this.execute(cmd);
      }, faults.slowMs);
      return;
    }
    this.execute(cmd);
  }

  private execute(cmd: ParsedCommand): void {
    if (cmd.word === '/quit') return this.sendFatal('session terminated on request');
    if (cmd.word === '/login') return this.login(cmd);
    if (!this.loggedIn) return this.trap(cmd.tag, 'not logged in', 5);
    if (cmd.word === '/cancel') return this.cancel(cmd);
    // node-routeros keeps a connection alive with a `#` sentence; treat it as a no-op.
    if (cmd.word === '#') return this.send(['!done'], cmd.tag);
    let key: string | symbol | undefined;
    try {
      runMenuCommand(this.host.model, cmd, {
        reply: (words) => this.send(words, cmd.tag),
        done: (extra = []) => this.send(['!done', ...extra], cmd.tag),
        stream: (stop) => {
          key = cmd.tag ?? Symbol('untagged');
          const previous = this.running.get(key);
          if (previous) this.running.set(Symbol('shadowed'), previous);
          this.running.set(key, { tag: cmd.tag, stop });
        },
      });
    } catch (err) {
      if (!(err instanceof RouterTrap)) throw err;
      if (key !== undefined) this.running.get(key)?.stop();
      if (key !== undefined) this.running.delete(key);
      this.trap(cmd.tag, err.message, err.category);
    }
  }

  // ── API commands ──────────────────────────────────────────────────────────
  private login(cmd: ParsedCommand): void {
    const { name, password, response } = cmd.attrs;
    const host = this.host;
    if (this.loggedIn) return this.send(['!done'], cmd.tag);
    if (host.loginMethod === 'challenge') {
      // Pre-6.43 routers ignore name/password and answer any /login without a response with a challenge.
      if (response === undefined) {
        this.challenge = randomBytes(16);
        return this.send(['!done', `=ret=${this.challenge.toString('hex')}`], cmd.tag);
      }
      const expected = this.challenge ? `00${md5(Buffer.concat([Buffer.from([0]), Buffer.from(host.password, 'utf8'), this.challenge]))}` : undefined;
      this.challenge = undefined;
      if (host.faults.loginRefused || name !== host.username || response.toLowerCase() !== expected) {
        this.logLoginFailure(name);
        return this.trap(cmd.tag, host.faults.loginRefused ? host.faults.refuseMessage : 'cannot log in');
      }
    } else if (host.faults.loginRefused || name !== host.username || password !== host.password) {
      this.logLoginFailure(name);
      return this.trap(cmd.tag, host.faults.loginRefused ? host.faults.refuseMessage : 'invalid user name or password (6)');
    }
    this.loggedIn = true;
    this.user = name;
    host.model.log('system,info,account', `user ${name} logged in from ${this.peer()} via api`);
    this.decoder.limits = { ...LOGGED_IN_LIMITS };
    this.send(['!done'], cmd.tag);
  }

  /** Order as in the manual: the cancelled command's trap, the cancel's `!done`, then the cancelled `!done`. */
  private cancel(cmd: ParsedCommand): void {
    const target = cmd.attrs.tag;
    const victims: Running[] = [];
    if (target === undefined) {
      victims.push(...this.running.values());
      this.running.clear();
    } else {
      const found = this.running.get(target);
      if (found) {
        victims.push(found);
        this.running.delete(target);
      }
    }
    for (const v of victims) {
      v.stop();
      this.send(['!trap', '=category=2', '=message=interrupted'], v.tag);
    }
    this.send(['!done'], cmd.tag);
    for (const v of victims) this.send(['!done'], v.tag);
  }

  // ── output ────────────────────────────────────────────────────────────────
  private trap(tag: string | undefined, message: string, category?: number): void {
    this.send(['!trap', ...(category === undefined ? [] : [`=category=${category}`]), `=message=${message}`], tag);
    this.send(['!done'], tag);
  }

  private send(words: string[], tag: string | undefined): void {
    if (this.closed) return;
    if (tag !== undefined) words.push(`.tag=${tag}`);
    const buf = encodeSentence(words, this.host.encoding);
    this.delay.later(() => {
      if (this.socket.destroyed) return;
      if (this.host.faults.stalled) this.held.push(buf);
      else this.socket.write(buf);
    });
  }

  private stopAll(): void {
    for (const r of this.running.values()) r.stop();
    this.running.clear();
  }

  private logLoginFailure(name: string | undefined): void {
    this.host.model.log('system,error,critical', `login failure for user ${name ?? ''} from ${this.peer()} via api`);
  }

  private peer(): string {
    // Cached: a closed socket no longer knows its peer.
    this.peerAddress ??= (this.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    return this.peerAddress;
  }

  private teardown(): void {
    if (this.user !== undefined) {
      // teardown runs more than once (fatal, then close): one "logged out" line per session.
      this.host.model.log('system,info,account', `user ${this.user} logged out from ${this.peer()} via api`);
      this.user = undefined;
    }
    this.closed = true;
    this.stopAll();
    this.held = [];
    this.host.connectionClosed(this);
  }
}

const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');
