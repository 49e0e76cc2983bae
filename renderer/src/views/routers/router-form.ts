import type { ContractError } from '../../../../main/contract/errors';
import {
  changedEndpointFields,
  routerAddInput as routerAddSchema,
  type RouterEncoding,
  type RouterEndpointField,
  type RouterSummary,
  type RouterTlsMode,
} from '../../../../main/routers/contract';
import type { InvokeInput } from '../../../../main/contract';
import { fieldsOfIssues } from '../../components/issue-fields';

/** The Add/Edit form as the inputs hold it (strings), before it becomes an invoke input. */
export interface RouterFormValues {
  name: string;
  host: string;
  port: string;
  tls: RouterTlsMode;
  /** `verify-ca`: the CA certificate (PEM). */
  tlsCa: string;
  username: string;
  /** Edit: empty keeps the stored password (unless the endpoint changes: see endpointChanges). */
  password: string;
  site: string;
  notes: string;
  encoding: RouterEncoding;
}

export type RouterField = keyof RouterFormValues | 'tenantId' | 'fingerprint';
export type FieldErrors = Partial<Record<RouterField, string>>;

export const API_PORT = 8728;
export const API_SSL_PORT = 8729;

export function emptyRouterForm(): RouterFormValues {
  // Pinned by default: authenticated from the second connection on, with no CA to set up.
  return { name: '', host: '', port: String(API_SSL_PORT), tls: 'pin', tlsCa: '', username: '', password: '', site: '', notes: '', encoding: 'utf-8' };
}

export function routerFormFrom(router: RouterSummary): RouterFormValues {
  return {
    name: router.name,
    host: router.host,
    port: String(router.port),
    tls: router.tls,
    tlsCa: router.tlsCa,
    username: router.username,
    password: '',
    site: router.site,
    notes: router.notes,
    encoding: router.encoding,
  };
}

/**
 * The endpoint fields an edit changes (address, port, user, TLS mode or CA): the stored password
 * is only ever sent where it was saved, so then it must be typed again.
 */
export function endpointChanges(values: RouterFormValues, original: RouterSummary | null): RouterEndpointField[] {
  if (!original) return [];
  return changedEndpointFields(original, { host: values.host.trim(), port: Number(values.port), username: values.username.trim(), tls: values.tls, tlsCa: values.tlsCa.trim() });
}

/**
 * Every field at once, with the contract's own rules (the backend checks them again), so the form
 * shows all its problems in one go: the port as typed, a password for a new router, and on edit
 * the password again when the endpoint changes (empty otherwise keeps the stored one).
 */
export function checkRouterForm(values: RouterFormValues, original: RouterSummary | null = null): FieldErrors {
  const portOk = /^\d+$/.test(values.port.trim()) && Number(values.port) >= 1 && Number(values.port) <= 65535;
  // A placeholder port and password let the schema check the other fields when those two are for later lines.
  const keepsPassword = original !== null && values.password === '';
  const parsed = routerAddSchema.safeParse(routerAddInput({ ...values, port: portOk ? values.port : '1', password: keepsPassword ? 'stored' : values.password }, null));
  const errors: FieldErrors = parsed.success ? {} : fieldsOfIssues<RouterField>(parsed.error.issues, FIELDS);
  if (!portOk) errors.port = 'a port from 1 to 65535 (API 8728, API-SSL 8729)';
  const moved = endpointChanges(values, original);
  if (moved.length > 0 && values.password === '') errors.password = `enter the password again to change the router’s ${moved.join(', ')}`;
  return errors;
}

export function routerAddInput(values: RouterFormValues, tenantId: number | null): InvokeInput<'routers.add'> {
  return {
    name: values.name,
    host: values.host,
    port: Number(values.port),
    tls: values.tls,
    tlsCa: values.tls === 'verify-ca' ? values.tlsCa : '',
    username: values.username,
    password: values.password,
    site: values.site,
    notes: values.notes,
    encoding: values.encoding,
    ...(tenantId === null ? {} : { tenantId }),
  };
}

/** Only what changed, so an edit does not overwrite a concurrent change to another field. */
export function routerUpdateInput(values: RouterFormValues, original: RouterSummary): InvokeInput<'routers.update'> {
  const before = routerFormFrom(original);
  const input: InvokeInput<'routers.update'> = { id: original.id };
  if (values.name !== before.name) input.name = values.name;
  if (values.host !== before.host) input.host = values.host;
  if (values.port !== before.port) input.port = Number(values.port);
  if (values.tls !== before.tls) input.tls = values.tls;
  if (values.tlsCa !== before.tlsCa) input.tlsCa = values.tlsCa;
  if (values.username !== before.username) input.username = values.username;
  if (values.site !== before.site) input.site = values.site;
  if (values.notes !== before.notes) input.notes = values.notes;
  if (values.encoding !== before.encoding) input.encoding = values.encoding;
  if (values.password !== '') input.password = values.password;
  return input;
}

const FIELDS = new Set<string>(['name', 'host', 'port', 'tls', 'tlsCa', 'fingerprint', 'username', 'password', 'site', 'notes', 'encoding', 'tenantId']);

/**
 * Splits an invoke error into messages under the fields they concern and one for the form:
 * `invalid_input` details are `[{ path, message }]`; `conflict` (and some `invalid_input`)
 * details are `{ fields: { name: message } }`.
 */
export function routerFormErrors(error: ContractError): { fields: FieldErrors; form: string | null } {
  let fields: FieldErrors = {};
  const details = error.details;
  if (Array.isArray(details)) {
    fields = fieldsOfIssues<RouterField>(details, FIELDS);
  } else if (details && typeof details === 'object' && 'fields' in details) {
    const named = (details as { fields: unknown }).fields;
    if (named && typeof named === 'object') {
      for (const [field, message] of Object.entries(named)) if (FIELDS.has(field) && typeof message === 'string') fields[field as RouterField] = message;
    }
  }
  const claimed = Object.keys(fields).length > 0;
  return { fields, form: claimed && (error.code === 'invalid_input' || error.code === 'conflict') ? null : error.message };
}
