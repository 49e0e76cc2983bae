import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check inputs for an invoke, read off its zod input schema, so a property test covers every
 * invoke of the contract without a hand-written generator each (a new invoke is covered the day it
 * is declared). Three shapes: values of the schema's own shape (mostly valid, so handlers run),
 * the same values with one hostile change (an extra key, a wrong type, a missing key, a huge or
 * odd value), and arbitrary JSON.
 *
 * Only what the contract's input schemas use is read: objects, strings (length, pattern),
 * numbers (integer, bounds), booleans, enums, literals, optional, default, nullable. Anything
 * else becomes arbitrary JSON, which the schema then refuses, so an unknown kind is still driven.
 */

/**
 * A field the caller wants filled its own way (ids of real rows, known usernames): gets the path
 * of the field and the arbitrary this module would use, returns a replacement or undefined.
 */
export type FieldHint = (path: readonly string[], derived: fc.Arbitrary<unknown>) => fc.Arbitrary<unknown> | undefined;

interface CheckDef {
  check: string;
  value?: number | bigint;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
  format?: string;
  pattern?: RegExp;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  checks?: ReadonlyArray<{ _zod: { def: CheckDef } }>;
}

const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
const checksOf = (schema: z.ZodType): CheckDef[] => (defOf(schema).checks ?? []).map((c) => c._zod.def);

/** Long enough to pass any length limit of the contract, or to break it; and one past the wire's 256 KiB. */
const HUGE_LENGTHS = [1_001, 20_001, 300_000];

/** Values no schema field expects: the hostile half of the generated inputs. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...HUGE_LENGTHS).map((n) => 'ž'.repeat(n)),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }),
  fc.constantFrom(0, -0, 1.5, 2 ** 53 + 2, -(2 ** 31), 2 ** 31, Number.MAX_VALUE),
  fc.constantFrom(null, true, false, '', ' ', '\u0000', '__proto__', 'constructor', '../../etc/passwd', "' OR 1=1 --"),
  fc.jsonValue({ maxDepth: 3 }),
);

function stringArbitrary(schema: z.ZodType): fc.Arbitrary<string> {
  let min = 0;
  let max = Infinity;
  let pattern: RegExp | undefined;
  for (const check of checksOf(schema)) {
    if (check.check === 'min_length') min = check.minimum ?? min;
    if (check.check === 'max_length') max = check.maximum ?? max;
    if (check.check === 'length_equals') min = max = check.length ?? min;
    if (check.check === 'string_format' && check.pattern) pattern = check.pattern;
  }
  if (pattern) return fc.stringMatching(pattern, { size: 'small' });
  const everyday = fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, Math.max(min, 24)) });
  const edges = [min, max].filter((n) => Number.isFinite(n) && n <= 20_000).map((n) => 'x'.repeat(n));
  return edges.length === 0 ? everyday : fc.oneof({ weight: 4, arbitrary: everyday }, { weight: 1, arbitrary: fc.constantFrom(...edges) });
}

function numberArbitrary(schema: z.ZodType): fc.Arbitrary<number> {
  let min = -(2 ** 31);
  let max = 2 ** 31;
  let integer = false;
  for (const check of checksOf(schema)) {
    const value = Number(check.value);
    if (check.check === 'greater_than') min = check.inclusive ? value : value + (integer ? 1 : Number.EPSILON);
    if (check.check === 'less_than') max = check.inclusive ? value : value - (integer ? 1 : Number.EPSILON);
    if (check.check === 'number_format') integer = true;
  }
  // The checks may come in any order: an exclusive bound read before `int` was only nudged by epsilon.
  if (integer) [min, max] = [Math.ceil(min), Math.floor(max)];
  const inside = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ weight: 4, arbitrary: inside }, { weight: 1, arbitrary: fc.constantFrom(min, max) });
}

/** A `<field>_confirmation` key repeats `<field>` most of the time, as forms send it. */
function confirmLikeForms(value: Record<string, unknown>, copy: boolean): Record<string, unknown> {
  if (!copy) return value;
  const out = { ...value };
  for (const key of Object.keys(out)) {
    const base = key.replace(/_confirmation$/, '');
    if (base !== key && base in out) out[key] = out[base];
  }
  return out;
}

function objectArbitrary(schema: z.ZodType, path: readonly string[], hint: FieldHint): fc.Arbitrary<Record<string, unknown>> {
  const shape = defOf(schema).shape ?? {};
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    fields[key] = shaped(field, [...path, key], hint);
    // A key with a default is one a form always sends (its default only fills a gap): present
    // unless a hostile change drops it. Optional keys come and go.
    if (defOf(field).type !== 'optional') required.push(key);
  }
  return fc
    .tuple(fc.record(fields, { requiredKeys: required }), fc.boolean())
    .map(([value, copy]) => confirmLikeForms(value as Record<string, unknown>, copy));
}

/** A value of the schema's own shape (mostly valid; bounds and edges included). */
export function shaped(schema: z.ZodType, path: readonly string[] = [], hint: FieldHint = () => undefined): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  let derived: fc.Arbitrary<unknown>;
  switch (def.type) {
    case 'object':
      derived = objectArbitrary(schema, path, hint);
      break;
    case 'string':
      derived = stringArbitrary(schema);
      break;
    case 'number':
      derived = numberArbitrary(schema);
      break;
    case 'boolean':
      derived = fc.boolean();
      break;
    case 'enum':
      derived = fc.constantFrom(...Object.values(def.entries ?? {}));
      break;
    case 'literal':
      derived = fc.constantFrom(...(def.values ?? [null]));
      break;
    case 'optional':
    case 'default':
      return shaped(def.innerType!, path, hint);
    case 'nullable':
      derived = fc.option(shaped(def.innerType!, path, hint), { nil: null, freq: 4 });
      break;
    default:
      derived = fc.jsonValue({ maxDepth: 2 });
  }
  return hint(path, derived) ?? derived;
}

/** One hostile change to a shaped object: a key added, a value swapped for a hostile one, or a key dropped. */
function mutated(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return hostileValue;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const extra = fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'tenantId', 'role', 'id', 'userId')), hostileValue).map(([k, v]) => {
    const out = { ...record };
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
  });
  if (keys.length === 0) return extra;
  const swapped = fc.tuple(fc.constantFrom(...keys), hostileValue).map(([k, v]) => ({ ...record, [k]: v }));
  const dropped = fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(record).filter(([key]) => key !== k)));
  return fc.oneof(extra, swapped, dropped);
}

/** Inputs for an invoke: mostly of its schema's shape, some with one hostile change, some arbitrary JSON. */
export function invokeInput(schema: z.ZodType, hint?: FieldHint): fc.Arbitrary<unknown> {
  const own = shaped(schema, [], hint);
  return fc.oneof(
    { weight: 6, arbitrary: own },
    { weight: 3, arbitrary: own.chain(mutated) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}
