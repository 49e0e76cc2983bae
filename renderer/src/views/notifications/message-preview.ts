import type { CUSTOMER_PLACEHOLDERS } from '../../../../main/notifications/contract';
import type { TenantSettings } from '../../../../main/tenants/tenant-settings-contract';
import { priceText } from '../../../../main/vouchers/card-texts-contract';

export type CustomerPlaceholder = (typeof CUSTOMER_PLACEHOLDERS)[number];

// The contract's placeholder syntax (settings-contract.ts): `{{name}}`, spaces allowed inside.
const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/**
 * Example values as the tenant's customers would read them, worded like the messages sent
 * (main/notifications/message-templates.ts): money with the ISO code in the tenant's locale
 * (`KES 500.00`, the shared priceText), the time in its locale and zone, medium date and short time.
 */
export function exampleValues(tenant: Pick<TenantSettings, 'name' | 'locale' | 'timeZone' | 'currency'> | null, now: number): Record<CustomerPlaceholder, string> {
  const locale = tenant?.locale ?? 'en';
  const currency = tenant?.currency ?? 'USD';
  const validUntil = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(tenant ? { timeZone: tenant.timeZone } : {}) }).format(now + 30 * 86_400_000);
  return { name: 'Jane Doe', amount: priceText(50_000, currency, locale), balance: priceText(2_000, currency, locale), validUntil, plan: '30 Days 10 Mbps', receipt: 'QK71ABC2XY', company: tenant?.name ?? 'Your company' };
}

/**
 * A template as a customer would read it with example values: each known placeholder replaced,
 * an unknown one left as typed (saving refuses it, so the admin sees which).
 */
export function previewMessage(template: string, values: Readonly<Record<CustomerPlaceholder, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as CustomerPlaceholder] : whole));
}
