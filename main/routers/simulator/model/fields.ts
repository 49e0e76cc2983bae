import { RouterTrap } from '../router-trap';
import { formatDuration, ipToInt, parseBool, parseDuration } from '../values';
import { formatCidr, parseCidr } from './cidr';

/**
 * Settable properties of a menu and how RouterOS normalises what a client sends: booleans
 * print true/false, durations print in w/d/h/m/s form, references must name an existing item.
 */
export type FieldKind =
  | { type: 'string' }
  | { type: 'bool' }
  | { type: 'int'; extra?: readonly string[] }
  | { type: 'duration'; extra?: readonly string[] }
  | { type: 'enum'; values: readonly string[]; multi?: boolean }
  | { type: 'ref'; menu: string; extra?: readonly string[] }
  | { type: 'ip'; extra?: readonly string[] }
  | { type: 'mac' }
  /** `a.b.c.d/nn` or a bare address (printed with /32); `list`: comma-separated, empty allowed. */
  | { type: 'cidr'; list?: boolean };

export interface FieldSpec {
  kind: FieldKind;
  /** Printed when never set; absent fields are not printed. */
  default?: string;
  required?: boolean;
}

export const str = (def?: string): FieldSpec => ({ kind: { type: 'string' }, default: def });
export const bool = (def?: boolean): FieldSpec => ({ kind: { type: 'bool' }, default: def === undefined ? undefined : String(def) });
export const int = (def?: string, extra?: readonly string[]): FieldSpec => ({ kind: { type: 'int', extra }, default: def });
export const duration = (def?: string, extra?: readonly string[]): FieldSpec => ({ kind: { type: 'duration', extra }, default: def });
export const oneOf = (values: readonly string[], def?: string, multi = false): FieldSpec => ({ kind: { type: 'enum', values, multi }, default: def });
export const ref = (menu: string, def?: string, extra?: readonly string[]): FieldSpec => ({ kind: { type: 'ref', menu, extra }, default: def });
export const ip = (extra?: readonly string[]): FieldSpec => ({ kind: { type: 'ip', extra } });
export const mac = (): FieldSpec => ({ kind: { type: 'mac' } });
export const cidr = (def?: string, list = false): FieldSpec => ({ kind: { type: 'cidr', list }, default: def });
export const required = (spec: FieldSpec): FieldSpec => ({ ...spec, required: true });

/** Looks up names in other menus for `ref` fields. */
export type NameLookup = (menu: string, name: string) => boolean;

const invalid = (name: string) => new RouterTrap(`invalid value for argument ${name}`, 1);

export function normalizeField(name: string, spec: FieldSpec, raw: string, lookup: NameLookup): string {
  const kind = spec.kind;
  switch (kind.type) {
    case 'string':
      return raw;
    case 'bool': {
      const b = parseBool(raw);
      if (b === undefined) throw invalid(name);
      return String(b);
    }
    case 'int':
      if (kind.extra?.includes(raw)) return raw;
      if (!/^\d+$/.test(raw)) throw invalid(name);
      return String(Number(raw));
    case 'duration': {
      if (kind.extra?.includes(raw)) return raw;
      const ms = parseDuration(raw);
      if (ms === undefined) throw invalid(name);
      return formatDuration(ms);
    }
    case 'enum': {
      const parts = kind.multi ? raw.split(',') : [raw];
      if (parts.some((p) => !kind.values.includes(p))) throw new RouterTrap(`input does not match any value of ${name}`, 1);
      return raw;
    }
    case 'ref':
      if (raw === '' || kind.extra?.includes(raw) || lookup(kind.menu, raw)) return raw;
      throw new RouterTrap(`input does not match any value of ${name}`, 1);
    case 'ip':
      if (kind.extra?.includes(raw) || ipToInt(raw) !== undefined) return raw;
      throw invalid(name);
    case 'mac':
      if (!/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(raw)) throw invalid(name);
      return raw.toUpperCase();
    case 'cidr': {
      if (kind.list && raw === '') return raw;
      const parts = (kind.list ? raw.split(',') : [raw]).map(parseCidr);
      if (parts.some((c) => c === undefined)) throw invalid(name);
      return parts.map((c) => formatCidr(c!)).join(',');
    }
  }
}
