import { events } from '../../../../main/contract';
import { DEFAULT_PAUSE_AFTER, WEBHOOK_EVENTS, webhookCreateInput, type WebhookEventName, type WebhookSubscriptionSummary } from '../../../../main/webhooks/contract';
import { fieldsOfIssues } from '../../components/issue-fields';

export interface WebhookFormValues {
  url: string;
  description: string;
  events: ReadonlySet<WebhookEventName>;
  enabled: boolean;
  /** As typed: checked to be a whole number on submit. */
  pauseAfter: string;
}

export type WebhookField = 'url' | 'description' | 'events' | 'pauseAfter';
export type WebhookFieldErrors = Partial<Record<WebhookField, string>>;
export const WEBHOOK_FIELDS: ReadonlySet<string> = new Set<WebhookField>(['url', 'description', 'events', 'pauseAfter']);

/** What the add and edit dialogs send (a subscription's tenant is the caller's). */
export interface WebhookFields {
  url: string;
  description: string;
  events: WebhookEventName[];
  enabled: boolean;
  pauseAfter: number;
}

export const emptyWebhookForm = (): WebhookFormValues => ({ url: '', description: '', events: new Set(), enabled: true, pauseAfter: String(DEFAULT_PAUSE_AFTER) });

export const webhookFormOf = (s: WebhookSubscriptionSummary): WebhookFormValues => ({
  url: s.url,
  description: s.description,
  events: new Set(s.events),
  enabled: s.enabled,
  pauseAfter: String(s.pauseAfter),
});

/**
 * The form as the invoke's fields, or every field's problem at once, by the contract's own schema
 * (events in the allow-list's order). The URL's outbound rule (HTTPS, or HTTP to this machine) is
 * the backend's: its refusal comes back under `url` (`fieldsOfIssues`).
 */
export function webhookInputOf(values: WebhookFormValues): { ok: true; input: WebhookFields } | { ok: false; errors: WebhookFieldErrors } {
  const pauseText = values.pauseAfter.trim();
  const candidate = {
    url: values.url,
    description: values.description,
    events: WEBHOOK_EVENTS.filter((e) => values.events.has(e)),
    enabled: values.enabled,
    pauseAfter: /^\d{1,4}$/.test(pauseText) ? Number(pauseText) : Number.NaN,
  };
  const parsed = webhookCreateInput.safeParse(candidate);
  if (parsed.success) {
    const { url, description, events: chosen, enabled, pauseAfter } = parsed.data;
    return { ok: true, input: { url, description, events: chosen, enabled, pauseAfter } };
  }
  const errors = fieldsOfIssues<WebhookField>(parsed.error.issues, WEBHOOK_FIELDS);
  if (Number.isNaN(candidate.pauseAfter)) errors.pauseAfter = 'a whole number of failed attempts, 1 to 100';
  return { ok: false, errors };
}

export interface WebhookEventGroup {
  topic: string;
  label: string;
  events: Array<{ name: WebhookEventName; summary: string }>;
}

/** Where a webhook gets an event differently from the channel (the backend's filter). */
const SUMMARY_FOR_WEBHOOKS: Partial<Record<WebhookEventName, string>> = {
  RouterStatusChanged: 'A router went online, degraded, offline or failed its login (sent when its state changes, not for its figures).',
};

const TOPIC_LABELS: Record<string, string> = { payments: 'Payments', subscribers: 'Subscribers', vouchers: 'Vouchers', plans: 'Plans', routers: 'Routers' };

/** The allow-list grouped by the events' topics, in its own order, each with the contract's summary. */
export function webhookEventGroups(): WebhookEventGroup[] {
  const groups = new Map<string, WebhookEventGroup>();
  for (const name of WEBHOOK_EVENTS) {
    const { topic, summary } = events[name];
    let group = groups.get(topic);
    if (!group) groups.set(topic, (group = { topic, label: TOPIC_LABELS[topic] ?? topic[0]!.toUpperCase() + topic.slice(1), events: [] }));
    group.events.push({ name, summary: SUMMARY_FOR_WEBHOOKS[name] ?? summary });
  }
  return [...groups.values()];
}
