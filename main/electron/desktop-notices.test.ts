import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The electron module cannot load here (the one mock we allow): ipcMain, a Notification that
// records what the OS would show, and BrowserWindow.fromWebContents for the click.
const ipcMain = new EventEmitter();
const os = { supported: true, shown: [] as FakeNotification[] };
class FakeNotification extends EventEmitter {
  static isSupported = () => os.supported;
  closed = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    os.shown.push(this);
  }
  close() {
    this.closed = true;
    this.emit('close');
  }
}
class FakeWindow {
  minimized = true;
  focused = false;
  isMinimized = () => this.minimized;
  restore = () => void (this.minimized = false);
  focus = () => void (this.focused = true);
}
const windows = new Map<unknown, FakeWindow>();
vi.mock('electron', () => ({ ipcMain, Notification: FakeNotification, BrowserWindow: { fromWebContents: (contents: unknown) => windows.get(contents) ?? null } }));

const { attachDesktopNoticeRelay } = await import('./ipc-bridge');
const { DesktopNotices } = await import('./desktop-notices');
const { createLogger } = await import('../core/logger');
const { DESKTOP_NOTICE_CHANNEL, DESKTOP_NOTICE_CLICK_CHANNEL } = await import('./desktop-notice-contract');

const APP_URL = 'app://noc/index.html';
const appFrame = { url: `${APP_URL}#/dashboard`, parent: null };

class FakeContents {
  readonly received: Array<[string, unknown]> = [];
  destroyed = false;
  send(channel: string, value: unknown) {
    this.received.push([channel, value]);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

describe('desktop notices through Electron’s main-process Notification', () => {
  let notices: InstanceType<typeof DesktopNotices>;
  let logged: string[];
  let detach: () => void;
  const contents = new FakeContents();
  const post = (notice: unknown, frame: unknown = appFrame, sender: unknown = contents) => ipcMain.emit(DESKTOP_NOTICE_CHANNEL, { sender, senderFrame: frame }, notice);

  beforeEach(() => {
    os.supported = true;
    os.shown = [];
    logged = [];
    notices = new DesktopNotices();
    windows.set(contents, new FakeWindow());
    contents.received.length = 0;
    contents.destroyed = false;
    detach = attachDesktopNoticeRelay({ notices, isAppUrl: (url) => url === APP_URL || url.startsWith(`${APP_URL}#`), log: createLogger((line) => logged.push(line)) });
  });
  afterEach(() => detach());

  it('shows a notice from the app’s own page with its title and body', () => {
    post({ title: 'Payment unmatched', body: 'QK71ABC2XY: 500.00 for "nobody"', tag: 'payment-4' });
    expect(os.shown.map((n) => n.options)).toEqual([{ title: 'Payment unmatched', body: 'QK71ABC2XY: 500.00 for "nobody"' }]);
  });

  it('refuses a foreign page, a subframe and a message without a frame, and logs each', () => {
    post({ title: 'x', body: 'y', tag: 't' }, { url: 'https://evil.example/', parent: null });
    post({ title: 'x', body: 'y', tag: 't' }, { url: APP_URL, parent: appFrame });
    post({ title: 'x', body: 'y', tag: 't' }, null);
    expect(os.shown).toEqual([]);
    expect(logged.filter((l) => l.includes('sender frame is not the app'))).toHaveLength(3);
  });

  it('refuses anything that is not exactly a notice: extra fields, empty or long texts, a missing tag', () => {
    for (const bad of [
      { title: 'x', body: 'y', tag: 't', icon: '/etc/passwd' },
      { title: '  ', body: 'y', tag: 't' },
      { title: 'x'.repeat(121), body: 'y', tag: 't' },
      { title: 'x', body: 'y'.repeat(401), tag: 't' },
      { title: 'x', body: 'y' },
      'Router down',
    ]) {
      post(bad);
    }
    expect(os.shown).toEqual([]);
    expect(logged.filter((l) => l.includes('desktop notice refused'))).toHaveLength(6);
  });

  it('replaces a shown notice of the same tag, so one router is one notice', () => {
    post({ title: 'Router down: hq-1', body: 'offline', tag: 'router-7' });
    post({ title: 'Router down: hq-2', body: 'offline', tag: 'router-8' });
    post({ title: 'Router down: hq-1', body: 'still offline after 60 s', tag: 'router-7' });
    expect(os.shown.map((n) => [n.options.body, n.closed])).toEqual([
      ['offline', true],
      ['offline', false],
      ['still offline after 60 s', false],
    ]);
    expect(notices.size).toBe(2);
  });

  it('brings the window to the front on a click and tells the page which notice it was', () => {
    post({ title: 'Job failed', body: 'provisioning hq-1', tag: 'job-12' });
    os.shown[0]!.emit('click');
    expect(windows.get(contents)).toMatchObject({ minimized: false, focused: true });
    expect(contents.received).toEqual([[DESKTOP_NOTICE_CLICK_CHANNEL, 'job-12']]);
    // The window closed meanwhile: nothing is sent to it.
    post({ title: 'Job failed', body: 'again', tag: 'job-13' });
    contents.destroyed = true;
    os.shown[1]!.emit('click');
    expect(contents.received).toHaveLength(1);
  });

  it('keeps only the newest notices referenced, and says so when the system has no notifications', () => {
    for (let i = 0; i < 60; i++) post({ title: 'n', body: String(i), tag: `t-${i}` });
    expect(notices.size).toBe(50);
    os.supported = false;
    post({ title: 'n', body: 'none', tag: 'x' });
    expect(os.shown).toHaveLength(60);
    expect(logged.some((l) => l.includes('this system offers no notifications'))).toBe(true);
  });

  it('stops listening when detached', () => {
    detach();
    post({ title: 'x', body: 'y', tag: 't' });
    expect(os.shown).toEqual([]);
    expect(ipcMain.listenerCount(DESKTOP_NOTICE_CHANNEL)).toBe(0);
  });
});
