import { randomBytes, randomUUID } from 'node:crypto';
import type { BusinessTx } from '../business/business-tx';
import type { Session, SessionUser } from '../auth/session';
import { readScope, writeTenant } from '../auth/tenant-scope';
import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import { maskEmailsIn, maskIdentifier } from '../events/mask';
import { WEBHOOK_PROVIDERS, type WebhookSettings, type paymentInvokes } from './contract';
import { importStatement } from './csv-import';
import type { PaymentRecord } from './payment-repository';
import { creditLedger, recordPayment } from './payment-recording';
import type { PaymentServices } from './payment-services';
import { maskedPayment, paymentFor } from './payment-summary';

const actor = (user: SessionUser | null) => (user ? { id: user.id, username: user.username } : null);
const label = (p: PaymentRecord) => `${p.provider} ${p.reference}`;

async function requirePayment(tx: BusinessTx, session: Session, id: number): Promise<PaymentRecord> {
  const payment = await tx.payments.get(readScope(session), id);
  if (!payment) throw new DomainError('not_found', `Payment ${id} does not exist in your tenant.`);
  return payment;
}

async function requireSubscriber(tx: BusinessTx, tenantId: number, id: number) {
  const subscriber = await tx.subscribers.get(tenantId, id);
  if (!subscriber) throw new DomainError('not_found', `Subscriber ${id} does not exist in this tenant.`, { fields: { subscriberId: 'choose one of the tenant’s subscribers' } });
  return subscriber;
}

async function webhookSettings(tx: BusinessTx, tenantId: number): Promise<WebhookSettings> {
  const secret = await tx.paymentSettings.webhookSecret(tenantId);
  const paths = Object.fromEntries(WEBHOOK_PROVIDERS.map((p) => [p, `/hooks/payments/${tenantId}/${p}`])) as WebhookSettings['paths'];
  return { configured: secret !== null, rotatedAt: secret ? new Date(secret.rotatedAt).toISOString() : null, paths };
}

