import type { CUSTOMER_PLACEHOLDERS } from '../../../../main/notifications/contract';

export type CustomerPlaceholder = (typeof CUSTOMER_PLACEHOLDERS)[number];

// The contract's placeholder syntax (settings-contract.ts): `{{name}}`, spaces allowed inside.
const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/**
 * A template as a customer would read it with example values: each known placeholder replaced,
 * an unknown one left as typed (saving refuses it, so the admin sees which).
 */
export function previewMessage(template: string, values: Readonly<Record<CustomerPlaceholder, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as CustomerPlaceholder] : whole));
}
