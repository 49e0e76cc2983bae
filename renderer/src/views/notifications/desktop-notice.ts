import { DESKTOP_NOTICE_LIMITS, type DesktopNotice, type DesktopNoticeApi } from '../../../../main/electron/desktop-notice-contract';

declare global {
  interface Window {
    /** Present in the desktop shell: OS notifications through Electron's main process (preload). */
    nocDesktop?: DesktopNoticeApi;
  }
}

/**
 * Where a desktop notice goes on this host: the desktop shell's own (Electron's `Notification`,
 * no prompt), the browser's Notification API (asked once, from a click), or nowhere.
 */
export type DesktopHost = 'shell' | 'browser' | 'none';

const shell = (): DesktopNoticeApi | undefined => (typeof window === 'undefined' ? undefined : window.nocDesktop);

export function desktopHost(): DesktopHost {
  if (shell()) return 'shell';
  return typeof Notification === 'undefined' ? 'none' : 'browser';
}

/** Whether notices would show now: the shell always may; a browser only once permitted. */
export function desktopPermitted(): boolean {
  const host = desktopHost();
  return host === 'shell' || (host === 'browser' && Notification.permission === 'granted');
}

/**
 * Asks for permission to notify; call it only from a click (browsers ignore a prompt without
 * one). The browser asks the person once: a refusal stays refused here, and is changed in the
 * site settings, so this never nags. True when notices may show.
 */
export async function askDesktopPermission(): Promise<boolean> {
  const host = desktopHost();
  if (host !== 'browser') return host === 'shell';
  if (Notification.permission !== 'default') return Notification.permission === 'granted';
  return (await Notification.requestPermission()) === 'granted';
}

/** What to do when the notice with a tag is clicked (the newest notice of the tag wins). */
const clickHandlers = new Map<string, () => void>();
/** The shell keeps as many notices referenced (main/electron/desktop-notices.ts); older clicks do nothing here either. */
const KEPT = 50;
let listening = false;

/**
 * Shows one desktop notice, replacing a shown one of the same tag; `onClick` runs when it is
 * clicked, with the console's window in front. Nothing when not permitted.
 */
export function showDesktopNotice(given: DesktopNotice, onClick: () => void): void {
  // The shell refuses longer texts; an OS shows only the start of them anyway.
  const notice = { title: clip(given.title, DESKTOP_NOTICE_LIMITS.title), body: clip(given.body, DESKTOP_NOTICE_LIMITS.body), tag: given.tag.slice(0, DESKTOP_NOTICE_LIMITS.tag) };
  const desktop = shell();
  if (desktop) {
    if (!listening) {
      listening = true;
      desktop.onClick((tag) => clickHandlers.get(tag)?.());
    }
    clickHandlers.delete(notice.tag);
    clickHandlers.set(notice.tag, onClick);
    for (const oldest of clickHandlers.keys()) {
      if (clickHandlers.size <= KEPT) break;
      clickHandlers.delete(oldest);
    }
    desktop.show(notice);
    return;
  }
  if (!desktopPermitted()) return;
  const shown = new Notification(notice.title, { body: notice.body, tag: notice.tag });
  shown.onclick = () => {
    window.focus();
    onClick();
    shown.close();
  };
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
