import type { CustomerMessage } from './customer-message-contract';
import {
  CUSTOMER_MESSAGE_KINDS,
  STAFF_RULES,
  type CustomerMessageSettings,
  type NotificationSettings,
  type StaffRule,
  type StaffRuleSettings,
  type WebhookChannel,
} from './settings-contract';

/** The settings as kept (no tenant id, no time): what reads show, secrets only as set/masked. */
export type StoredSettings = Omit<NotificationSettings, 'tenantId' | 'updatedAt'>;

/** The secrets behind the settings, sealed together at rest; opened only where a message is sent. */
export interface NotificationSecrets {
  emailPassword?: string;
  /** Header values of each webhook channel, by header name. */
  headers?: Partial<Record<WebhookChannel, Record<string, string>>>;
  telegramBotToken?: string;
}

/**
 * Payments arrive live in the Payments view, and at a busy ISP by the thousand a day: a
 * notification for each would bury the ones that need someone. It is off until an admin wants it
 * (unmatched payments, which need someone, are on).
 */
const QUIET: readonly StaffRule[] = ['payment-received'];
/** Rules that alert about something broken also ask for an OS notification by default. */
const URGENT: readonly StaffRule[] = ['router-down', 'router-login-refused', 'provisioning-failed', 'payment-unmatched', 'webhook-paused'];

const RULE_PARAMETERS: Partial<Record<StaffRule, Partial<StaffRuleSettings>>> = {
  'router-down': { afterSeconds: 120 },
  'router-cpu-high': { percent: 90, minutes: 5 },
};

const TEMPLATES: Record<CustomerMessage, Pick<CustomerMessageSettings, 'template' | 'subject'>> = {
  'payment-received': {
    subject: '{{company}}: payment received',
    template: 'Dear {{name}}, {{company}} received {{amount}} (receipt {{receipt}}). {{plan}} is paid until {{validUntil}}. Balance: {{balance}}.',
  },
  'expiry-reminder': {
    subject: '{{company}}: {{plan}} expires {{validUntil}}',
    template: 'Dear {{name}}, your {{plan}} with {{company}} expires on {{validUntil}}. Pay to stay connected. Balance: {{balance}}.',
  },
  expired: {
    subject: '{{company}}: {{plan}} expired',
    template: 'Dear {{name}}, your {{plan}} with {{company}} expired on {{validUntil}}. Pay to reconnect.',
  },
  reconnected: {
    subject: '{{company}}: you are connected again',
    template: 'Dear {{name}}, you are connected again: {{plan}} until {{validUntil}}. Thank you, {{company}}.',
  },
};

/**
 * A new tenant's settings: the staff rules on in the centre (urgent ones on the desktop too), no
 * external channel, customer templates ready for SMS once it is configured, quiet hours off.
 */
export function defaultSettings(): StoredSettings {
  return {
    channels: { email: null, sms: null, whatsapp: null, telegram: null },
    rules: Object.fromEntries(
      STAFF_RULES.map((rule) => [rule, { enabled: !QUIET.includes(rule), channels: URGENT.includes(rule) ? ['in-app', 'desktop'] : ['in-app'], ...RULE_PARAMETERS[rule] }]),
    ) as Record<StaffRule, StaffRuleSettings>,
    customerMessages: Object.fromEntries(CUSTOMER_MESSAGE_KINDS.map((m) => [m, { enabled: true, channels: ['sms'], ...TEMPLATES[m] }])) as Record<CustomerMessage, CustomerMessageSettings>,
    quietHours: { enabled: false, start: '21:00', end: '07:00' },
    groupSeconds: 30,
  };
}

/**
 * Stored settings over the defaults: a rule or message added in a later version gets its default,
 * and a rule's parameter it lacks (an older save) too.
 */
export function withDefaults(stored: Partial<StoredSettings>): StoredSettings {
  const base = defaultSettings();
  const rules = { ...base.rules };
  for (const rule of STAFF_RULES) if (stored.rules?.[rule]) rules[rule] = { ...base.rules[rule], ...stored.rules[rule] };
  return {
    channels: { ...base.channels, ...stored.channels },
    rules,
    customerMessages: { ...base.customerMessages, ...stored.customerMessages },
    quietHours: stored.quietHours ?? base.quietHours,
    groupSeconds: stored.groupSeconds ?? base.groupSeconds,
  };
}
