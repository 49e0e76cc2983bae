import { authSettingsSchema, type AuthSettings } from '../../../../main/auth/contract';

export type NumberSetting = 'maxFailures' | 'failureWindowMinutes' | 'lockMinutes' | 'sessionIdleMinutes' | 'sessionAbsoluteMinutes';

/** The numeric settings in the order the form shows them. */
export const NUMBER_SETTINGS: ReadonlyArray<{ key: NumberSetting; label: string }> = [
  { key: 'maxFailures', label: 'Failed sign-ins (or codes) that lock an account' },
  { key: 'failureWindowMinutes', label: '…counted within (minutes)' },
  { key: 'lockMinutes', label: 'Lock for (minutes)' },
  { key: 'sessionIdleMinutes', label: 'Sign out after idle (minutes)' },
  { key: 'sessionAbsoluteMinutes', label: 'Sign out after at most (minutes)' },
];

/** The system admin's form as the inputs hold it: numbers as typed. */
export interface SignInSecurityForm {
  numbers: Record<NumberSetting, string>;
  selfRegistration: boolean;
  requireTwoFactorForSystemAdmins: boolean;
}

export function formFrom(settings: AuthSettings): SignInSecurityForm {
  const numbers = Object.fromEntries(NUMBER_SETTINGS.map(({ key }) => [key, String(settings[key])])) as Record<NumberSetting, string>;
  return { numbers, selfRegistration: settings.selfRegistration, requireTwoFactorForSystemAdmins: settings.requireTwoFactorForSystemAdmins };
}

/**
 * What to send: only the settings that differ from the saved ones (so the audit entry names what
 * changed), or the fields to fix first — whole numbers within the contract's own bounds.
 */
export function changesFrom(saved: AuthSettings, form: SignInSecurityForm): { changes: Partial<AuthSettings>; fields: Partial<Record<NumberSetting, string>> } {
  const changes: Partial<AuthSettings> = {};
  const fields: Partial<Record<NumberSetting, string>> = {};
  for (const { key } of NUMBER_SETTINGS) {
    const bounds = authSettingsSchema.shape[key];
    const text = form.numbers[key].trim();
    const value = Number(text);
    if (!/^\d+$/.test(text) || !bounds.safeParse(value).success) fields[key] = `Enter a whole number from ${bounds.minValue} to ${bounds.maxValue}.`;
    else if (value !== saved[key]) changes[key] = value;
  }
  if (form.selfRegistration !== saved.selfRegistration) changes.selfRegistration = form.selfRegistration;
  if (form.requireTwoFactorForSystemAdmins !== saved.requireTwoFactorForSystemAdmins) changes.requireTwoFactorForSystemAdmins = form.requireTwoFactorForSystemAdmins;
  return Object.keys(fields).length > 0 ? { changes: {}, fields } : { changes, fields };
}
