/**
 * RouterOS simulator: real API servers (TCP or anonymous-DH TLS) over a stateful router model.
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
  SimulatedRouter,
  SimulatedRouterOptions,
  TextEncoding,
  TrapOnOptions,
} from './types';
export { RouterTrap } from './router-trap';
export { startSimulatedRouter } from './simulated-router';
export { startFleet } from './fleet';
