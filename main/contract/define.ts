import type { z } from 'zod';

/**
 * One invoke of the contract: its input schema (validated at the boundary) and, as a
 * phantom type, its result. The result type never exists at run time.
 */
export interface InvokeDefinition<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly summary: string;
  readonly __output?: O;
}

export function defineInvoke<O>() {
  return <I extends z.ZodType>(def: { input: I; summary: string }): InvokeDefinition<I, O> => def;
}

/**
 * Where an event is published: `app.{topic}` (anyone connected), `system.{topic}` (system
 * admins) or `tenant.{tenantId}.{topic}` (that tenant's users).
 */
export type ChannelScope = 'app' | 'system' | 'tenant';

export interface EventDefinition<P = unknown> {
  readonly scope: ChannelScope;
  readonly topic: string;
  /**
   * For a tenant-scoped event: published without a tenant id, it goes to `system.{topic}`
   * (e.g. jobs of no tenant, and the all-tenants view system admins see). Without this, a
   * tenant event with no tenant id is a programming error.
   */
  readonly withoutTenant?: 'system';
  readonly summary: string;
  readonly __payload?: P;
}

export function defineEvent<P>() {
  return (def: { scope: ChannelScope; topic: string; summary: string; withoutTenant?: 'system' }): EventDefinition<P> => def;
}
