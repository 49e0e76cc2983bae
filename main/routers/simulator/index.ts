/**
 * RouterOS simulator: real API servers (TCP, or TLS: anonymous DH or with a certificate) over a stateful router model.
 * Used by the client tests, the bench and the app's demo fleet.
 */
export type {
  ChurnResult,
  FaultControls,
  Fleet,
  FleetOptions,
  HotspotLoginRequest,
  HotspotLoginResult,
  HotspotSessionInit,
  MenuChange,
  PppSessionInit,
  RosRecord,
  RosVersion,
  RouterModel,
  SimCertificate,
  SimPreset,
  SimulatedRouter,
  SimulatedRouterOptions,
  TextEncoding,
  TrapOnOptions,
} from './types';
export { RouterTrap } from './router-trap';
export { startSimulatedRouter } from './simulated-router';
export { startFleet } from './fleet';
export { HOTSPOT_LOGIN_ERRORS } from './model/hotspot-login';
// What the 'mikhmon' preset holds, for tests of the console's import to compare against.
export {
  MIKHMON_PPP_POOLS,
  MIKHMON_PPP_PROFILES,
  MIKHMON_PPP_SECRETS,
  MIKHMON_PROFILES,
  MIKHMON_USERS,
  type MikhmonPppProfile,
  type MikhmonPppSecret,
  type MikhmonProfile,
  type MikhmonUser,
} from './model/mikhmon-preset';
export type { MikhmonExpiryMode } from './model/mikhmon-scripts';
