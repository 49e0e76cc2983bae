import { useThemeStore, type Theme } from '../../stores/theme-store';

const THEMES: Array<[Theme, string]> = [
  ['dark', 'Dark (for dim NOC rooms)'],
  ['light', 'Light'],
];

/** Settings › Appearance: the theme of this machine (also in the top bar). */
export function AppearanceSection() {
  const theme = useThemeStore((s) => s.theme);
  const setTheme = useThemeStore((s) => s.setTheme);
  return (
    <fieldset className="form" data-testid="appearance-theme">
      <legend>Theme</legend>
      {THEMES.map(([value, label]) => (
        <label key={value} className="field-inline">
          <input type="radio" name="theme" value={value} checked={theme === value} onChange={() => setTheme(value)} data-testid={`appearance-theme-${value}`} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
