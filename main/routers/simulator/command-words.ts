import type { RosRecord } from './types';

/** One client sentence split into its parts (command word, `=attr=`, `.api=`, `?query`). */
export interface ParsedCommand {
  /** The command word as sent, e.g. `/ip/hotspot/active/print`. */
  word: string;
  /** Menu path without the verb, e.g. `/ip/hotspot/active`. */
  path: string;
  verb: string;
  attrs: RosRecord;
  queries: string[];
  tag?: string;
  /** From `=.proplist=` or `.proplist=`. */
  proplist?: string[];
}

export function parseCommand(words: readonly string[]): ParsedCommand {
  const word = words[0] ?? '';
  const slash = word.lastIndexOf('/');
  const cmd: ParsedCommand = {
    word,
    path: slash > 0 ? word.slice(0, slash) : '',
    verb: slash >= 0 ? word.slice(slash + 1) : word,
    attrs: {},
    queries: [],
  };
  for (const w of words.slice(1)) {
    if (w.startsWith('=')) {
      const eq = w.indexOf('=', 1);
      const name = eq < 0 ? w.slice(1) : w.slice(1, eq);
      const value = eq < 0 ? '' : w.slice(eq + 1);
      if (name === '.proplist') cmd.proplist = splitProplist(value);
      else cmd.attrs[name] = value;
    } else if (w.startsWith('?')) {
      cmd.queries.push(w);
    } else if (w.startsWith('.tag=')) {
      const tag = w.slice(5);
      if (tag !== '') cmd.tag = tag;
    } else if (w.startsWith('.proplist=')) {
      cmd.proplist = splitProplist(w.slice(10));
    }
    // Other words are ignored, as RouterOS ignores unknown API attributes.
  }
  return cmd;
}

const splitProplist = (value: string) => value.split(',').filter((p) => p !== '');

export function applyProplist(row: RosRecord, proplist: string[] | undefined): RosRecord {
  if (!proplist) return row;
  const out: RosRecord = {};
  for (const name of proplist) if (row[name] !== undefined) out[name] = row[name]!;
  return out;
}

export const recordWords = (row: RosRecord): string[] => Object.entries(row).map(([k, v]) => `=${k}=${v}`);
