import { describe, expect, it } from 'vitest';
import { changedKeys, checkTemplateForm, emptyTemplateForm, templateFieldOf, templateFormErrors, templateFormFrom, type TemplateFormValues } from './template-form';
import { template } from './test-runs';

const hotspotForm = (): TemplateFormValues => {
  const v = emptyTemplateForm();
  return { ...v, name: 'Hotspot site', identity: '{router}-hs', ntpServers: 'pool.ntp.org, 10.0.0.1', hotspotOn: true, hotspot: { ...v.hotspot, walledGarden: 'pay.example.com\n*.mpesa.example', leaseTime: '2h' } };
};

describe('the template editor’s form', () => {
  it('becomes the contract’s template: lists split, sections off are null, the lease time in seconds', () => {
    const { spec, errors } = checkTemplateForm(hotspotForm());
    expect(errors).toEqual({});
    expect(spec).toMatchObject({ name: 'Hotspot site', ntpServers: ['pool.ntp.org', '10.0.0.1'], pppoe: null, apiHardening: null, hotspot: { interface: 'ether2', leaseSeconds: 7200, walledGarden: ['pay.example.com', '*.mpesa.example'], bridgePorts: [] } });
  });

  it('shows every problem at once under its field, list items under their list', () => {
    const v = hotspotForm();
    const { spec, errors } = checkTemplateForm({ ...v, name: ' ', ntpServers: 'pool.ntp.org, not a host!', hotspot: { ...v.hotspot, dnsName: 'bad host!', leaseTime: 'soon' }, pools: [{ name: 'p1', ranges: '10.9.0.9-10.9.0.1' }] });
    expect(spec).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['hotspot.dnsName', 'hotspot.leaseTime', 'name', 'ntpServers', 'pools.0.ranges']);
    expect(errors.name).toBe('give the template a name');
  });

  it('reads a saved template back into the form unchanged', () => {
    const saved = { ...template(1, 'x'), ...checkTemplateForm(hotspotForm()).spec! };
    expect(checkTemplateForm(templateFormFrom(saved)).spec).toEqual(checkTemplateForm(hotspotForm()).spec);
  });

  it('puts the server’s errors under their fields: invalid_input paths and named fields', () => {
    expect(templateFieldOf(['template', 'hotspot', 'walledGarden', 1])).toBe('hotspot.walledGarden');
    expect(templateFieldOf(['template', 'hotspot', 'leaseSeconds'])).toBe('hotspot.leaseTime');
    expect(templateFormErrors({ code: 'invalid_input', message: 'bad', details: [{ path: ['template', 'pppoe', 'interface'], message: 'another interface' }] })).toEqual({ fields: { 'pppoe.interface': 'another interface' }, form: null });
    expect(templateFormErrors({ code: 'invalid_input', message: 'Plan 9 is not one of this tenant’s plans.', details: { fields: { planIds: 'choose plans of this tenant' } } }).fields).toEqual({ planIds: 'choose plans of this tenant' });
    expect(templateFormErrors({ code: 'forbidden', message: 'admins only' })).toEqual({ fields: {}, form: 'admins only' });
  });

  it('clears on a change only the errors of what changed', () => {
    const v = emptyTemplateForm();
    expect(changedKeys('name', 'a', 'b')).toEqual(['name']);
    expect(changedKeys('hotspot', v.hotspot, { ...v.hotspot, address: '10.1.1.1/24' })).toEqual(['hotspot', 'hotspot.address']);
    expect(changedKeys('pools', [], [{ name: '', ranges: '' }])).toEqual(['pools']);
  });
});
