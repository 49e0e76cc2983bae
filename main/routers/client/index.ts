/**
 * RouterOS client: one RouterConnection per router (node-routeros, patched), typed menu reads and
 * writes, and live session sets. No process-wide state: safe to use inside worker threads.
 */
export {
  RouterConnection,
  type CallOptions,
  type ListenHandle,
  type ListenHandlers,
  type RosRecord,
  type RouterConnectionState,
  type StateChange,
} from './router-connection';
export type { RouterConnectionOptions, RouterEndpoint } from './connection-options';
export { RouterError, type RouterErrorCode } from './router-error';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
export { Signal } from './signal';
export { formatBoolean, formatDuration, parseBoolean, parseDuration, parseNumber, parseRouterDate, parseText } from './values';
export { addItem, printTyped, removeItem, setItem, type RouterCaller } from './menu-io';
export * from './system-menus';
export * from './hotspot-menus';
export * from './ppp-menus';
export {
  hotspotSessionSet,
  LiveSet,
  pppSessionSet,
  HOTSPOT_ACTIVE_SOURCE,
  PPP_ACTIVE_SOURCE,
  type HotspotSessionDelta,
  type LiveSetDelta,
  type LiveSetOptions,
  type LiveSource,
  type PppSessionDelta,
} from './live-set';
