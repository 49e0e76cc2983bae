import { describe, expect, it, vi } from 'vitest';

// The electron module cannot load here (the one mock we allow): the default session records the
// handlers the shell installs, so the test can ask them what they decide.
type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type DeviceHandler = (details: { deviceType: string; origin: string; device: unknown }) => boolean;
const installed: { request?: RequestHandler; check?: CheckHandler; device?: DeviceHandler } = {};
vi.mock('electron', () => ({
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: RequestHandler) => (installed.request = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => (installed.check = handler),
      setDevicePermissionHandler: (handler: DeviceHandler) => (installed.device = handler),
    },
  },
}));

const { hardenSession } = await import('./security');

const PERMISSIONS = ['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'hid', 'serial', 'usb', 'fullscreen', 'openExternal'];

describe('session hardening', () => {
  hardenSession();

  it('grants no web permission, not even notifications (desktop notices go through the main process)', () => {
    for (const permission of PERMISSIONS) {
      for (const requestingUrl of ['app://noc/index.html', 'https://evil.example/', 'file:///etc/passwd']) {
        const answers: boolean[] = [];
        installed.request!(null, permission, (granted) => answers.push(granted), { requestingUrl });
        expect(answers, `${permission} for ${requestingUrl}`).toEqual([false]);
      }
    }
  });

  it('answers every permission check with no, for the app’s own origin too', () => {
    for (const permission of PERMISSIONS) {
      expect(installed.check!(null, permission, 'app://noc', {}), permission).toBe(false);
      expect(installed.check!(null, permission, 'https://evil.example', {}), permission).toBe(false);
    }
  });

  it('grants no device (HID, serial, USB) to any origin', () => {
    for (const deviceType of ['hid', 'serial', 'usb']) {
      expect(installed.device!({ deviceType, origin: 'app://noc', device: {} }), deviceType).toBe(false);
    }
  });
});
