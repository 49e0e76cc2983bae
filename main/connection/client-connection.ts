import { randomUUID } from 'node:crypto';
import { clientMessageSchema, type ServerMessage, type SubscribeResult } from '../contract/protocol';
import { PROTOCOL_VERSION } from '../contract/limits';
import type { ContractError } from '../contract/errors';
import type { InvokeName } from '../contract';
import { canSubscribe } from '../auth/permissions';
import type { Session } from '../auth/session';
import { parseChannel } from '../events/channels';
import type { ConnectionServices, InvokeDispatch } from './connection-services';
import type { InvokeLimits } from './invoke-limits';
import { eventMessage } from './shared-event-message';

/** Where a connection comes from, for the limits that apply to it. */
export interface ConnectionPeer {
  /** The rate limits shared by every connection of the core. */
  limits: InvokeLimits;
  /** Remote network address (normalized by peerAddress); `local` for the desktop window. */
  address: string;
}

/** Invokes that sign a connection in or out, or change what its session may do. */
const SESSION_CHANGING_INVOKES: ReadonlySet<string> = new Set<InvokeName>([
  'auth.signIn',
  'auth.completeSignIn',
  'auth.resume',
  'auth.signOut',
  'auth.twoFactor.confirm',
  'auth.twoFactor.disable',
  'setup.createAdmin',
]);

/**
 * The server side of one client (an Electron window or a WebSocket): takes protocol messages,
 * answers invokes, manages its channel subscriptions. Host-agnostic: a host only moves messages.
 */
export class ClientConnection {
  readonly session: Session = { id: randomUUID(), user: null };
  private readonly subscriptions = new Map<string, () => void>();
  private closed = false;
  /**
   * Settles once every sign-in change sent so far (sign-in, resume, sign-out, …) has been handled.
   * An invoke or a subscription is authorized against the session as the messages before it left it: a client
   * that resumes and resubscribes at once after a reconnect must not be refused because the
   * resume was still reading its session from the store.
   */
  private signInSettled: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly services: ConnectionServices,
    private readonly dispatch: InvokeDispatch,
    private readonly send: (message: ServerMessage) => void,
    private readonly onClose: () => void,
    private readonly peer: ConnectionPeer,
  ) {
    this.send({ type: 'hello', protocol: PROTOCOL_VERSION, version: services.version });
    services.status.clientAttached();
    services.auth.attach(this);
  }

  /** Handles one message already decoded from the transport (JSON or structured clone). */
  async receive(raw: unknown): Promise<void> {
    if (this.closed) return;
    const parsed = clientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const error: ContractError = {
        code: 'malformed_message',
        message: 'message does not follow the protocol (see docs/protocol.md)',
        details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      };
      this.replyError(raw, error);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'invoke': {
        // Answered against the session the sign-in changes sent before it leave (a view's resync
        // goes out right behind a reconnect's resume); invokes do not wait for each other.
        const answered = this.signInSettled.then(() => this.answer(message));
        // Registered before anything awaits, so a subscribe right behind it waits for it.
        if (SESSION_CHANGING_INVOKES.has(message.name)) this.signInSettled = Promise.all([this.signInSettled, answered.catch(() => undefined)]);
        await answered;
        return;
      }
      case 'subscribe': {
        await this.signInSettled;
        if (this.closed) return;
        const error = this.subscribe(message.channel);
        if (error) this.send({ type: 'result', id: message.id, ok: false, error });
        else {
          const data: SubscribeResult = { channel: message.channel, seq: this.services.bus.currentSeq(message.channel) };
          this.send({ type: 'result', id: message.id, ok: true, data });
        }
        return;
      }
      case 'unsubscribe': {
        // Behind the same wait as a subscribe, so a subscribe and unsubscribe sent together keep their order.
        await this.signInSettled;
        if (this.closed) return;
        this.subscriptions.get(message.channel)?.();
        this.subscriptions.delete(message.channel);
        this.send({ type: 'result', id: message.id, ok: true, data: { channel: message.channel } });
        return;
      }
    }
  }

  private async answer(message: { id: number; name: string; input?: unknown }): Promise<void> {
    // Before dispatch: a refused flood costs a counter, never a password hash.
    const limited = await this.peer.limits.admit(message.name, this.session.id, this.peer.address);
    if (limited) {
      if (!this.closed) this.send({ type: 'result', id: message.id, ok: false, error: limited });
      return;
    }
    const result = await this.dispatch(this.session, message.name, message.input);
    if (!this.closed) this.send({ type: 'result', id: message.id, ...result });
  }

  /** Reports a transport-level refusal (unparseable JSON, oversized frame). */
  refuse(error: ContractError): void {
    if (!this.closed) this.send({ type: 'error', error });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const unsubscribe of this.subscriptions.values()) unsubscribe();
    this.subscriptions.clear();
    this.services.auth.detach(this);
    this.services.status.clientDetached();
    this.peer.limits.forget(this.session.id);
    this.onClose();
  }

  /** The session's user changed (sign-in, sign-out, expiry, role change): drop what it may no longer follow. */
  dropUnauthorizedSubscriptions(): void {
    for (const [channel, unsubscribe] of [...this.subscriptions]) {
      const parsed = parseChannel(channel);
      if (parsed && canSubscribe(this.session, parsed)) continue;
      unsubscribe();
      this.subscriptions.delete(channel);
    }
  }

  get channels(): string[] {
    return [...this.subscriptions.keys()];
  }

  /** Whether this connection follows `channel` now (held events of a dropped channel stay held). */
  follows(channel: string): boolean {
    return this.subscriptions.has(channel);
  }

  private subscribe(channel: string): ContractError | null {
    const parsed = parseChannel(channel);
    if (!parsed) return { code: 'invalid_input', message: `"${channel}" is not a channel name` };
    if (!canSubscribe(this.session, parsed)) {
      return { code: 'forbidden', message: `not allowed to subscribe to ${channel}` };
    }
    if (!this.subscriptions.has(channel)) {
      this.subscriptions.set(
        channel,
        this.services.bus.subscribe(channel, (event) => {
          // One message object for all followers of the event, so its JSON can be shared (see eventMessage).
          if (!this.closed) this.send(eventMessage(event));
        }),
      );
    }
    return null;
  }

  private replyError(raw: unknown, error: ContractError): void {
    const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) this.send({ type: 'result', id, ok: false, error });
    else this.send({ type: 'error', error });
  }
}
