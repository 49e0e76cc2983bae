import { describe, expect, it } from 'vitest';
import { channelName, parseChannel } from './channels';

describe('channel names', () => {
  it('parses the three scopes', () => {
    expect(parseChannel('app.status')).toEqual({ scope: 'app', topic: 'status' });
    expect(parseChannel('system.jobs')).toEqual({ scope: 'system', topic: 'jobs' });
    expect(parseChannel('tenant.12.sessions.hotspot')).toEqual({ scope: 'tenant', tenantId: 12, topic: 'sessions.hotspot' });
  });

  it('rejects forged or malformed names', () => {
    for (const bad of ['', 'tenant', 'tenant.x.jobs', 'tenant.0.jobs', 'tenant.01.jobs', 'tenant.1', 'tenant.1.', 'tenant.-1.jobs', 'other.jobs', 'system.', 'system.Jobs', 'app.status..x', 'tenant.1.jobs ']) {
      expect(parseChannel(bad), bad).toBeNull();
    }
  });

  it('builds names that parse back', () => {
    expect(parseChannel(channelName('tenant', 'users', 7))).toEqual({ scope: 'tenant', tenantId: 7, topic: 'users' });
    expect(() => channelName('tenant', 'users')).toThrow(/needs a tenant id/);
  });
});
