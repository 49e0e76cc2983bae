import { describe, expect, it } from 'vitest';
import { STAFF_RULES, type NotificationSettings, type StaffRuleSettings } from '../../../../main/notifications/contract';
import { formErrors } from './settings-errors';
import { RULES_FIELDS, rulesFieldKey, rulesFormOf, rulesInputOf } from './rules-form';

const rule = (extra: Partial<StaffRuleSettings> = {}): StaffRuleSettings => ({ enabled: true, channels: ['in-app'], ...extra });
const saved: Pick<NotificationSettings, 'rules' | 'groupSeconds'> = {
  rules: { ...Object.fromEntries(STAFF_RULES.map((r) => [r, rule()])), 'router-down': rule({ afterSeconds: 60, channels: ['in-app', 'desktop', 'sms'] }), 'router-cpu-high': rule({ percent: 90, minutes: 5, enabled: false }) } as NotificationSettings['rules'],
  groupSeconds: 30,
};

describe('staff alerts form', () => {
  it('round-trips every rule with its channels and only its own parameters', () => {
    const result = rulesInputOf(rulesFormOf(saved));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.groupSeconds).toBe(30);
    expect(result.input.rules['router-down']).toEqual({ enabled: true, channels: ['in-app', 'desktop', 'sms'], afterSeconds: 60 });
    expect(result.input.rules['router-cpu-high']).toEqual({ enabled: false, channels: ['in-app'], percent: 90, minutes: 5 });
    expect(result.input.rules['payment-unmatched']).toEqual({ enabled: true, channels: ['in-app'] });
  });

  it('reports parameters out of range or not numbers under their rule, and the grouping time', () => {
    const values = rulesFormOf(saved);
    values.rules['router-down'].params.afterSeconds = '5';
    values.rules['router-cpu-high'].params.percent = 'lots';
    values.groupSeconds = '900';
    const result = rulesInputOf(values);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({ 'router-down.afterSeconds': 'at least 10 seconds', 'router-cpu-high.percent': 'a whole number', groupSeconds: 'from 5 to 600 seconds' });
  });

  it('leaves an emptied parameter to the backend’s default', () => {
    const values = rulesFormOf(saved);
    values.rules['router-down'].params.afterSeconds = ' ';
    const result = rulesInputOf(values);
    expect(result.ok && result.input.rules['router-down']).toEqual({ enabled: true, channels: ['in-app', 'desktop', 'sms'] });
  });

  it('places the backend’s refusals under the rule they name', () => {
    const error = { code: 'invalid_input' as const, message: 'bad', details: [{ path: ['rules', 'router-down', 'channels'], message: 'SMS is not set up: set it up under Notification channels first' }] };
    expect(formErrors(error, [], RULES_FIELDS, rulesFieldKey)).toEqual({ fields: { 'router-down.channels': 'SMS is not set up: set it up under Notification channels first' }, form: null });
  });
});
