import { z } from 'zod';

/**
 * A tenant's company settings: how its people read dates, numbers and money (IANA time zone,
 * BCP 47 locale, ISO 4217 currency), its name, and the logo printed on its vouchers.
 */
export interface TenantSettings {
  tenantId: number;
  name: string;
  timeZone: string;
  locale: string;
  currency: string;
  /** A PNG, JPEG or WebP image as a data URL, or null for none. */
  logo: string | null;
}

/**
 * The logo is kept in the store as a data URL: it goes into every backup with the rest of the
 * tenant, both hosts hand it out through the contract (no file route, the CSP already allows
 * `data:` images), and a voucher sheet embeds it as is. The cap keeps it a logo, well inside a
 * message (MAX_MESSAGE_BYTES) and the store.
 */
export const LOGO_MAX_BYTES = 64 * 1024;
/** Base64 turns 3 bytes into 4 characters; plus the `data:image/…;base64,` prefix. */
const LOGO_MAX_CHARS = Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 32;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
const LOGO_DATA_URL = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

/** The answers of a check by its input: each tenant read validates its settings, and Intl's checks are slow. */
function remembered(check: (value: string) => boolean): (value: string) => boolean {
  const answers = new Map<string, boolean>();
  return (value) => {
    let answer = answers.get(value);
    if (answer === undefined) {
      answer = check(value);
      if (answers.size < 1000) answers.set(value, answer);
    }
    return answer;
  };
}

const validTimeZone = remembered((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
});

const validLocale = remembered((tag) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && Intl.DateTimeFormat.supportedLocalesOf(tag).length === 1;
  } catch {
    return false;
  }
});

/** Intl formats any three letters as a currency; only the ISO 4217 list is a currency (KES yes, KSH no). */
const validCurrency = remembered((code) => /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code));

/** Each field says what a valid value looks like; validated in the form and again at the boundary. */
export const tenantSettingsFields = {
  name: z.string().trim().min(2, 'a company name has 2 to 100 characters').max(100, 'a company name has 2 to 100 characters'),
  timeZone: z.string().trim().refine(validTimeZone, 'an IANA time zone such as Africa/Nairobi or Europe/Berlin'),
  locale: z.string().trim().refine(validLocale, 'a language tag such as en-KE, de-DE or fr-FR'),
  currency: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .refine(validCurrency, 'a three-letter ISO 4217 code such as KES, EUR or USD'),
  logo: z
    .string()
    .max(LOGO_MAX_CHARS, `a logo of at most ${LOGO_MAX_BYTES / 1024} KiB: scale it down`)
    .regex(LOGO_DATA_URL, 'a PNG, JPEG or WebP image')
    .nullable(),
};

export const tenantSettingsInput = z
  .object({
    /** System admins say which tenant; tenant admins change their own. */
    tenantId: z.number().int().positive().optional(),
    ...tenantSettingsFields,
  })
  .strict();
