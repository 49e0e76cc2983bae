import { TemplateCheck, TemplateTextField, testIdOf } from './template-text-field';
import { LOGIN_METHODS, type TemplateFieldErrors, type TemplateFormValues } from './template-form';

type Hotspot = TemplateFormValues['hotspot'];

export interface HotspotFieldsProps {
  value: Hotspot;
  onChange: (next: Hotspot) => void;
  errors: TemplateFieldErrors;
  idPrefix: string;
}

/** The hotspot part: where it runs, its network and DHCP, the login page, what is open before login, NAT. */
export function TemplateHotspotFields({ value, onChange, errors, idPrefix }: HotspotFieldsProps) {
  const text = (field: keyof Hotspot, label: string, hint?: string, mono = false, wide = false) => (
    <TemplateTextField field={`hotspot.${field}`} label={label} hint={hint} value={String(value[field])} onChange={(v) => onChange({ ...value, [field]: v })} errors={errors} idPrefix={idPrefix} mono={mono} wide={wide} />
  );
  const toggleLogin = (method: string, on: boolean) => onChange({ ...value, loginBy: on ? [...value.loginBy, method] : value.loginBy.filter((m) => m !== method) });
  const loginError = errors['hotspot.loginBy'];
  return (
    <>
      {text('interface', 'Interface or bridge', 'An existing port (ether2), or the bridge to make from the ports below')}
      {text('bridgePorts', 'Bridge ports', 'Empty: use the interface as it is; e.g. ether2, ether3')}
      {text('address', 'Router address', 'With its prefix, e.g. 10.5.50.1/24', true)}
      {text('poolRanges', 'Pool ranges', 'Handed out by DHCP, e.g. 10.5.50.10-10.5.50.254', true)}
      {text('dnsName', 'DNS name', 'The login page’s name, e.g. login.isp.example; empty: none')}
      {text('htmlDirectory', 'HTML directory', 'The login page files on the router')}
      {text('leaseTime', 'DHCP lease time', 'e.g. 1h, 1d')}
      {text('walledGarden', 'Walled garden', 'Hosts open before login, e.g. pay.example.com, *.mpesa.example', false, true)}
      <fieldset className={`form-field form-span checklist-field${loginError ? ' has-error' : ''}`} data-testid={testIdOf('hotspot.loginBy')}>
        <legend>Login methods</legend>
        <div className="checklist">
          {LOGIN_METHODS.map((m) => (
            <label key={m} className="check">
              <input type="checkbox" checked={value.loginBy.includes(m)} onChange={(e) => toggleLogin(m, e.target.checked)} data-testid={`template-login-${m}`} />
              {m}
            </label>
          ))}
        </div>
        {loginError && (
          <span className="field-error" role="alert" data-testid={`${testIdOf('hotspot.loginBy')}-error`}>
            {loginError}
          </span>
        )}
      </fieldset>
      <TemplateCheck field="hotspot.masquerade" checked={value.masquerade} onChange={(on) => onChange({ ...value, masquerade: on })}>
        Masquerade the hotspot network out of the router (NAT)
      </TemplateCheck>
    </>
  );
}
