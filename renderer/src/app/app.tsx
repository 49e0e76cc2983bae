import { NAV_ITEMS, isPublicView } from './navigation';
import { useHashRoute } from './use-hash-route';
import { VIEWS } from './views';
import { ConnectionIndicator } from './connection-indicator';
import { ThemeToggle } from './theme-toggle';
import { PlaceholderView } from '../views/placeholder/placeholder-view';
import { AuthGate } from '../views/account/auth-gate';
import { MAIN_CONTENT_ID, SkipLink } from '../components/skip-link';
import { UserMenu } from './user-menu';
import { SideNav } from './side-nav';
import { RoleGate } from './role-gate';
import { useAppBindings } from './use-app-bindings';
import { StaleBanner } from '../components/stale-banner';
import { ToastRegion } from '../components/toast-region';
import { AlertWatcher } from '../views/dashboard/alert-watcher';
import { NotificationBell } from '../views/notifications/notification-bell';

export function App() {
  const viewId = useHashRoute();
  const item = NAV_ITEMS.find((i) => i.id === viewId)!;
  const View = VIEWS[viewId];
  useAppBindings();
  return (
    <div className="app">
      <SkipLink />
      <header className="topbar">
        <span className="brand">NOC Console</span>
        <span className="spacer" />
        <ConnectionIndicator />
        <ThemeToggle />
        <NotificationBell />
        <UserMenu />
      </header>
      <SideNav viewId={viewId} />
      <main className="content" id={MAIN_CONTENT_ID} tabIndex={0}>
        <StaleBanner />
        {/* Views anyone connected may see; every other view sits behind sign-in (or first-run setup), then the role. */}
        {isPublicView(viewId) ? (
          View && <View />
        ) : (
          <AuthGate>
            <RoleGate viewId={viewId} label={item.label}>
              {View ? <View /> : <PlaceholderView label={item.label} />}
            </RoleGate>
          </AuthGate>
        )}
      </main>
      <ToastRegion />
      <AlertWatcher />
    </div>
  );
}
