import { useSessionStore, sessionSelectors } from '../../stores/session-store';
import { sectionsFor } from './settings-sections';

/** Settings: the sections the signed-in user's role may see (see settings-sections.ts). */
export function SettingsView() {
  const user = useSessionStore(sessionSelectors.user);
  if (!user) return null;
  const sections = sectionsFor(user.role);
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {sections.length === 0 && (
        <p className="muted" data-testid="settings-empty">
          Your role has no settings to change here.
        </p>
      )}
      {sections.map(({ id, title, component: Section }) => (
        <section key={id} className="settings-section" aria-labelledby={`settings-${id}`} data-testid={`settings-${id}`}>
          <h2 id={`settings-${id}`}>{title}</h2>
          <Section />
        </section>
      ))}
    </section>
  );
}
