import { describe, expect, it } from 'vitest';
import { emailFormOf, emailInputOf } from './email-form';
import { formErrors } from './settings-errors';
import { headerRow, webhookFieldKey, webhookFields, webhookFormOf, webhookInputOf } from './webhook-form';

const savedEmail = { host: 'smtp.example.com', port: 465, security: 'tls' as const, user: 'noc', passwordSet: true, from: 'noc@example.com', staffRecipients: ['a@example.com', 'b@example.com'] };

describe('email channel form', () => {
  it('shows the saved channel without its password and keeps the password when it is not replaced', () => {
    const values = emailFormOf(savedEmail);
    expect(values.password).toEqual({ set: true, replacement: '', remove: false });
    expect(values.staffRecipients).toBe('a@example.com\nb@example.com');
    expect(emailInputOf(values)).toEqual({ ok: true, input: { host: 'smtp.example.com', port: 465, security: 'tls', user: 'noc', from: 'noc@example.com', staffRecipients: ['a@example.com', 'b@example.com'] } });
  });

  it('sends a replacement, or null to remove the saved password', () => {
    const values = emailFormOf(savedEmail);
    expect(emailInputOf({ ...values, password: { ...values.password, replacement: 's3cret' } })).toMatchObject({ ok: true, input: { password: 's3cret' } });
    expect(emailInputOf({ ...values, password: { ...values.password, remove: true } })).toMatchObject({ ok: true, input: { password: null } });
    // Nothing saved, nothing to remove: the field stays out.
    const blank = emailFormOf(null);
    const result = emailInputOf({ ...blank, host: 'mail', from: 'x@example.com', password: { set: false, replacement: '', remove: true } });
    expect(result.ok && 'password' in result.input).toBe(false);
  });

  it('reports every field at once: host, port, sender and a bad staff address', () => {
    const result = emailInputOf({ ...emailFormOf(null), port: 'seventy', from: 'noc', staffRecipients: 'ok@example.com, not-an-address' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(['from', 'host', 'port', 'staffRecipients']);
      expect(result.errors.port).toMatch(/465 for TLS, 587 for STARTTLS/);
    }
  });
});

describe('webhook channel form', () => {
  const saved = { preset: 'webhook' as const, url: 'https://sms.example.com/send', headers: [{ name: 'Authorization', valueMasked: '•••9f2a' }], contentType: 'application/json' as const, bodyTemplate: '{"to":"{{phone}}","text":"{{message}}"}', staffRecipients: ['+254712000111'] };

  it('keeps a saved header’s sealed value unless replaced, and needs a value for a new or renamed header', () => {
    const values = webhookFormOf('sms', saved);
    expect(webhookInputOf(values)).toEqual({ ok: true, input: { preset: 'webhook', url: saved.url, headers: [{ name: 'Authorization' }], contentType: 'application/json', bodyTemplate: saved.bodyTemplate, staffRecipients: ['+254712000111'] } });
    const renamed = { ...values, headers: [{ ...values.headers[0]!, name: 'X-Api-Key' }, headerRow('X-Tenant')] };
    const result = webhookInputOf(renamed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['headers.0.value', 'headers.1.value']);
    const replaced = { ...values, headers: [{ ...values.headers[0]!, value: { ...values.headers[0]!.value, replacement: 'Bearer abc' } }] };
    expect(webhookInputOf(replaced)).toMatchObject({ ok: true, input: { headers: [{ name: 'Authorization', value: 'Bearer abc' }] } });
  });

  it('refuses a missing URL, a typo in a placeholder (so no {{message}}) and a header the console sets', () => {
    const values = { ...webhookFormOf('sms', null), url: ' ', bodyTemplate: '{"to":"{{phnoe}}"}', headers: [{ ...headerRow('Host'), value: { set: false, replacement: 'x', remove: false } }] };
    const result = webhookInputOf(values);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(['bodyTemplate', 'headers.0.name', 'url']);
      expect(result.errors.url).toMatch(/a full URL/);
      expect(result.errors.bodyTemplate).toMatch(/phnoe/);
    }
  });

  it('offers an example body per channel and the Telegram bot preset with its token write-only', () => {
    expect(webhookFormOf('telegram', null).bodyTemplate).toContain('{{chatId}}');
    const bot = webhookFormOf('telegram', { preset: 'telegram-bot', baseUrl: 'https://api.telegram.org', botTokenSet: true, chatId: '-1001234567890' });
    expect(bot.botToken).toEqual({ set: true, replacement: '', remove: false });
    expect(webhookInputOf(bot)).toEqual({ ok: true, input: { preset: 'telegram-bot', baseUrl: 'https://api.telegram.org', chatId: '-1001234567890' } });
    const fresh = { ...webhookFormOf('telegram', null), chatId: 'group' };
    expect(fresh.preset).toBe('telegram-bot');
    expect(webhookFormOf('sms', null).preset).toBe('webhook');
    const result = webhookInputOf(fresh);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['botToken', 'chatId']);
  });

  it('puts the backend’s refusals under the fields of this channel, and the message above when none is named', () => {
    const values = webhookFormOf('sms', saved);
    const issues = [
      { path: ['channels', 'sms', 'headers', 0, 'value'], message: 'enter the header value' },
      { path: ['channels', 'sms', 'url'], message: 'use https://' },
      { path: ['channels', 'email', 'host'], message: 'not this form' },
    ];
    expect(formErrors({ code: 'invalid_input', message: 'bad', details: issues }, ['channels', 'sms'], webhookFields(values), webhookFieldKey)).toEqual({
      fields: { 'headers.0.value': 'enter the header value', url: 'use https://' },
      form: null,
    });
    expect(formErrors({ code: 'invalid_input', message: 'bad', details: { fields: { 'channels.sms.bodyTemplate': 'needs {{message}}' } } }, ['channels', 'sms'], webhookFields(values), webhookFieldKey).fields).toEqual({ bodyTemplate: 'needs {{message}}' });
    expect(formErrors({ code: 'forbidden', message: 'your role (viewer) may not use notifications.updateSettings' }, ['channels', 'sms'], webhookFields(values))).toEqual({ fields: {}, form: 'your role (viewer) may not use notifications.updateSettings' });
  });
});
