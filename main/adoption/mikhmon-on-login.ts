/**
 * mikhmon keeps a hotspot user profile's selling terms on the router, as the first statement of
 * the profile's `on-login` script: `:put (",rem,5000,1d,6000,,Enable,")` — expiry mode, price,
 * validity, selling price, an empty slot, the MAC-lock flag. A profile with expiry mode "None"
 * and a price gets `:put (",,5000,,,noexp,Disable,")`. Its own screens read the fields by
 * position (split on commas), and so does this.
 */
import { parseDuration } from '../routers/client/values';
import { parseMajorAmount } from './major-amount';

/** What the user's account does when the validity runs out, in mikhmon's five choices. */
export type MikhmonExpiryMode = 'none' | 'remove' | 'notice' | 'remove-record' | 'notice-record';

export interface MikhmonProfileTerms {
  expiryMode: MikhmonExpiryMode;
  /** mikhmon's "Price", in minor units; mikhmon writes 0 when it was left empty. */
  priceMinor: number | null;
  /** mikhmon's "Selling Price" (what a reseller charges; printed on vouchers when not 0). */
  sellingPriceMinor: number | null;
  /** How long an account lasts from its first login. */
  validitySeconds: number | null;
  /** Lock the account to the MAC address of its first login. */
  lockMac: boolean;
}

const METADATA = /^\s*:put\s*\(\s*"(,[^"]*)"\s*\)/;

// mikhmon's form values: rem, ntf, remc, ntfc; "None" is 0 and is written as an empty slot.
const EXPIRY_MODES: Record<string, MikhmonExpiryMode> = {
  '': 'none',
  '0': 'none',
  rem: 'remove',
  ntf: 'notice',
  remc: 'remove-record',
  ntfc: 'notice-record',
};

/**
 * The terms at the head of a profile's `on-login`, with prices in minor units of a currency of
 * `minorDigits` decimals; null when the script does not start with mikhmon's metadata. A field
 * that does not read is null (lock: false); never throws.
 */
export function parseMikhmonOnLogin(script: string | undefined, minorDigits: number): MikhmonProfileTerms | null {
  const metadata = script === undefined ? null : METADATA.exec(script);
  if (!metadata) return null;
  const fields = metadata[1]!.split(',');
  if (fields.length < 8) return null;
  const [, mode, price, validity, sellingPrice, , lock] = fields.map((field) => field.trim());
  const expiryMode = EXPIRY_MODES[mode!];
  if (expiryMode === undefined) return null;
  return {
    expiryMode,
    priceMinor: parseMajorAmount(price!, minorDigits),
    sellingPriceMinor: parseMajorAmount(sellingPrice!, minorDigits),
    validitySeconds: parseValidity(validity!),
    lockMac: lock!.toLowerCase() === 'enable',
  };
}

/**
 * mikhmon's validity is a RouterOS scheduler interval: `3h`, `30d`, `2w`, `1d12h`, also
 * `1d 00:00:00`. Whole seconds, more than none; anything else null.
 */
export function parseValidity(text: string): number | null {
  const seconds = parseDuration(text.toLowerCase().replace(/\s+/g, ''));
  return seconds !== null && seconds >= 1 ? Math.round(seconds) : null;
}
