import type { ReactNode } from 'react';
import type { NotificationSettings } from '../../../../main/notifications/contract';
import { SectionPending } from '../settings/section-pending';
import type { NotificationSettingsView } from './notification-settings-live';
import '../../styles/routers.css';
import '../../styles/business.css';
import '../../styles/notifications.css';

/**
 * What a notification settings section shows before its settings: for a system admin without a
 * tenant, where to choose one (the Company section's picker); then loading, or why it failed.
 */
export function SettingsGate({ view, what, children }: { view: NotificationSettingsView; what: string; children: (settings: NotificationSettings) => ReactNode }) {
  if (view.tenantId === null) {
    return (
      <p className="muted" data-testid="notifications-choose-tenant">
        Choose a tenant (Company, above) to see its {what}.
      </p>
    );
  }
  if (!view.settings) return <SectionPending error={view.error} />;
  return (
    <div className="notification-settings">
      {/* A refetch that failed keeps the last settings on screen, and says why they may be old. */}
      {view.error && (
        <p className="error" role="alert">
          {view.error}
        </p>
      )}
      {children(view.settings)}
    </div>
  );
}
