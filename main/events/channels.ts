import type { ChannelScope, EventDefinition } from '../contract/define';

/** A channel name taken apart: `app.status`, `system.jobs`, `tenant.12.sessions.hotspot`. */
export type ParsedChannel =
  | { scope: 'app'; topic: string }
  | { scope: 'system'; topic: string }
  | { scope: 'tenant'; tenantId: number; topic: string };

const TOPIC = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;
const TENANT_ID = /^[1-9][0-9]{0,15}$/;

export function parseChannel(name: string): ParsedChannel | null {
  const [scope, ...rest] = name.split('.');
  if (scope === 'app' || scope === 'system') {
    const topic = rest.join('.');
    return TOPIC.test(topic) ? { scope, topic } : null;
  }
  if (scope === 'tenant') {
    const [id, ...topicParts] = rest;
    const topic = topicParts.join('.');
    if (!id || !TENANT_ID.test(id) || !TOPIC.test(topic)) return null;
    return { scope, tenantId: Number(id), topic };
  }
  return null;
}

export function channelName(scope: ChannelScope, topic: string, tenantId?: number): string {
  if (scope === 'tenant') {
    if (tenantId === undefined) throw new Error(`a tenant channel needs a tenant id (topic ${topic})`);
    return `tenant.${tenantId}.${topic}`;
  }
  return `${scope}.${topic}`;
}

export function channelOf(def: EventDefinition, tenantId?: number): string {
  if (def.scope === 'tenant' && tenantId === undefined && def.withoutTenant === 'system') return channelName('system', def.topic);
  return channelName(def.scope, def.topic, tenantId);
}
