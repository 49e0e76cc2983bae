import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENTS } from '../../../../main/webhooks/contract';
import { emptyWebhookForm, webhookEventGroups, webhookInputOf } from './webhook-form';

describe('the event webhook form', () => {
  it('reports every field’s problem at once, by the contract’s schema', () => {
    const result = webhookInputOf({ ...emptyWebhookForm(), pauseAfter: 'ten' });
    expect(result).toEqual({
      ok: false,
      errors: { url: 'a full URL such as https://hooks.example.com/noc', events: 'choose at least one event to send', pauseAfter: 'a whole number of failed attempts, 1 to 100' },
    });
    expect(webhookInputOf({ ...emptyWebhookForm(), url: 'https://x.example', events: new Set(['PaymentReceived']), pauseAfter: '101' })).toMatchObject({
      ok: false,
      errors: { pauseAfter: 'pause after 1 to 100 failed attempts in a row' },
    });
  });

  it('sends the chosen events in the allow-list’s order, trimmed', () => {
    const values = { ...emptyWebhookForm(), url: ' https://hooks.example.com/noc ', description: ' ERP ', events: new Set(['RouterStatusChanged', 'PaymentReceived'] as const), pauseAfter: ' 3 ' };
    expect(webhookInputOf(values)).toEqual({
      ok: true,
      input: { url: 'https://hooks.example.com/noc', description: 'ERP', events: ['PaymentReceived', 'RouterStatusChanged'], enabled: true, pauseAfter: 3 },
    });
  });

  it('groups every allowed event once under its topic, routers said to go on a change of state', () => {
    const groups = webhookEventGroups();
    expect(groups.map((g) => g.label)).toEqual(['Payments', 'Subscribers', 'Vouchers', 'Plans', 'Routers']);
    expect(groups.flatMap((g) => g.events.map((e) => e.name)).sort()).toEqual([...WEBHOOK_EVENTS].sort());
    expect(groups.at(-1)!.events[0]!.summary).toMatch(/when its state changes/);
  });
});
