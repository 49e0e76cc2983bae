import { z } from 'zod';
import { currencyMinorDigits } from '../adoption/major-amount';
import type { TenantSettings } from '../tenants/tenant-settings-contract';
import { REFERENCE, type WebhookProvider } from './contract';
import { decimalToMinor } from './decimal-amount';
import type { IncomingPayment } from './payment-recording';
import { compactWallTime } from './payment-time';

const PHONE = /^\+?[0-9][0-9 ()-]{5,20}$/;
/** Decimal text only: a JSON number has been through a float already. */
const AMOUNT = 'a decimal string in major units, e.g. "1500.00" (a JSON number has lost exactness already)';
const amountText = z.string({ error: AMOUNT }).regex(/^\d{1,15}(\.\d{1,18})?$/, AMOUNT);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

/** The generic shape (docs/protocol.md, "Payment webhooks"). */
const genericBody = z
  .object({
    reference: z.string().trim().regex(REFERENCE, 'the receipt: letters, digits and . _ : / -, up to 80'),
    amount: amountText,
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as KES'),
    phone: optionalText(40),
    account: optionalText(100),
    name: optionalText(120),
    time: z.iso.datetime({ offset: true }),
  })
  .strip();

/** Safaricom's C2B confirmation (Daraja): fields we do not keep (balance, short code) are let through unread. */
const mpesaBody = z
  .object({
    TransID: z.string().trim().regex(REFERENCE, 'the M-Pesa receipt (TransID)'),
    TransAmount: amountText,
    TransTime: z.string().regex(/^\d{14}$/, 'yyyyMMddHHmmss'),
    BillRefNumber: optionalText(100),
    MSISDN: optionalText(40),
    FirstName: optionalText(40),
    MiddleName: optionalText(40),
    LastName: optionalText(40),
  })
  .strip();

export type ParsedWebhook = { ok: true; payment: IncomingPayment } | { ok: false; message: string };

const invalid = (error: z.ZodError): ParsedWebhook => ({ ok: false, message: error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });

/** A provider's JSON body as the payment it reports, in the tenant's currency and zone; or what is wrong with it. */
const digitsOf = new Map<string, number>();
/** Intl builds a formatter to tell a currency's decimals: once per currency, not per payment. */
const minorDigits = (currency: string) => digitsOf.get(currency) ?? digitsOf.set(currency, currencyMinorDigits(currency)).get(currency)!;

export function parseWebhookBody(provider: WebhookProvider, body: unknown, tenant: TenantSettings): ParsedWebhook {
  const digits = minorDigits(tenant.currency);
  const base = { tenantId: tenant.tenantId, provider, currency: tenant.currency, source: 'webhook' as const, recordedBy: null };
  if (provider === 'generic') {
    const parsed = genericBody.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    const g = parsed.data;
    if (g.currency !== tenant.currency) return { ok: false, message: `currency ${g.currency} is not the tenant's (${tenant.currency})` };
    const amountMinor = decimalToMinor(g.amount, digits);
    if (amountMinor === null || amountMinor <= 0) return { ok: false, message: `amount: ${g.amount} is not a positive amount with at most ${digits} decimals` };
    return { ok: true, payment: { ...base, reference: g.reference, amountMinor, payerPhone: g.phone && PHONE.test(g.phone) ? g.phone : null, payerName: g.name, accountReference: g.account, receivedAt: Date.parse(g.time) } };
  }
  const parsed = mpesaBody.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const m = parsed.data;
  const amountMinor = decimalToMinor(m.TransAmount, digits);
  if (amountMinor === null || amountMinor <= 0) return { ok: false, message: `TransAmount: ${m.TransAmount} is not a positive amount with at most ${digits} decimals` };
  const receivedAt = compactWallTime(m.TransTime, tenant.timeZone);
  if (receivedAt === null) return { ok: false, message: `TransTime: ${m.TransTime} is not a date and time (yyyyMMddHHmmss)` };
  const name = [m.FirstName, m.MiddleName, m.LastName].filter((n) => n !== null).join(' ');
  // Safaricom masks or hashes MSISDN for some short codes: only a phone number is kept as one.
  const payerPhone = m.MSISDN && PHONE.test(m.MSISDN) ? m.MSISDN : null;
  return { ok: true, payment: { ...base, reference: m.TransID, amountMinor, payerPhone, payerName: name || null, accountReference: m.BillRefNumber, receivedAt } };
}
