import { useCallback, useEffect, useRef, useState, type SetStateAction } from 'react';

export interface SettingsForm<T> {
  values: T;
  /** A person's edit: the form is dirty until saved. */
  edit: (next: SetStateAction<T>) => void;
  /** Edited since it showed the saved settings. */
  dirty: boolean;
  /** Another desk saved while this form had edits: saving now replaces what they saved. */
  changedElsewhere: boolean;
  /** The save went through: show what the answer holds (secrets back to "set", replacement fields empty). */
  saved: (version: string | null, values: T) => void;
  /** Drops this form's edits for what is saved. */
  discard: () => void;
}

/**
 * A settings form over values that other desks may change: a form without edits follows every
 * new version of the settings at once; one with edits keeps them and says the settings changed,
 * so nobody's typing is wiped by another admin's save. `read` builds the values from the settings now.
 */
export function useSettingsForm<T>(read: () => T, version: string | null): SettingsForm<T> {
  const [values, setValues] = useState(read);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const [isDirty, setDirty] = useState(false);
  const dirty = useRef(false);
  const seen = useRef(version);
  const latestRead = useRef(read);
  latestRead.current = read;

  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    if (dirty.current) setChangedElsewhere(true);
    else setValues(latestRead.current());
  }, [version]);

  const edit = useCallback((next: SetStateAction<T>) => {
    dirty.current = true;
    setDirty(true);
    setValues(next);
  }, []);
  const show = useCallback((next: T) => {
    dirty.current = false;
    setDirty(false);
    setChangedElsewhere(false);
    setValues(next);
  }, []);
  const saved = useCallback(
    (version: string | null, next: T) => {
      seen.current = version;
      show(next);
    },
    [show],
  );
  const discard = useCallback(() => show(latestRead.current()), [show]);
  return { values, edit, dirty: isDirty, changedElsewhere, saved, discard };
}
