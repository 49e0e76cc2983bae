import { NAV_ITEMS } from './navigation';
import { useHashRoute } from './use-hash-route';
import { VIEWS } from './views';
import { ConnectionIndicator } from './connection-indicator';
import { ThemeToggle } from './theme-toggle';
import { PlaceholderView } from '../views/placeholder/placeholder-view';
import { AuthGate } from '../views/account/auth-gate';

/** Views anyone connected may see; every other view sits behind sign-in (or first-run setup). */
const PUBLIC_VIEWS = new Set(['status']);

export function App() {
  const viewId = useHashRoute();
  const item = NAV_ITEMS.find((i) => i.id === viewId)!;
  const View = VIEWS[viewId];
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">NOC Console</span>
        <span className="spacer" />
        <ConnectionIndicator />
        <ThemeToggle />
      </header>
      <nav className="sidebar" aria-label="Views">
        <ul>
          {NAV_ITEMS.map((nav) => (
            <li key={nav.id}>
              <a href={`#/${nav.id}`} aria-current={nav.id === viewId ? 'page' : undefined} data-testid={`nav-${nav.id}`}>
                {nav.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {PUBLIC_VIEWS.has(viewId) ? (
          View && <View />
        ) : (
          <AuthGate>{View ? <View /> : <PlaceholderView label={item.label} />}</AuthGate>
        )}
      </main>
    </div>
  );
}
