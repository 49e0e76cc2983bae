import { useId } from 'react';
import { Field, fieldAria } from '../plans/field';
import type { EmailFormValues } from './email-form';
import { SecretInput } from './secret-input';
import type { SettingsForm } from './use-settings-form';

const SECURITY: Array<[EmailFormValues['security'], string]> = [
  ['starttls', 'STARTTLS (port 587)'],
  ['tls', 'TLS from the start (port 465)'],
  ['none', 'None (a relay on this machine only)'],
];

/** The SMTP server, its sign-in (the password write-only), the sender and the staff addresses. */
export function EmailChannelFields({ form, errors }: { form: SettingsForm<EmailFormValues>; errors: Partial<Record<string, string>> }) {
  const ids = useId();
  const id = (field: string) => `${ids}-${field}`;
  const { values, edit } = form;
  const set = (change: Partial<EmailFormValues>) => edit((v) => ({ ...v, ...change }));
  return (
    <div className="form-grid">
      <Field id={id('host')} label="SMTP server" error={errors.host} testId="notify-email-host">
        <input {...fieldAria(id('host'), errors.host)} value={values.host} placeholder="smtp.example.com" onChange={(e) => set({ host: e.target.value })} data-testid="notify-email-host" />
      </Field>
      <Field id={id('port')} label="Port" error={errors.port} testId="notify-email-port">
        <input {...fieldAria(id('port'), errors.port)} inputMode="numeric" value={values.port} onChange={(e) => set({ port: e.target.value })} data-testid="notify-email-port" />
      </Field>
      <Field id={id('security')} label="Security" error={errors.security} testId="notify-email-security">
        <select {...fieldAria(id('security'), errors.security)} value={values.security} onChange={(e) => set({ security: e.target.value as EmailFormValues['security'] })} data-testid="notify-email-security">
          {SECURITY.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('user')} label="User (empty: no sign-in)" error={errors.user} testId="notify-email-user">
        <input {...fieldAria(id('user'), errors.user)} autoComplete="off" value={values.user} onChange={(e) => set({ user: e.target.value })} data-testid="notify-email-user" />
      </Field>
      <SecretInput id={id('password')} label="Password" secret={values.password} onChange={(password) => set({ password })} error={errors.password} testId="notify-email-password" removable />
      <Field id={id('from')} label="From address" error={errors.from} testId="notify-email-from">
        <input {...fieldAria(id('from'), errors.from)} type="email" value={values.from} placeholder="noc@example.com" onChange={(e) => set({ from: e.target.value })} data-testid="notify-email-from" />
      </Field>
      <Field id={id('staff')} label="Staff addresses for staff alerts (one a line)" error={errors.staffRecipients} testId="notify-email-staff" wide>
        <textarea {...fieldAria(id('staff'), errors.staffRecipients)} rows={2} value={values.staffRecipients} onChange={(e) => set({ staffRecipients: e.target.value })} data-testid="notify-email-staff" />
      </Field>
    </div>
  );
}
