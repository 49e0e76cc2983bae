import { EventEmitter } from 'node:events';

type Handler = (event: unknown, arg: unknown) => unknown;

/**
 * Electron's main-process IPC as the bridge uses it (`on`, `handle`), for tests that mock the
 * `electron` module (the one mock allowed): events and `invoke` handlers, nothing else.
 */
export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

const APP_URL = 'app://noc/index.html';
let nextId = 1;

/**
 * A window of the app as the main process sees it, wired to a renderer-side `ipcRenderer` the
 * way Electron wires them: what one sends, the other receives (structured-cloned, as Electron
 * does). `ipcRenderer` is what a mocked preload imports.
 */
export class FakeWindow extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = { url: APP_URL, parent: null };
  readonly ipcRenderer: EventEmitter & { send(channel: string, message: unknown): void; invoke(channel: string, arg: unknown): Promise<unknown> };
  private destroyed = false;

  constructor(private readonly ipcMain: FakeIpcMain) {
    super();
    const renderer = new EventEmitter();
    const event = () => ({ sender: this, senderFrame: this.mainFrame });
    this.ipcRenderer = Object.assign(renderer, {
      send: (channel: string, message: unknown) => void ipcMain.emit(channel, event(), structuredClone(message)),
      invoke: async (channel: string, arg: unknown) => {
        const handler = ipcMain.handlers.get(channel);
        if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
        return structuredClone(await handler(event(), structuredClone(arg)));
      },
    });
  }

  /** Main → renderer (WebContents.send). */
  send(channel: string, message: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    const copy = structuredClone(message);
    queueMicrotask(() => this.ipcRenderer.emit(channel, {}, copy));
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}
