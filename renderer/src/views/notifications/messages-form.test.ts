import { describe, expect, it } from 'vitest';
import type { CustomerMessageSettings, NotificationSettings } from '../../../../main/notifications/contract';
import { exampleValues, previewMessage } from './message-preview';
import { formErrors } from './settings-errors';
import { MESSAGES_FIELDS, messagesFieldKey, messagesFormOf, messagesInputOf } from './messages-form';

const message = (template: string, extra: Partial<CustomerMessageSettings> = {}): CustomerMessageSettings => ({ enabled: true, template, subject: '', channels: ['sms'], ...extra });
const saved: Pick<NotificationSettings, 'customerMessages' | 'quietHours'> = {
  customerMessages: {
    'payment-received': message('Hi {{name}}, we got {{amount}} ({{receipt}}). Valid until {{validUntil}}.', { subject: 'Payment {{receipt}}', channels: ['sms', 'email'] }),
    'expiry-reminder': message('{{name}}, your {{plan}} ends {{validUntil}}.'),
    expired: message('{{name}}, your {{plan}} has ended. Pay to reconnect.'),
    reconnected: message('{{name}}, you are back online until {{validUntil}}.', { enabled: false }),
  },
  quietHours: { enabled: true, start: '21:00', end: '07:00' },
};

describe('customer messages form', () => {
  it('round-trips the four messages and the quiet hours', () => {
    expect(messagesInputOf(messagesFormOf(saved))).toEqual({ ok: true, input: { customerMessages: saved.customerMessages, quietHours: saved.quietHours } });
  });

  it('reports a placeholder typo, an empty message and a time that is not HH:MM, each under its field', () => {
    const values = messagesFormOf(saved);
    values.messages.expired.template = '{{nmae}}, renew now';
    values.messages.reconnected.template = '  ';
    values.messages['payment-received'].subject = 'Paid {{amout}}';
    values.quietHours.end = '7am';
    const result = messagesInputOf(values);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['expired.template', 'payment-received.subject', 'quietHours.end', 'reconnected.template']);
    expect(result.errors['expired.template']).toMatch(/unknown placeholder \{\{nmae\}\}/);
  });

  it('places the backend’s refusals under the message and field they name', () => {
    const error = { code: 'invalid_input' as const, message: 'bad', details: [{ path: ['customerMessages', 'expired', 'channels'], message: 'WhatsApp is not set up' }, { path: ['quietHours', 'start'], message: 'a local time such as 21:00' }] };
    expect(formErrors(error, [], MESSAGES_FIELDS, messagesFieldKey).fields).toEqual({ 'expired.channels': 'WhatsApp is not set up', 'quietHours.start': 'a local time such as 21:00' });
  });
});

describe('message preview', () => {
  const values = { name: 'Jane Doe', amount: 'KSh 500.00', balance: 'KSh 0.00', validUntil: '2 Jan 2027, 10:00', plan: '30 Days', receipt: 'QK71ABC2XY', company: 'Alpha Net' };

  it('fills every placeholder, spaces inside the braces too, and leaves an unknown one as typed', () => {
    expect(previewMessage('Hi {{ name }}, {{amount}} received ({{receipt}}) — {{company}}. {{nmae}}', values)).toBe('Hi Jane Doe, KSh 500.00 received (QK71ABC2XY) — Alpha Net. {{nmae}}');
    expect(previewMessage('{{constructor}} {{toString}}', values)).toBe('{{constructor}} {{toString}}');
  });

  it('words money and time like the sent messages: ISO code in the tenant’s locale, its zone', () => {
    const at = Date.UTC(2026, 11, 2, 18, 0);
    const kenya = exampleValues({ name: 'Alpha Net', locale: 'en-KE', timeZone: 'Africa/Nairobi', currency: 'KES' }, at);
    expect(kenya).toMatchObject({ amount: expect.stringMatching(/^KES\s500\.00$/), balance: expect.stringMatching(/^KES\s20\.00$/), validUntil: '1 Jan 2027, 21:00', company: 'Alpha Net' });
    expect(exampleValues({ name: 'Yen Net', locale: 'ja-JP', timeZone: 'Asia/Tokyo', currency: 'JPY' }, at).amount).toMatch(/JPY\s?50,000/);
  });
});
