import type { NocApi } from '../../../main/contract/api';
import { createWebSocketApi, defaultSocketUrl } from './ws-bridge';

declare global {
  interface Window {
    /** Present on the desktop: exposed by the preload through contextBridge. */
    noc?: NocApi;
  }
}

/** The renderer does not know its host: the preload's API on the desktop, a WebSocket elsewhere. */
export const api: NocApi = window.noc ?? createWebSocketApi(defaultSocketUrl(window.location));
