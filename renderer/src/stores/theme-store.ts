import { create } from 'zustand';

export type Theme = 'dark' | 'light';
const KEY = 'noc.theme';

interface ThemeStore {
  theme: Theme;
  setTheme(theme: Theme): void;
}

function stored(): Theme {
  try {
    return localStorage.getItem(KEY) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

/** Dark by default (NOC rooms are dim); the choice is remembered per machine. */
export const useThemeStore = create<ThemeStore>((set) => ({
  theme: stored(),
  setTheme(theme) {
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // Storage can be unavailable (private mode); the theme still applies for this session.
    }
    apply(theme);
    set({ theme });
  },
}));

apply(useThemeStore.getState().theme);
