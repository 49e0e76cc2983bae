import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * A URL the console posts to (event webhooks, SMS/WhatsApp/Telegram gateways): HTTPS, so
 * customers' phone numbers and signed events do not cross a network in clear; plain HTTP only to
 * this machine's loopback, where a local gateway or a test receiver listens. No credentials in
 * the URL (they would show in lists and logs): put them in a header.
 */
export const outboundUrlSchema = z
  .string()
  .trim()
  .max(2000, 'a URL has at most 2,000 characters')
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'a full URL such as https://hooks.example.com/noc' });
      return;
    }
    if (url.username !== '' || url.password !== '') ctx.addIssue({ code: 'custom', message: 'no user or password in the URL: put credentials in a header' });
    else if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) ctx.addIssue({ code: 'custom', message: 'use https:// (plain http:// only to 127.0.0.1 or localhost)' });
    else if (url.protocol !== 'https:' && url.protocol !== 'http:') ctx.addIssue({ code: 'custom', message: 'use an https:// URL' });
  });
