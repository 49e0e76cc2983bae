import { maskEmailsIn, maskPhone } from '../events/mask';

/** A run of 8–15 digits standing alone (not part of an address, MAC, time or id): a phone number's shape. */
const PHONE_IN_TEXT = /(?<![\w.:/*-])\+?[0-9]{8,15}(?![\w.:/-])/g;

/**
 * Free text a router holds that people type or that names subscribers (log messages, lease
 * comments) as a broadcast may carry it: emails and phone numbers inside it masked
 * (`0712***678`), everything else (addresses, MACs, interface names, times) left readable.
 */
export function maskRouterText(text: string): string {
  return maskEmailsIn(text).replace(PHONE_IN_TEXT, (phone) => maskPhone(phone)!);
}
