import { DomainError } from '../contract/errors';
import type { TenantSettings } from '../tenants/tenant-settings-contract';
import { WEBHOOK_PROVIDERS, type WebhookProvider } from './contract';
import { PaymentIntake } from './payment-intake';
import type { PaymentServices } from './payment-services';
import { RejectionThrottle } from './rejection-throttle';
import { checkWebhookSignature } from './webhook-signature';
import { parseWebhookBody } from './webhook-payloads';

export interface WebhookRequest {
  tenantId: number;
  provider: string;
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer;
  /** The sender's address, for the audit of a refused request. */
  remoteAddress: string | undefined;
}

export interface WebhookReply {
  status: number;
  body: { ok: true; paymentId: number; duplicate: boolean } | { ok: false; error: string };
}

const refuse = (status: number, error: string): WebhookReply => ({ status, body: { ok: false, error } });
const isProvider = (name: string): name is WebhookProvider => (WEBHOOK_PROVIDERS as readonly string[]).includes(name);

/**
 * Payment webhooks, host-agnostic (the headless host routes `POST /hooks/payments/{tenantId}/{provider}`
 * here): verified with the tenant's secret, parsed by the provider's shape, recorded once per
 * receipt, and answered 200 only once the payment is committed to disk.
 */
export function paymentWebhook(services: PaymentServices, clock: () => number = Date.now): (request: WebhookRequest) => Promise<WebhookReply> {
  const intake = new PaymentIntake(services);
  const rejections = new RejectionThrottle();
  // Tenant settings are read and validated whole (Intl checks of zone, locale, currency): once per
  // tenant, dropped when they change, rather than per payment.
  const tenants = new Map<number, TenantSettings>();
  services.bus.on('TenantSettingsChanged', (settings) => tenants.delete(settings.tenantId));
  const tenantSettings = async (tenantId: number) =>
    tenants.get(tenantId) ?? tenants.set(tenantId, await services.business.read((tx) => tx.tenants.settings(tenantId))).get(tenantId)!;
  return async (request) => {
    const { tenantId, provider } = request;
    if (!isProvider(provider)) return refuse(404, `unknown provider '${provider.slice(0, 40)}': use ${WEBHOOK_PROVIDERS.join(' or ')}`);
    // One answer for an unknown tenant and one without a secret: the endpoint does not tell which tenants exist.
    const secret = await services.business.read((tx) => tx.paymentSettings.webhookSecret(tenantId));
    if (secret === null) return refuse(404, 'payment webhooks are not set up for this tenant: an admin makes a secret in Payments → Webhook');
    const problem = checkWebhookSignature(secret.secret, request.timestamp, request.signature, request.body, clock());
    if (problem !== null) {
      const admitted = rejections.admit(tenantId, clock());
      if (admitted) {
        const details = { provider, reason: problem, from: request.remoteAddress ?? null, bytes: request.body.length, ...(admitted.unrecordedBefore > 0 ? { unrecordedBefore: admitted.unrecordedBefore } : {}) };
        await services.business.run((tx) => tx.audit.record({ at: clock(), tenantId, actor: null, action: 'payments.webhook_rejected', details }));
      }
      return refuse(401, problem);
    }
    let json: unknown;
    try {
      json = JSON.parse(request.body.toString('utf8'));
    } catch {
      return refuse(400, 'the body is not JSON');
    }
    const tenant = await tenantSettings(tenantId);
    const parsed = parseWebhookBody(provider, json, tenant);
    if (!parsed.ok) return refuse(400, parsed.message);
    try {
      const { payment, duplicate } = await intake.submit(parsed.payment);
      return { status: 200, body: { ok: true, paymentId: payment.id, duplicate } };
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'internal') return refuse(400, error.message);
      services.log.error('payment webhook not recorded', { tenantId, provider, error: String(error) });
      return refuse(500, 'the payment was not recorded: send it again');
    }
  };
}
