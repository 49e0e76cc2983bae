import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

// A stand-in BrowserWindow that records its options and exposes its web contents' handlers.
class FakeContents extends EventEmitter {
  windowOpenHandler: (() => { action: string }) | null = null;
  setWindowOpenHandler(handler: () => { action: string }) {
    this.windowOpenHandler = handler;
  }
}
const created: Array<{ options: { webPreferences: Record<string, unknown> }; contents: FakeContents; loaded: string }> = [];
class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeContents();
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    super();
    created.push({ options, contents: this.webContents, loaded: '' });
  }
  loadURL(url: string) {
    created.at(-1)!.loaded = url;
    return Promise.resolve();
  }
  show() {}
}
vi.mock('electron', () => ({ BrowserWindow: FakeBrowserWindow }));

const { createMainWindow } = await import('./main-window');
const { APP_URL } = await import('./app-protocol');

function dispatch(contents: FakeContents, name: string, ...args: unknown[]) {
  const event = { prevented: false, preventDefault() { this.prevented = true; } };
  contents.emit(name, event, ...args);
  return event.prevented;
}

describe('main window', () => {
  it('is created with the security checklist settings and loads only our renderer', () => {
    createMainWindow();
    const { options, contents, loaded } = created.at(-1)!;
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(String(options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(loaded).toBe('app://noc/index.html');
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });

  it('blocks navigation away from the app, redirects and webviews', () => {
    createMainWindow();
    const { contents } = created.at(-1)!;
    expect(dispatch(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(dispatch(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(dispatch(contents, 'will-navigate', 'app://other/index.html')).toBe(true);
    expect(dispatch(contents, 'will-navigate', `${APP_URL}#/jobs`)).toBe(false);
    expect(dispatch(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(dispatch(contents, 'will-attach-webview', {}, {})).toBe(true);
  });
});
