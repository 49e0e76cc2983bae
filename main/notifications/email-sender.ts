import nodemailer from 'nodemailer';
import { maskEmailsIn } from '../events/mask';
import { messageIdFor, type OutboundMessage, type SendOutcome } from './outbound-message';
import type { EmailChannelSettings } from './settings-contract';

/** Codes after which another attempt with the same settings fails the same way. */
const PERMANENT_CODES = new Set(['EAUTH', 'ENOAUTH', 'EENVELOPE', 'ECONFIG', 'EREQUIRETLS']);

function why(error: { code?: string; responseCode?: number; message: string }, settings: EmailChannelSettings): string {
  const server = `${settings.host}:${settings.port}`;
  if (error.code === 'EAUTH' || error.code === 'ENOAUTH') return `${server} refused the sign-in (${error.responseCode ?? error.code}): check the SMTP user and password`;
  if (error.code === 'ETLS') return `${server}: TLS failed (${error.message}): check the security setting (TLS on 465, STARTTLS on 587)`;
  if (error.code === 'ETIMEDOUT') return `${server} did not answer in time: check the host, port and security setting`;
  if (error.code === 'ECONNECTION' || error.code === 'ESOCKET' || error.code === 'EDNS') return `could not reach ${server}: ${error.message}`;
  return `${server} refused the message${error.responseCode ? ` (${error.responseCode})` : ''}: ${error.message}`;
}

/**
 * Sends one email over SMTP with the tenant's settings (a connection per message: notifications
 * are few, and settings may change between them). The Message-ID comes from the delivery key, so
 * if a crash between sending and recording makes the job send again, the copy has the same
 * Message-ID and mail systems that deduplicate by it drop it.
 */
export async function sendEmail(settings: EmailChannelSettings, password: string | undefined, message: OutboundMessage, timeoutMs: number): Promise<SendOutcome> {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user ? { user: settings.user, pass: password ?? '' } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    const info = await transport.sendMail({
      from: settings.from,
      to: message.recipientName ? { name: message.recipientName, address: message.recipient } : message.recipient,
      subject: message.subject,
      text: message.text,
      messageId: messageIdFor(message.deliveryKey, settings.from),
      headers: { 'X-Idempotency-Key': message.deliveryKey },
    });
    if (info.rejected.length > 0) return { ok: false, status: null, error: maskEmailsIn(`the SMTP server refused the recipient: ${info.response}`), permanent: true };
    return { ok: true, status: Number(/^\d{3}/.exec(info.response)?.[0] ?? 250) };
  } catch (caught) {
    const error = caught as { code?: string; responseCode?: number; message: string };
    const permanent = PERMANENT_CODES.has(error.code ?? '') || (error.responseCode !== undefined && error.responseCode >= 500 && error.responseCode !== 503);
    return { ok: false, status: error.responseCode ?? null, error: maskEmailsIn(why(error, settings)), permanent };
  } finally {
    transport.close();
  }
}
