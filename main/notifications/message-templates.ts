import { priceText } from '../vouchers/card-texts-contract';
import type { TenantSettings } from '../tenants/tenant-settings-contract';
import type { CustomerMessagePayload } from './customer-message-contract';
import type { WebhookChannelSettings } from './settings-contract';

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** `text` with every `{{name}}` replaced by `escape(values[name])`; an unknown or missing one by ''. */
export function fillTemplate(text: string, values: Record<string, string | null | undefined>, escape: (value: string) => string = (v) => v): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => escape(values[name] ?? ''));
}

/** A time as a customer reads it: the tenant's locale and zone (`2 Dec 2026, 21:00`). */
const timeFormats = new Map<string, Intl.DateTimeFormat>();

export function localTime(at: number, tenant: Pick<TenantSettings, 'locale' | 'timeZone'>): string {
  // A formatter is costly to make and every message of a tenant needs the same one.
  const key = `${tenant.locale}|${tenant.timeZone}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tenant.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: tenant.timeZone });
    if (timeFormats.size < 1000) timeFormats.set(key, format);
  }
  return format.format(at);
}

/**
 * The values of a customer message's placeholders (docs/protocol.md, "Notifications"): money in
 * the tenant's locale with the ISO code (`KES 1,500.00`: SMS gateways and old phones show Latin
 * text best), times in its zone. A fact the occasion lacks (no receipt on a reminder) is ''.
 */
export function customerValues(
  facts: CustomerMessagePayload['facts'],
  who: { name: string; planName: string | null },
  tenant: Pick<TenantSettings, 'locale' | 'timeZone' | 'currency' | 'name'>,
): Record<string, string> {
  const currency = facts.currency ?? tenant.currency;
  const money = (minor: number | undefined) => (minor === undefined ? '' : priceText(minor, currency, tenant.locale));
  return {
    name: who.name,
    amount: money(facts.amountMinor),
    balance: money(facts.balanceMinor),
    validUntil: facts.validUntil === null || facts.validUntil === undefined ? '' : localTime(facts.validUntil, tenant),
    plan: facts.planName ?? who.planName ?? '',
    receipt: facts.paymentReference ?? '',
    company: tenant.name,
  };
}

/** A string's JSON-escaped inside (the template supplies the quotes: `"text": "{{message}}"`). */
const jsonInside = (value: string) => JSON.stringify(value).slice(1, -1);

/**
 * A webhook channel's request body: its template with the recipient and message filled in,
 * each value escaped for the body's content type, so a message with quotes or `&` cannot break
 * the JSON or the form.
 */
export function webhookBody(channel: Pick<WebhookChannelSettings, 'bodyTemplate' | 'contentType'>, values: { phone: string; message: string; name: string | null; email?: string | null; chatId?: string | null }): string {
  const escape = channel.contentType === 'application/json' ? jsonInside : encodeURIComponent;
  return fillTemplate(channel.bodyTemplate, { ...values, name: values.name ?? '' }, escape);
}
