import { describe, expect, it } from 'vitest';
import type { RouterSummary } from '../../../../main/routers/contract';
import { checkRouterForm, emptyRouterForm, endpointChanges, routerAddInput, routerFormErrors, routerFormFrom, routerUpdateInput } from './router-form';

const router: RouterSummary = {
  id: 3,
  tenantId: 1,
  name: 'hq-1',
  host: '10.0.0.1',
  port: 8729,
  tls: 'pin',
  tlsCa: '',
  tlsFingerprint: 'AB:CD',
  tlsOfferedFingerprint: null,
  username: 'api',
  hasPassword: true,
  site: 'HQ',
  notes: '',
  encoding: 'utf-8',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  status: { state: 'online', identity: 'HQ', board: 'RB5009', version: '7.16', uptimeSeconds: 100, cpuLoad: 3, memoryUsedPercent: 20, lastSeenAt: null, lastError: null },
};

describe('router form', () => {
  it('builds an add input with a numeric port, and the tenant only when given', () => {
    const values = { ...emptyRouterForm(), name: 'hq-2', host: 'r2.example.net', username: 'api', password: 'pw' };
    expect(routerAddInput(values, null)).toEqual({ name: 'hq-2', host: 'r2.example.net', port: 8729, tls: 'pin', tlsCa: '', username: 'api', password: 'pw', site: '', notes: '', encoding: 'utf-8' });
    expect(routerAddInput(values, 4)).toMatchObject({ tenantId: 4 });
  });

  it('sends only changed fields on edit, and the password only when typed', () => {
    const values = routerFormFrom(router);
    expect(values.password).toBe('');
    expect(routerUpdateInput(values, router)).toEqual({ id: 3 });
    expect(routerUpdateInput({ ...values, port: '8728', tls: 'off', password: 'new' }, router)).toEqual({ id: 3, port: 8728, tls: 'off', password: 'new' });
  });

  it('asks for the password again when the address, port, user or TLS changes, and only then', () => {
    const values = routerFormFrom(router);
    expect(checkRouterForm({ ...values, site: 'Depot', notes: 'moved rack' }, router)).toEqual({});
    for (const change of [{ host: '10.9.9.9' }, { port: '9999' }, { username: 'other' }, { tls: 'anonymous' as const }, { tls: 'verify-ca' as const, tlsCa: '-----BEGIN CERTIFICATE-----x-----END CERTIFICATE-----' }]) {
      expect(checkRouterForm({ ...values, ...change }, router).password, JSON.stringify(change)).toMatch(/enter the password again/);
      expect(checkRouterForm({ ...values, ...change, password: 'typed' }, router)).toEqual({});
    }
    expect(endpointChanges({ ...values, port: '9999', username: 'x' }, router)).toEqual(['port', 'username']);
    expect(endpointChanges({ ...values, host: '10.9.9.9' }, null)).toEqual([]);
  });

  const filled = { ...emptyRouterForm(), name: 'hq-2', host: '10.0.0.2', username: 'api', password: 'pw' };

  it('rejects a port that is not a number in range before sending', () => {
    expect(checkRouterForm({ ...filled, port: 'abc' })).toEqual({ port: expect.stringMatching(/1 to 65535/) });
    expect(checkRouterForm({ ...filled, port: '70000' }).port).toBeDefined();
    expect(checkRouterForm(filled)).toEqual({});
  });

  it('reports every field at once, not one after the other', () => {
    const errors = checkRouterForm({ ...emptyRouterForm(), host: 'not a host!', port: 'x', tls: 'verify-ca' });
    expect(errors).toEqual({
      name: 'give the router a name',
      host: 'not an IP address or host name',
      port: expect.stringMatching(/1 to 65535/),
      username: 'enter the API user',
      password: 'enter the API user’s password',
      tlsCa: expect.stringMatching(/CA certificate/),
    });
  });

  it('needs a password for a new router; on edit an empty one keeps the stored password', () => {
    expect(checkRouterForm({ ...filled, password: '' }).password).toBe('enter the API user’s password');
    expect(checkRouterForm(routerFormFrom(router), router)).toEqual({});
  });

  it('puts invalid_input issues under their fields', () => {
    const result = routerFormErrors({
      code: 'invalid_input',
      message: 'invalid input for routers.add: name: give the router a name; host: not an IP address or host name',
      details: [
        { path: ['name'], message: 'give the router a name' },
        { path: ['host'], message: 'not an IP address or host name' },
      ],
    });
    expect(result).toEqual({ fields: { name: 'give the router a name', host: 'not an IP address or host name' }, form: null });
  });

  it('puts conflict details.fields under their fields', () => {
    const result = routerFormErrors({ code: 'conflict', message: 'a router named "hq-1" already exists in this tenant', details: { fields: { name: 'already used in this tenant' } } });
    expect(result).toEqual({ fields: { name: 'already used in this tenant' }, form: null });
  });

  it('keeps errors that name no field as the form message', () => {
    expect(routerFormErrors({ code: 'forbidden', message: 'your role (viewer) may not use routers.add' })).toEqual({ fields: {}, form: 'your role (viewer) may not use routers.add' });
    expect(routerFormErrors({ code: 'invalid_input', message: 'bad', details: [{ path: [], message: 'x' }] }).form).toBe('bad');
  });
});
