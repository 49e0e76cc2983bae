import { BrowserWindow, Notification, type WebContents } from 'electron';
import { z } from 'zod';
import { DESKTOP_NOTICE_CLICK_CHANNEL, DESKTOP_NOTICE_LIMITS, type DesktopNotice } from './desktop-notice-contract';

/** What the renderer may ask to show: short texts and a tag, nothing else (no icon path, no actions). */
export const desktopNoticeSchema = z
  .object({
    title: z.string().trim().min(1).max(DESKTOP_NOTICE_LIMITS.title),
    body: z.string().max(DESKTOP_NOTICE_LIMITS.body),
    tag: z.string().min(1).max(DESKTOP_NOTICE_LIMITS.tag),
  })
  .strict();

/**
 * Notices kept referenced: Electron drops the click of a notification that was garbage collected,
 * and a notice left in the OS's list (Windows' action centre) never says it closed. The oldest
 * beyond this are let go; clicking those only brings the OS's own focus.
 */
const KEPT = 50;

/**
 * OS notifications through Electron's main-process `Notification`, for the windows of the app
 * (ipc-bridge.ts relays their validated requests). A notice with a tag still shown replaces it;
 * a click brings the window that asked to the front and tells it which tag was clicked.
 */
export class DesktopNotices {
  private readonly shown = new Map<string, Notification>();

  /** False when the OS offers no notifications (some Linux desktops without a notification daemon). */
  show(contents: WebContents, notice: DesktopNotice): boolean {
    if (!Notification.isSupported()) return false;
    const { tag } = notice;
    this.shown.get(tag)?.close();
    this.shown.delete(tag);
    const notification = new Notification({ title: notice.title, body: notice.body });
    notification.on('click', () => {
      if (contents.isDestroyed()) return;
      const window = BrowserWindow.fromWebContents(contents);
      if (window?.isMinimized()) window.restore();
      window?.focus();
      contents.send(DESKTOP_NOTICE_CLICK_CHANNEL, tag);
    });
    notification.on('close', () => {
      if (this.shown.get(tag) === notification) this.shown.delete(tag);
    });
    this.shown.set(tag, notification);
    for (const oldest of this.shown.keys()) {
      if (this.shown.size <= KEPT) break;
      this.shown.delete(oldest);
    }
    notification.show();
    return true;
  }

  /** Notices still referenced (tests, and the cap above). */
  get size(): number {
    return this.shown.size;
  }
}
