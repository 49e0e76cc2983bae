/**
 * The desktop shell's one capability beyond the protocol: an OS notification through Electron's
 * main-process `Notification` (the issue asks for it; the web Notification API is the browser
 * console's). The preload exposes it as `window.nocDesktop`; the renderer uses it when present.
 * Types and channel names only (the preload bundles this file; the main process validates).
 */

/** Renderer → main: show one notice. Its own channel, so the protocol channel stays the protocol's. */
export const DESKTOP_NOTICE_CHANNEL = 'noc:desktop-notice';
/** Main → renderer: the person clicked the notice with this tag. */
export const DESKTOP_NOTICE_CLICK_CHANNEL = 'noc:desktop-notice-click';

export const DESKTOP_NOTICE_LIMITS = { title: 120, body: 400, tag: 100 } as const;

export interface DesktopNotice {
  title: string;
  body: string;
  /** A notice with the tag of one still shown replaces it (`router-7`: one notice per router). */
  tag: string;
}

export interface DesktopNoticeApi {
  show(notice: DesktopNotice): void;
  /** Called with the tag of a clicked notice (the window is brought to the front first); returns the unsubscribe. */
  onClick(listener: (tag: string) => void): () => void;
}
