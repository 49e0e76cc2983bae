import { create } from 'zustand';
import { SESSION_TOKEN_KEY } from '../../bridge/session-token';
import type { BackendChoice, BackendStatus, ConsoleBackendApi, RememberedServer, ServerProbe } from '../../../../main/electron/console-backend-contract';

declare global {
  interface Window {
    /** Present on the desktop only: where this desk's console runs (the preload exposes it). */
    nocConsole?: ConsoleBackendApi;
  }
}

/** The desktop's backend choice; null in a browser, whose console is the server it was loaded from. */
export const consoleBackend = (): ConsoleBackendApi | null => (typeof window === 'undefined' ? null : (window.nocConsole ?? null));

export interface ConsoleBackendState {
  /** `undefined` until the main process answered; null: not chosen yet (the sign-in screen asks). */
  choice: BackendChoice | null | undefined;
  servers: RememberedServer[];
  /** A server being connected to for the first time: its fingerprint, waiting for the person to confirm it. */
  confirming: ServerProbe | null;
  status: BackendStatus;
  busy: boolean;
  error: string | null;
}

export const initialConsoleBackendState: ConsoleBackendState = {
  choice: undefined,
  servers: [],
  confirming: null,
  status: { state: 'connecting', problem: null },
  busy: false,
  error: null,
};

/** The sign-in screen's "where does this console run" on the desktop. Actions below; views read through the selectors. */
export const useConsoleBackendStore = create<ConsoleBackendState>(() => initialConsoleBackendState);

export const consoleBackendSelectors = {
  choice: (s: ConsoleBackendState) => s.choice,
  servers: (s: ConsoleBackendState) => s.servers,
  confirming: (s: ConsoleBackendState) => s.confirming,
  problem: (s: ConsoleBackendState) => s.status.problem,
  busy: (s: ConsoleBackendState) => s.busy,
  error: (s: ConsoleBackendState) => s.error,
};

let loaded: Promise<void> | null = null;

/** Asks the main process once per window what is chosen and which servers it remembers, and follows the connection's status. */
export function loadConsoleBackend(): Promise<void> {
  const backend = consoleBackend();
  if (!backend) return Promise.resolve();
  loaded ??= (async () => {
    backend.onStatus((status) => useConsoleBackendStore.setState({ status }));
    const [choice, servers] = await Promise.all([backend.current(), backend.servers()]);
    useConsoleBackendStore.setState({ choice, servers: servers.ok ? servers.data : [], error: servers.ok ? null : servers.error.message });
  })();
  return loaded;
}

const chosen = (choice: BackendChoice) => useConsoleBackendStore.setState({ choice, confirming: null, busy: false, error: null });
const failed = (message: string) => useConsoleBackendStore.setState({ busy: false, error: message });

/** "A console server": a server pinned before connects at once; a new one shows its fingerprint to confirm; a changed one is refused. */
export async function connectToServer(url: string): Promise<void> {
  const backend = consoleBackend()!;
  useConsoleBackendStore.setState({ busy: true, error: null, confirming: null });
  const probe = await backend.probe(url);
  if (!probe.ok) return failed(probe.error.message);
  if (probe.data.pin === 'changed') return failed(probe.data.message ?? 'the server’s certificate changed');
  if (probe.data.pin === 'new') return void useConsoleBackendStore.setState({ busy: false, confirming: probe.data });
  await useServer(probe.data.url, probe.data.fingerprint);
}

/** The person compared the fingerprint with the one the server printed and trusts it (or picked a remembered server). */
export async function useServer(url: string, fingerprint: string): Promise<void> {
  useConsoleBackendStore.setState({ busy: true, error: null });
  const result = await consoleBackend()!.useServer(url, fingerprint);
  if (result.ok) chosen(result.data);
  else useConsoleBackendStore.setState({ busy: false, error: result.error.message, confirming: null });
}

export async function useThisComputer(): Promise<void> {
  useConsoleBackendStore.setState({ busy: true, error: null, confirming: null });
  const result = await consoleBackend()!.useThisComputer();
  if (result.ok) chosen(result.data);
  else failed(result.error.message);
}

export function cancelConfirm(): void {
  useConsoleBackendStore.setState({ confirming: null });
}

export async function forgetServer(url: string): Promise<void> {
  const result = await consoleBackend()!.forget(url);
  if (result.ok) useConsoleBackendStore.setState({ servers: result.data });
  else failed(result.error.message);
}

/**
 * Back to the question: the page starts over, as everything it loaded belonged to the other
 * backend. The kept session goes too: it is that backend's, and must never be offered to the next.
 */
export async function changeBackend(): Promise<void> {
  await consoleBackend()!.leave();
  sessionStorage.removeItem(SESSION_TOKEN_KEY);
  window.location.reload();
}
