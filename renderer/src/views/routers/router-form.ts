import type { ContractError } from '../../../../main/contract/errors';
import type { RouterEncoding, RouterSummary } from '../../../../main/routers/contract';
import type { InvokeInput } from '../../../../main/contract';

/** The Add/Edit form as the inputs hold it (strings), before it becomes an invoke input. */
export interface RouterFormValues {
  name: string;
  host: string;
  port: string;
  tls: boolean;
  username: string;
  /** Edit: empty keeps the stored password. */
  password: string;
  site: string;
  notes: string;
  encoding: RouterEncoding;
}

export type RouterField = keyof RouterFormValues | 'tenantId';
export type FieldErrors = Partial<Record<RouterField, string>>;

export const API_PORT = 8728;
export const API_SSL_PORT = 8729;

export function emptyRouterForm(): RouterFormValues {
  return { name: '', host: '', port: String(API_SSL_PORT), tls: true, username: '', password: '', site: '', notes: '', encoding: 'utf-8' };
}

export function routerFormFrom(router: RouterSummary): RouterFormValues {
  return {
    name: router.name,
    host: router.host,
    port: String(router.port),
    tls: router.tls,
    username: router.username,
    password: '',
    site: router.site,
    notes: router.notes,
    encoding: router.encoding,
  };
}

/** Checks the server cannot make for us (a port typed as text); everything else the contract validates. */
export function checkRouterForm(values: RouterFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port.trim()) || port < 1 || port > 65535) errors.port = 'a port from 1 to 65535 (API 8728, API-SSL 8729)';
  return errors;
}

export function routerAddInput(values: RouterFormValues, tenantId: number | null): InvokeInput<'routers.add'> {
  return {
    name: values.name,
    host: values.host,
    port: Number(values.port),
    tls: values.tls,
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
  if (values.username !== before.username) input.username = values.username;
  if (values.site !== before.site) input.site = values.site;
  if (values.notes !== before.notes) input.notes = values.notes;
  if (values.encoding !== before.encoding) input.encoding = values.encoding;
  if (values.password !== '') input.password = values.password;
  return input;
}

const FIELDS = new Set<string>(['name', 'host', 'port', 'tls', 'username', 'password', 'site', 'notes', 'encoding', 'tenantId']);

/**
 * Splits an invoke error into messages under the fields they concern and one for the form:
 * `invalid_input` details are `[{ path, message }]`; `conflict` (and some `invalid_input`)
 * details are `{ fields: { name: message } }`.
 */
export function routerFormErrors(error: ContractError): { fields: FieldErrors; form: string | null } {
  const fields: FieldErrors = {};
  const details = error.details;
  if (Array.isArray(details)) {
    for (const issue of details as Array<{ path?: unknown; message?: unknown }>) {
      const field = Array.isArray(issue.path) ? String(issue.path[0] ?? '') : '';
      if (FIELDS.has(field) && typeof issue.message === 'string') fields[field as RouterField] ??= issue.message;
    }
  } else if (details && typeof details === 'object' && 'fields' in details) {
    const named = (details as { fields: unknown }).fields;
    if (named && typeof named === 'object') {
      for (const [field, message] of Object.entries(named)) if (FIELDS.has(field) && typeof message === 'string') fields[field as RouterField] = message;
    }
  }
  const claimed = Object.keys(fields).length > 0;
  return { fields, form: claimed && (error.code === 'invalid_input' || error.code === 'conflict') ? null : error.message };
}
