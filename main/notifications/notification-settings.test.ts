import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import { waitForEvent } from '../events/wait-for-event';
import { as, caller, seedPaymentTenants, type Call } from '../payments/payment-fixture';

const SMS = { preset: 'webhook' as const, url: 'https://sms.example.com/send', headers: [{ name: 'Authorization', value: 'Bearer sms-gateway-token-771' }], bodyTemplate: '{"to":"{{phone}}","text":"{{message}}"}', staffRecipients: ['+254700111222'] };

describe('notification settings: defaults, validation, who may change them, secrets sealed', () => {
  let core: TestCore;
  let call: Call;
  beforeEach(async () => {
    core = await startTestCore();
    call = caller(core.services);
    await seedPaymentTenants(core.services, []);
  });
  afterEach(() => core.dispose());

  it('gives a new tenant in-app rules and no external channel', async () => {
    const settings = await call('notifications.settings', {}, as('viewer'));
    expect(settings.channels).toEqual({ email: null, sms: null, whatsapp: null, telegram: null });
    expect(Object.entries(settings.rules).filter(([, r]) => !r.enabled || !r.channels.includes('in-app')).map(([rule]) => rule)).toEqual(['payment-received']);
    expect(settings.rules['router-down']).toMatchObject({ afterSeconds: 120, channels: ['in-app', 'desktop'] });
    expect(settings.rules['router-cpu-high']).toMatchObject({ percent: 90, minutes: 5 });
    expect(settings.quietHours).toEqual({ enabled: false, start: '21:00', end: '07:00' });
    expect(settings.customerMessages['payment-received'].template).toContain('{{amount}}');
    expect(settings.updatedAt).toBeNull();
  });

  it('keeps secrets sealed and out of every read; a value left out keeps the saved one', async () => {
    const changed = waitForEvent(core.services.bus, 'tenant.1.notifications', (e) => e.name === 'NotificationSettingsChanged');
    const saved = await call(
      'notifications.updateSettings',
      { channels: { sms: SMS, email: { host: 'smtp.example.com', port: 587, user: 'noc', password: 'Smtp-Pass-9931', from: 'noc@isp.example', staffRecipients: ['ops@isp.example'] }, telegram: { preset: 'telegram-bot', botToken: '123456789:AAHsecretBotToken_42', chatId: '-1001234567890' } } },
      as('tenant_admin'),
    );
    await changed;
    expect(saved.channels.email).toMatchObject({ passwordSet: true, security: 'starttls', staffRecipients: ['ops@isp.example'] });
    expect(saved.channels.sms).toMatchObject({ headers: [{ name: 'Authorization', valueMasked: '•••-771' }] });
    expect(saved.channels.telegram).toMatchObject({ preset: 'telegram-bot', botTokenSet: true, baseUrl: 'https://api.telegram.org' });
    const everything = JSON.stringify([saved, await call('notifications.settings', {}, as('tenant_admin'))]);
    for (const secret of ['Smtp-Pass-9931', 'sms-gateway-token-771', 'AAHsecretBotToken_42']) expect(everything).not.toContain(secret);
    const row = core.db.prepare('SELECT settings || coalesce(secrets_sealed, \'\') AS text FROM notification_settings WHERE tenant_id = 1').get() as { text: string };
    for (const secret of ['Smtp-Pass-9931', 'sms-gateway-token-771', 'AAHsecretBotToken_42']) expect(row.text).not.toContain(secret);

    // The header and password are not sent again: the saved values stay.
    await call('notifications.updateSettings', { channels: { sms: { ...SMS, headers: [{ name: 'Authorization' }] }, email: { host: 'smtp.example.com', port: 465, security: 'tls', user: 'noc', from: 'noc@isp.example', staffRecipients: ['ops@isp.example'] } } }, as('tenant_admin'));
    const secrets = await core.services.business.read((tx) => tx.notifications.settings.secrets(1));
    expect(secrets).toMatchObject({ emailPassword: 'Smtp-Pass-9931', headers: { sms: { Authorization: 'Bearer sms-gateway-token-771' } }, telegramBotToken: '123456789:AAHsecretBotToken_42' });

    // Other staff read the rules, with recipients masked and gateways by origin only.
    const viewed = await call('notifications.settings', {}, as('operator'));
    expect(viewed.channels.email!.staffRecipients).toEqual(['o***@isp.example']);
    expect(viewed.channels.sms).toMatchObject({ url: 'https://sms.example.com/…', staffRecipients: ['+254700***222'] });
    const audit = (await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 5 }))).filter((e) => e.targetLabel === 'notifications');
    expect(audit[0]).toMatchObject({ action: 'settings.updated', details: { sections: ['channels.email', 'channels.sms'] } });
    expect(JSON.stringify(audit)).not.toContain('Smtp-Pass-9931');
  });

  it('refuses what cannot work, field by field, and saves nothing', async () => {
    const refused = call(
      'notifications.updateSettings',
      {
        channels: {
          email: { host: 'smtp.example.com', port: 25, security: 'none', from: 'noc@isp.example' },
          sms: { ...SMS, url: 'http://sms.example.com/send', headers: [{ name: 'X-Api-Key' }] },
          telegram: { preset: 'telegram-bot', botToken: '123456789:AAHsecretBotToken_42', chatId: '-100123' },
        },
        customerMessages: { reconnected: { enabled: true, template: 'Hi {{name}}', channels: ['telegram'] } },
        quietHours: { enabled: true, start: '22:00', end: '22:00' },
      },
      as('tenant_admin'),
    );
    const { error } = (await refused.then(() => ({ error: null }), (e: { error: { code: string; details: Array<{ path: string[]; message: string }> } }) => e)) as { error: { code: string; details: Array<{ path: string[]; message: string }> } };
    expect(error.code).toBe('invalid_input');
    const byField = Object.fromEntries(error.details.map((d) => [d.path.join('.'), d.message]));
    expect(byField).toMatchObject({
      'channels.email.security': expect.stringContaining('use TLS or STARTTLS'),
      'channels.sms.url': expect.stringContaining('https://'),
      'channels.sms.headers.0.value': 'enter the value of header X-Api-Key (none is saved)',
      'customerMessages.reconnected.channels': expect.stringContaining('cannot reach customers'),
      'quietHours.end': expect.stringContaining('after the start'),
    });
    // The schema's own messages: an unknown placeholder and a body without the message.
    await expect(call('notifications.updateSettings', { customerMessages: { expired: { enabled: true, template: 'Hi {{nmae}}', channels: ['sms'] } } }, as('tenant_admin'))).rejects.toMatchObject({
      error: { code: 'invalid_input', message: expect.stringContaining('unknown placeholder {{nmae}}: use {{name}}') },
    });
    await expect(call('notifications.updateSettings', { channels: { sms: { ...SMS, bodyTemplate: '{"to":"{{phone}}"}' } } }, as('tenant_admin'))).rejects.toMatchObject({
      error: { message: expect.stringContaining('the body needs {{message}}') },
    });
    expect((await call('notifications.settings', {}, as('tenant_admin'))).updatedAt).toBeNull();
  });

  it('lets only admins change settings, send tests and read the delivery log', async () => {
    for (const role of ['viewer', 'operator'] as const) {
      await expect(call('notifications.updateSettings', { groupSeconds: 60 }, as(role))).rejects.toMatchObject({ error: { code: 'forbidden' } });
      await expect(call('notifications.test', { channel: 'sms' }, as(role))).rejects.toMatchObject({ error: { code: 'forbidden' } });
      await expect(call('notifications.deliveries', {}, as(role))).rejects.toMatchObject({ error: { code: 'forbidden' } });
    }
    // A tenant admin changes their own tenant only; a system admin names one.
    await expect(call('notifications.updateSettings', { tenantId: 2, groupSeconds: 60 }, as('tenant_admin'))).rejects.toMatchObject({ error: { code: 'forbidden' } });
    await call('notifications.updateSettings', { tenantId: 2, groupSeconds: 60 }, as('system_admin', null));
    expect((await call('notifications.settings', {}, as('viewer', 2))).groupSeconds).toBe(60);
    expect((await call('notifications.settings', {}, as('viewer', 1))).groupSeconds).toBe(30);
    await expect(call('notifications.test', { channel: 'sms' }, as('tenant_admin'))).rejects.toMatchObject({ error: { code: 'conflict', message: expect.stringContaining('sms is not set up') } });
  });
});
