import type { InvokeInput } from '../../../../main/contract';
import type { ContractError } from '../../../../main/contract/errors';
import type { PlanKind, PlanSummary } from '../../../../main/plans/contract';
import { subscriberCreateInput, subscriberFields, subscriberUpdateInput, type SubscriberSummary } from '../../../../main/subscribers/contract';
import { fieldsOfIssues } from '../../components/issue-fields';
import { isoToWallTime, wallTimeToIso } from './zoned-input';

/** The create/edit form as its inputs hold it. */
export interface SubscriberFormValues {
  kind: PlanKind;
  name: string;
  phone: string;
  email: string;
  username: string;
  /** Edit: empty keeps the stored password. */
  password: string;
  /** '' until a plan is chosen. */
  planId: string;
  routerIds: number[];
  /** False while the routers follow the chosen plan's; true once the person picks them. */
  routersChosen: boolean;
  macLock: string;
  /** A `datetime-local` value in the tenant's time zone; '' = from now, for the plan's validity. */
  validUntil: string;
  disabled: boolean;
}

export type SubscriberField = keyof typeof subscriberFields | 'tenantId';
export type SubscriberFieldErrors = Partial<Record<SubscriberField, string>>;

const FIELDS = new Set<string>([...Object.keys(subscriberFields), 'tenantId']);

export function emptySubscriberForm(kind: PlanKind = 'hotspot'): SubscriberFormValues {
  return { kind, name: '', phone: '', email: '', username: '', password: '', planId: '', routerIds: [], routersChosen: false, macLock: '', validUntil: '', disabled: false };
}

/** The form of a subscriber as `subscribers.get` returns it (full contact). */
export function subscriberFormFrom(s: SubscriberSummary, timeZone: string | undefined): SubscriberFormValues {
  return {
    kind: s.kind,
    name: s.name,
    phone: s.phone ?? '',
    email: s.email ?? '',
    username: s.username,
    password: '',
    planId: String(s.planId),
    routerIds: [...s.routerIds],
    routersChosen: true,
    macLock: s.macLock ?? '',
    validUntil: isoToWallTime(s.validUntil, timeZone),
    disabled: s.status === 'disabled',
  };
}

/** Choosing a plan: the routers follow it until the person picks routers; a plan of the other kind is cleared. */
export function withPlan(values: SubscriberFormValues, plan: PlanSummary | null): SubscriberFormValues {
  const next = { ...values, planId: plan ? String(plan.id) : '' };
  if (plan && !values.routersChosen) next.routerIds = [...plan.routerIds];
  return next;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function subscriberInputOf(values: SubscriberFormValues, timeZone: string | undefined, tenantId: number | null): InvokeInput<'subscribers.create'> {
  return {
    kind: values.kind,
    name: values.name,
    phone: orNull(values.phone),
    email: orNull(values.email),
    username: values.username,
    password: values.password,
    planId: Number(values.planId),
    macLock: orNull(values.macLock),
    routerIds: values.routerIds,
    validUntil: values.validUntil === '' ? null : (wallTimeToIso(values.validUntil, timeZone) ?? values.validUntil),
    disabled: values.disabled,
    ...(tenantId === null ? {} : { tenantId }),
  };
}

/**
 * Every field at once with the contract's rules. On edit an empty password keeps the stored one
 * (a stand-in lets the schema check the rest).
 */
export function checkSubscriberForm(values: SubscriberFormValues, timeZone: string | undefined, editing: boolean, plansOfKind: readonly PlanSummary[]): SubscriberFieldErrors {
  const keeps = editing && values.password === '';
  const input = subscriberInputOf({ ...values, password: keeps ? 'stored' : values.password }, timeZone, null);
  const parsed = subscriberCreateInput.safeParse(input);
  const errors: SubscriberFieldErrors = parsed.success ? {} : fieldsOfIssues<SubscriberField>(parsed.error.issues, FIELDS);
  if (values.planId === '' || !plansOfKind.some((p) => String(p.id) === values.planId)) errors.planId = `choose a ${values.kind === 'hotspot' ? 'hotspot' : 'PPPoE'} plan`;
  if (values.validUntil !== '' && wallTimeToIso(values.validUntil, timeZone) === null) errors.validUntil = 'a date and time';
  return errors;
}

/** Only what changed (the password only when typed), so an edit does not overwrite another person's change. */
export function subscriberUpdateInputOf(values: SubscriberFormValues, original: SubscriberSummary, timeZone: string | undefined): InvokeInput<'subscribers.update'> {
  const input = subscriberInputOf(values, timeZone, null);
  const before = subscriberInputOf(subscriberFormFrom(original, timeZone), timeZone, null);
  const update: Record<string, unknown> = { id: original.id };
  for (const key of Object.keys(subscriberUpdateInput.shape) as Array<keyof typeof input>) {
    if (key === 'password' || key === 'kind' || key === 'tenantId' || !(key in input)) continue;
    const a = key === 'routerIds' ? [...input.routerIds].sort((x, y) => x - y) : input[key];
    const b = key === 'routerIds' ? [...before.routerIds].sort((x, y) => x - y) : before[key];
    // The stored instant may carry seconds the minute-precise field drops: only a changed minute is a change.
    if (key === 'validUntil' && values.validUntil === isoToWallTime(original.validUntil, timeZone)) continue;
    if (JSON.stringify(a) !== JSON.stringify(b)) update[key] = input[key];
  }
  if (values.password !== '') update.password = values.password;
  return update as InvokeInput<'subscribers.update'>;
}

/** An invoke error under the fields it names (`[{ path, message }]` or `{ fields }`), and one for the form. */
export function subscriberFormErrors(error: ContractError): { fields: SubscriberFieldErrors; form: string | null } {
  let fields: SubscriberFieldErrors = {};
  const details = error.details;
  if (Array.isArray(details)) fields = fieldsOfIssues<SubscriberField>(details, FIELDS);
  else if (details && typeof details === 'object' && 'fields' in details) {
    const named = (details as { fields: unknown }).fields;
    if (named && typeof named === 'object') {
      for (const [field, message] of Object.entries(named)) if (FIELDS.has(field) && typeof message === 'string') fields[field as SubscriberField] = message;
    }
  }
  const claimed = Object.keys(fields).length > 0 && (error.code === 'invalid_input' || error.code === 'conflict');
  return { fields, form: claimed ? null : error.message };
}

/** Customers type passwords on phones: no 0/O, 1/l/I look-alikes. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of `length` from PASSWORD_ALPHABET, unbiased (values past the last whole alphabet are drawn again). */
export function generatePassword(length = 10, random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const limit = 256 - (256 % PASSWORD_ALPHABET.length);
  let password = '';
  while (password.length < length) {
    for (const byte of random(new Uint8Array(length * 2))) {
      if (byte < limit && password.length < length) password += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
    }
  }
  return password;
}
