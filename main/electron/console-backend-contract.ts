import type { ConnectionState } from '../contract/api';
import type { Result } from '../contract/errors';

/**
 * The desktop shell's choice of backend, made on the sign-in screen: "This computer" (the core
 * embedded in the app) or "A console server" (the team's server, over TLS with a pinned
 * certificate). The main process holds the connection either way and relays the same protocol
 * over the one IPC channel, so views never know which it is. The preload exposes these calls as
 * `window.nocConsole`; the browser console has none (it is the server's own page).
 * Types and channel names only: the preload bundles this file, the main process validates.
 */

/** Renderer → main, request/reply (ipcRenderer.invoke): one of {@link ConsoleBackendRequest}. */
export const CONSOLE_BACKEND_CHANNEL = 'noc:console-backend';
/** Main → renderer: the state of this window's connection to its backend ({@link BackendStatus}). */
export const CONSOLE_BACKEND_STATE_CHANNEL = 'noc:console-backend-state';

export const SERVER_URL_MAX = 300;

/** A console server the person connected to before, with the certificate fingerprint they confirmed. */
export interface RememberedServer {
  /** The server's origin, e.g. `https://noc.example.net:5780`. */
  url: string;
  /** SHA-256 of the pinned certificate, `AB:CD:…`. */
  fingerprint: string;
  /** When it was last connected to (ms since epoch). */
  lastUsedAt: number;
}

/** What a server presents before anything is sent to it: its certificate's fingerprint, and how that compares with the pin. */
export interface ServerProbe {
  url: string;
  fingerprint: string;
  /** `new`: never pinned, confirm it; `pinned`: matches the pin; `changed`: refused (see `message`). */
  pin: 'new' | 'pinned' | 'changed';
  /** For `changed`: what the person should know and do. */
  message: string | null;
}

export type BackendChoice = { kind: 'this-computer' } | { kind: 'server'; url: string; fingerprint: string };

/** A window's connection to its backend, pushed on every change. */
export interface BackendStatus {
  state: ConnectionState;
  /** Why the connection is down and will not come back by itself (a changed certificate); null otherwise. */
  problem: string | null;
}

export type ConsoleBackendRequest =
  | { op: 'current' }
  | { op: 'servers' }
  | { op: 'probe'; url: string }
  | { op: 'use-server'; url: string; fingerprint: string }
  | { op: 'use-this-computer' }
  | { op: 'leave' }
  | { op: 'forget'; url: string };

export interface ConsoleBackendApi {
  /** The backend chosen in this app run, or null: the sign-in screen asks. */
  current(): Promise<BackendChoice | null>;
  /** Remembered servers, last used first. */
  servers(): Promise<Result<RememberedServer[]>>;
  /** Reads the certificate a server presents (nothing else is sent) so the person can compare its fingerprint. */
  probe(url: string): Promise<Result<ServerProbe>>;
  /** Connects to a server: pins `fingerprint` on first use (it must be what the server presents), refuses a changed one. */
  useServer(url: string, fingerprint: string): Promise<Result<BackendChoice>>;
  /** Starts the embedded backend (only now: a desk on a server runs none) and connects to it. */
  useThisComputer(): Promise<Result<BackendChoice>>;
  /** Drops the choice (back to the sign-in screen's question); the page reloads after it. */
  leave(): Promise<void>;
  /** Forgets a remembered server and its pin; the servers left. */
  forget(url: string): Promise<Result<RememberedServer[]>>;
  /** Called with this window's connection status now and on every change; returns the unsubscribe. */
  onStatus(listener: (status: BackendStatus) => void): () => void;
}
