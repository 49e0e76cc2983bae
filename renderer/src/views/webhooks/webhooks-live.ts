import type { Result } from '../../../../main/contract/errors';
import type { WebhookDeliverySummary, WebhookSubscriptionSummary } from '../../../../main/webhooks/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { toast } from '../../components/toast-store';
import type { WebhookFields } from './webhook-form';
import { DELIVERIES_SHOWN, resetWebhooksStore, webhooksActions } from './webhooks-store';

const channelOf = (tenantId: number) => `tenant.${tenantId}.webhooks`;

/** The subscriptions: one `webhooks.list`, then the subscription events of `tenant.{id}.webhooks`. */
export function attachWebhooks(tenantId: number): () => void {
  resetWebhooksStore();
  return attachLiveChannel<{ subscriptions: WebhookSubscriptionSummary[] }>({
    channel: channelOf(tenantId),
    fetchSnapshot: () => api.invoke('webhooks.list', {}),
    onSnapshot: (data) => webhooksActions.snapshot(data.subscriptions),
    onEvent: webhooksActions.event,
    onError: webhooksActions.failed,
  });
}

/** One subscription's delivery log while it is open: its snapshot, then WebhookDeliveryUpdated as attempts happen. */
export function attachDeliveries(tenantId: number, subscriptionId: number): () => void {
  webhooksActions.openDeliveries(subscriptionId);
  return attachLiveChannel<{ deliveries: WebhookDeliverySummary[] }>({
    channel: channelOf(tenantId),
    fetchSnapshot: () => api.invoke('webhooks.deliveries', { id: subscriptionId, limit: DELIVERIES_SHOWN }),
    onSnapshot: (data) => webhooksActions.deliveriesSnapshot(subscriptionId, data.deliveries),
    onEvent: webhooksActions.deliveryEvent,
    onError: webhooksActions.deliveriesFailed,
  });
}

/** A receiver as people name it: its host (the path may hold a token). */
export const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** The answer to this person's action; events from other admins change the list silently. */
function answer<T>(result: Result<T>, done: string, attempt: string): Result<T> {
  if (result.ok) toast('ok', done);
  else toast('bad', `could not ${attempt}: ${result.error.message}`);
  return result;
}

/** Field problems are the dialog's to show: no toast for them, only for other refusals. */
function keep<T extends WebhookSubscriptionSummary>(result: Result<T>): Result<T> {
  if (result.ok) webhooksActions.upsert(result.data);
  return result;
}

export async function createWebhook(fields: WebhookFields): Promise<Result<WebhookSubscriptionSummary & { secret: string }>> {
  return keep(await api.invoke('webhooks.create', fields));
}

export async function updateWebhook(id: number, fields: WebhookFields): Promise<Result<WebhookSubscriptionSummary>> {
  return keep(await api.invoke('webhooks.update', { id, ...fields }));
}

export async function rotateWebhookSecret(s: WebhookSubscriptionSummary): Promise<Result<WebhookSubscriptionSummary & { secret: string }>> {
  return answer(keep(await api.invoke('webhooks.rotateSecret', { id: s.id })), `new secret made for ${hostOf(s.url)}: the old one no longer signs`, `make a new secret for ${hostOf(s.url)}`);
}

export async function resumeWebhook(s: WebhookSubscriptionSummary): Promise<Result<WebhookSubscriptionSummary>> {
  return answer(keep(await api.invoke('webhooks.resume', { id: s.id })), `deliveries to ${hostOf(s.url)} resumed`, `resume ${hostOf(s.url)}`);
}

export async function testWebhook(s: WebhookSubscriptionSummary): Promise<Result<WebhookDeliverySummary>> {
  return answer(await api.invoke('webhooks.test', { id: s.id }), `test delivery queued for ${hostOf(s.url)}: see its deliveries`, `send a test to ${hostOf(s.url)}`);
}

export async function deleteWebhook(s: WebhookSubscriptionSummary): Promise<Result<{ id: number }>> {
  const result = await api.invoke('webhooks.delete', { id: s.id });
  if (result.ok) webhooksActions.remove(s.id);
  return answer(result, `webhook to ${hostOf(s.url)} deleted`, `delete the webhook to ${hostOf(s.url)}`);
}
