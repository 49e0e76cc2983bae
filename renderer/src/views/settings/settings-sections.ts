import type { ComponentType } from 'react';
import type { Role } from '../../../../main/contract';
import { RetentionSection } from './retention-section';
import { BackupSection } from './backup-section';
import { SignInSecuritySection } from './sign-in-security-section';
import { AlertsSection } from './alerts-section';
import { TenantSection } from './tenant-section';
import { AppearanceSection } from './appearance-section';
import { NotificationChannelsSection } from './notification-channels-section';
import { NotificationRulesSection } from './notification-rules-section';
import { NotificationMessagesSection } from './notification-messages-section';
import { NotificationDeliveriesSection } from './notification-deliveries-section';
import { ExpiryRemindersSection } from './expiry-reminders-section';
import { WebhooksSection } from './webhooks-section';

/**
 * One section of the Settings view: a heading, the roles that see it, and its component. Each
 * issue that adds settings adds its own section file and one line to SETTINGS_SECTIONS, so the
 * view stays one shared frame instead of a form per feature.
 */
export interface SettingsSection {
  id: string;
  title: string;
  roles: readonly Role[];
  component: ComponentType;
}

/** In the order the view shows them. */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'retention', title: 'Data retention', roles: ['system_admin'], component: RetentionSection },
  { id: 'backups', title: 'Backups', roles: ['system_admin'], component: BackupSection },
  { id: 'sign-in-security', title: 'Sign-in and security', roles: ['system_admin', 'tenant_admin'], component: SignInSecuritySection },
  { id: 'company', title: 'Company', roles: ['system_admin', 'tenant_admin'], component: TenantSection },
  { id: 'webhooks', title: 'Event webhooks', roles: ['tenant_admin'], component: WebhooksSection },
  { id: 'alerts', title: 'Alerts', roles: ['system_admin', 'tenant_admin', 'operator', 'viewer'], component: AlertsSection },
  { id: 'notification-channels', title: 'Notification channels', roles: ['system_admin', 'tenant_admin', 'operator', 'viewer'], component: NotificationChannelsSection },
  { id: 'staff-alerts', title: 'Staff alerts', roles: ['system_admin', 'tenant_admin', 'operator', 'viewer'], component: NotificationRulesSection },
  { id: 'customer-messages', title: 'Customer messages', roles: ['system_admin', 'tenant_admin', 'operator', 'viewer'], component: NotificationMessagesSection },
  { id: 'delivery-log', title: 'Delivery log', roles: ['system_admin', 'tenant_admin'], component: NotificationDeliveriesSection },
  { id: 'expiry-reminders', title: 'Expiry reminders', roles: ['system_admin', 'tenant_admin', 'operator', 'viewer'], component: ExpiryRemindersSection },
  { id: 'appearance', title: 'Appearance', roles: ['system_admin', 'tenant_admin', 'operator', 'viewer'], component: AppearanceSection },
];

export function sectionsFor(role: Role): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((s) => s.roles.includes(role));
}
