/**
 * RouterOS simulator: real API servers (TCP, or TLS: anonymous DH or with a certificate) over a stateful router model.
 * Used by the client tests, the bench and the app's demo fleet.
 */
export type {
  ChurnResult,
  FaultControls,
  Fleet,
  FleetOptions,
  HotspotSessionInit,
  MenuChange,
  PppSessionInit,
  RosRecord,
  RosVersion,
  RouterModel,
  SimCertificate,
  SimulatedRouter,
  SimulatedRouterOptions,
  TextEncoding,
  TrapOnOptions,
} from './types';
export { RouterTrap } from './router-trap';
export { startSimulatedRouter } from './simulated-router';
export { startFleet } from './fleet';
