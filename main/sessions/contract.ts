import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';

/** One online hotspot user (a row of /ip/hotspot/active on some router). */
export interface HotspotSession {
  /** `${routerId}:${.id}` — unique across routers; `.id`s alone repeat between routers. */
  key: string;
  routerId: number;
  routerName: string;
  id: string;
  server: string;
  user: string;
  address: string;
  macAddress: string;
  loginBy: string;
  uptimeSeconds: number;
  sessionTimeLeftSeconds: number | null;
  bytesIn: number;
  bytesOut: number;
  /** Bits per second over the last counter interval (0 until two samples exist). */
  rateIn: number;
  rateOut: number;
}

/** One PPPoE session (a row of /ppp/active; bytes from its `<pppoe-NAME>` interface). */
export interface PppoeSession {
  key: string;
  routerId: number;
  routerName: string;
  id: string;
  name: string;
  service: string;
  callerId: string;
  address: string;
  uptimeSeconds: number;
  bytesIn: number;
  bytesOut: number;
  rateIn: number;
  rateOut: number;
}

/**
 * A batch of changes to one tenant's live set: rows that appeared, changed (partial) or went.
 * Apply in this order: `ended`, then `started`, then `updated`.
 */
export interface SessionDelta<S extends { key: string }> {
  started: S[];
  updated: Array<Partial<S> & { key: string }>;
  ended: string[];
}

/** A disconnect that will not happen: the router refused, or the last attempt failed. */
export interface DisconnectFailure {
  key: string;
  message: string;
}

/** A view's snapshot with the channel sequence it is current to; later events apply on top. */
export interface SessionSnapshot<S> {
  seq: number;
  sessions: S[];
}

const disconnectInput = z.object({ key: z.string().regex(/^[1-9][0-9]*:\*[0-9A-Fa-f]+$/, 'not a session key') }).strict();
const listInput = z.object({ routerId: z.number().int().positive().optional(), tenantId: z.number().int().positive().optional() }).strict();

export const sessionInvokes = {
  'sessions.hotspot.list': defineInvoke<SessionSnapshot<HotspotSession>>()({
    input: listInput,
    summary: 'Online hotspot users of the caller’s tenant (optionally one router), with the channel sequence.',
  }),
  'sessions.pppoe.list': defineInvoke<SessionSnapshot<PppoeSession>>()({
    input: listInput,
    summary: 'PPPoE sessions of the caller’s tenant (optionally one router), with the channel sequence.',
  }),
  'sessions.hotspot.disconnect': defineInvoke<{ jobId: number }>()({
    input: disconnectInput,
    summary: 'Queues removing a hotspot session on its router; the row goes when the router confirms.',
  }),
  'sessions.pppoe.disconnect': defineInvoke<{ jobId: number }>()({
    input: disconnectInput,
    summary: 'Queues removing a PPPoE session on its router; the row goes when the router confirms.',
  }),
};

export const sessionEvents = {
  HotspotSessionsChanged: defineEvent<SessionDelta<HotspotSession>>()({
    scope: 'tenant',
    topic: 'sessions.hotspot',
    summary: 'Hotspot sessions started, updated or ended (coalesced: at most one batch per 50 ms).',
  }),
  HotspotDisconnectFailed: defineEvent<DisconnectFailure>()({
    scope: 'tenant',
    topic: 'sessions.hotspot',
    summary: 'A disconnect job gave up; the row stays and the view says why.',
  }),
  PppoeDisconnectFailed: defineEvent<DisconnectFailure>()({
    scope: 'tenant',
    topic: 'sessions.pppoe',
    summary: 'A disconnect job gave up; the row stays and the view says why.',
  }),
  PppoeSessionsChanged: defineEvent<SessionDelta<PppoeSession>>()({
    scope: 'tenant',
    topic: 'sessions.pppoe',
    summary: 'PPPoE sessions started, updated or ended (coalesced: at most one batch per 50 ms).',
  }),
};
