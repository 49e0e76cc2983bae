import { z } from 'zod';
import type { ContractError } from '../../../../main/contract/errors';
import { LOGO_MAX_BYTES, LOGO_TYPES, tenantSettingsFields, type TenantSettings } from '../../../../main/tenants/tenant-settings-contract';
import { fieldsOfIssues } from '../../components/issue-fields';

export type TenantSettingsValues = Omit<TenantSettings, 'tenantId'>;
export type TenantSettingsField = keyof TenantSettingsValues;
export type TenantSettingsErrors = Partial<Record<TenantSettingsField, string>>;

const FIELDS = new Set<string>(['name', 'timeZone', 'locale', 'currency', 'logo']);
const schema = z.object(tenantSettingsFields);

/** Every field checked at once, with the contract's own rules (the backend checks them again). */
export function checkTenantSettings(values: TenantSettingsValues): TenantSettingsErrors {
  const parsed = schema.safeParse(values);
  return parsed.success ? {} : fieldsOfIssues<TenantSettingsField>(parsed.error.issues, FIELDS);
}

/** A refused save: messages under their fields where the error names them, else one for the form. */
export function tenantSettingsErrors(error: ContractError): { fields: TenantSettingsErrors; form: string | null } {
  const details = error.details;
  const fields = Array.isArray(details)
    ? fieldsOfIssues<TenantSettingsField>(details, FIELDS)
    : fieldsOfIssues<TenantSettingsField>(Object.entries((details as { fields?: Record<string, unknown> } | undefined)?.fields ?? {}).map(([field, message]) => ({ path: [field], message })), FIELDS);
  return { fields, form: Object.keys(fields).length > 0 ? null : error.message };
}

/** Why a chosen logo file cannot be used, or null: checked before it is read, so a huge file is never loaded. */
export function logoFileProblem(file: { type: string; size: number }): string | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return 'Choose a PNG, JPEG or WebP image.';
  if (file.size > LOGO_MAX_BYTES) return `The image has ${Math.ceil(file.size / 1024)} KiB; a logo may have ${LOGO_MAX_BYTES / 1024} KiB. Scale it down and choose it again.`;
  return null;
}
