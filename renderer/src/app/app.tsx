import { NAV_ITEMS } from './navigation';
import { useHashRoute } from './use-hash-route';
import { VIEWS } from './views';
import { ConnectionIndicator } from './connection-indicator';
import { ThemeToggle } from './theme-toggle';
import { PlaceholderView } from '../views/placeholder/placeholder-view';

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
      <main className="content">{View ? <View /> : <PlaceholderView label={item.label} />}</main>
    </div>
  );
}