export const paymentHandlers: DomainHandlers<keyof typeof paymentInvokes, Pick<PaymentServices, 'business' | 'bus'>> = {
  'payments.list': ({ tenantId, limit, ...filter }, { services, session }) =>
    services.business.read(async (tx) => ({ payments: (await tx.payments.list(readScope(session) ?? tenantId ?? null, { ...filter, limit })).map((p) => paymentFor(session, p)) })),

  'payments.unmatched': ({ tenantId, limit }, { services, session }) =>
    services.business.read(async (tx) => ({ payments: (await tx.payments.list(readScope(session) ?? tenantId ?? null, { state: 'unmatched', limit })).map((p) => paymentFor(session, p)) })),

  'payments.record': ({ tenantId, subscriberId, provider, reference, amountMinor, payerPhone, receivedAt }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    return services.business.run(async (tx) => {
      const subscriber = await requireSubscriber(tx, tenant, subscriberId);
      const { currency } = await tx.tenants.settings(tenant);
      const now = Date.now();
      const by = session.user?.username ?? null;
      const incoming = { tenantId: tenant, provider, reference: reference ?? `cash-${randomUUID()}`, amountMinor, currency, payerPhone, payerName: null, accountReference: null, receivedAt: receivedAt ? Date.parse(receivedAt) : now, source: 'manual' as const, recordedBy: by, subscriberId };
      let { payment, duplicate } = await recordPayment(tx, services.bus, incoming, now);
      // The receipt came in unmatched (a webhook with a mistyped account): typing it for a subscriber assigns it.
      if (duplicate && payment.state === 'unmatched') {
        payment = await tx.payments.setState(payment.id, 'matched', subscriber.id);
        await creditLedger(tx, payment, by);
        const assigned = maskedPayment(payment);
        tx.afterCommit(() => services.bus.publish('PaymentAssigned', assigned, tenant));
        duplicate = false;
      }
      if (!duplicate) {
        await tx.audit.record({ at: now, tenantId: tenant, actor: actor(session.user), action: 'payment.recorded', target: { type: 'payment', id: payment.id, label: label(payment) }, details: { subscriberId, amountMinor, currency } });
      }
      return { ...paymentFor(session, payment), duplicate };
    });
  },

  'payments.assign': ({ id, subscriberId }, { services, session }) =>
    services.business.run(async (tx) => {
      const before = await requirePayment(tx, session, id);
      if (before.state !== 'unmatched') throw new DomainError('conflict', `Payment ${before.reference} is ${before.state}, not waiting for a subscriber: only unmatched payments are assigned.`);
      await requireSubscriber(tx, before.tenantId, subscriberId);
      const payment = await tx.payments.setState(id, 'matched', subscriberId);
      await creditLedger(tx, payment, session.user?.username ?? null);
      await tx.audit.record({ at: Date.now(), tenantId: payment.tenantId, actor: actor(session.user), action: 'payment.assigned', target: { type: 'payment', id, label: label(payment) }, details: { subscriberId } });
      const event = maskedPayment(payment);
      tx.afterCommit(() => services.bus.publish('PaymentAssigned', event, payment.tenantId));
      return paymentFor(session, payment);
    }),

  'payments.reverse': ({ id, reason }, { services, session }) =>
    services.business.run(async (tx) => {
      const before = await requirePayment(tx, session, id);
      if (before.state === 'reversed') throw new DomainError('conflict', `Payment ${before.reference} is reversed already.`);
      const by = session.user?.username ?? null;
      const note = maskEmailsIn(reason);
      if (before.subscriberId !== null) {
        await tx.ledger.append(
          { tenantId: before.tenantId, subscriberId: before.subscriberId, kind: 'reversal', amountMinor: -before.amountMinor, currency: before.currency, paymentId: id, note, by },
          Date.now(),
        );
      }
      const payment = await tx.payments.setState(id, 'reversed', before.subscriberId);
      await tx.audit.record({
        at: Date.now(), tenantId: payment.tenantId, actor: actor(session.user), action: 'payment.reversed', target: { type: 'payment', id, label: label(payment) },
        details: { reason: note, amountMinor: payment.amountMinor, currency: payment.currency, subscriberId: payment.subscriberId, was: before.state },
      });
      const event = maskedPayment(payment);
      tx.afterCommit(() => services.bus.publish('PaymentReversed', event, payment.tenantId));
      return paymentFor(session, payment);
    }),

  'payments.ledger': ({ subscriberId }, { services, session }) =>
    services.business.read(async (tx) => {
      const subscriber = await tx.subscribers.get(readScope(session), subscriberId);
      if (!subscriber) throw new DomainError('not_found', `Subscriber ${subscriberId} does not exist in your tenant.`);
      const { currency } = await tx.tenants.settings(subscriber.tenantId);
      const entries = await tx.ledger.entries(subscriber.tenantId, subscriberId);
      return { subscriberId, currency, entries, balanceMinor: await tx.ledger.balance(subscriber.tenantId, subscriberId) };
    }),

  'payments.importCsv': ({ tenantId, csv, provider, mapping, dryRun }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    const request = { tenantId: tenant, csv, provider, mapping, dryRun, by: session.user?.username ?? null };
    // A preview only reads; an import is one transaction, the whole file or nothing.
    if (dryRun) return services.business.read((tx) => importStatement(tx, services.bus, request));
    return services.business.run(async (tx) => {
      const result = await importStatement(tx, services.bus, request);
      await tx.audit.record({ at: Date.now(), tenantId: tenant, actor: actor(session.user), action: 'payments.imported', details: { provider, rows: result.rows.length, ...result.counts, imported: result.imported } });
      return result;
    });
  },

  'payments.webhookSettings': ({ tenantId }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    return services.business.read(async (tx) => {
      await tx.tenants.settings(tenant);
      return webhookSettings(tx, tenant);
    });
  },

  'payments.rotateWebhookSecret': ({ tenantId }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    return services.business.run(async (tx) => {
      await tx.tenants.settings(tenant);
      const secret = randomBytes(32).toString('hex');
      await tx.paymentSettings.setWebhookSecret(tenant, secret, Date.now());
      await tx.audit.record({ at: Date.now(), tenantId: tenant, actor: actor(session.user), action: 'payments.webhook_secret_rotated' });
      return { ...(await webhookSettings(tx, tenant)), secret };
    });
  },

  'payments.adjust': ({ tenantId, subscriberId, amountMinor, note }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    return services.business.run(async (tx) => {
      const subscriber = await requireSubscriber(tx, tenant, subscriberId);
      const { currency } = await tx.tenants.settings(tenant);
      const now = Date.now();
      const by = session.user?.username ?? null;
      // Viewers read the ledger too: an email typed into the reason is kept masked, as reversals do.
      const reason = maskEmailsIn(note);
      const entry = await tx.ledger.append({ tenantId: tenant, subscriberId, kind: 'adjustment', amountMinor, currency, paymentId: null, note: reason, by }, now);
      const balanceMinor = await tx.ledger.balance(tenant, subscriberId);
      await tx.audit.record({
        at: now, tenantId: tenant, actor: actor(session.user), action: 'ledger.adjusted', target: { type: 'subscriber', id: subscriberId, label: maskIdentifier(subscriber.username) },
        details: { amountMinor, currency, note: reason, balanceMinor, entryId: entry.id },
      });
      const event = { subscriberId, entryId: entry.id, amountMinor, currency, balanceMinor, by: by === null ? null : maskIdentifier(by) };
      tx.afterCommit(() => services.bus.publish('LedgerAdjusted', event, tenant));
      return { entry, balanceMinor, currency };
    });
  },
};
