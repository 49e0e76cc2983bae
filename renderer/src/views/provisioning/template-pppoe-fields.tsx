import { TemplateCheck, TemplateTextField } from './template-text-field';
import type { TemplateFieldErrors, TemplateFormValues } from './template-form';

type Pppoe = TemplateFormValues['pppoe'];

/** The PPPoE part: the server on an interface, its pool and default profile. */
export function TemplatePppoeFields({ value, onChange, errors, idPrefix }: { value: Pppoe; onChange: (next: Pppoe) => void; errors: TemplateFieldErrors; idPrefix: string }) {
  const text = (field: Exclude<keyof Pppoe, 'oneSessionPerHost'>, label: string, hint?: string, mono = false) => (
    <TemplateTextField field={`pppoe.${field}`} label={label} hint={hint} value={value[field]} onChange={(v) => onChange({ ...value, [field]: v })} errors={errors} idPrefix={idPrefix} mono={mono} />
  );
  return (
    <>
      {text('interface', 'Interface', 'The port the PPPoE clients are on, e.g. ether3')}
      {text('serviceName', 'Service name', 'Empty: any')}
      {text('poolName', 'Pool name')}
      {text('poolRanges', 'Pool ranges', 'e.g. 10.20.0.2-10.20.0.254', true)}
      {text('localAddress', 'Local address', 'The router’s side of every link, e.g. 10.20.0.1', true)}
      {text('profileName', 'Default profile', 'Made or updated by the template')}
      {text('dnsServers', 'DNS servers', 'Given to clients, e.g. 10.20.0.1; empty: the router’s', true)}
      <TemplateCheck field="pppoe.oneSessionPerHost" checked={value.oneSessionPerHost} onChange={(on) => onChange({ ...value, oneSessionPerHost: on })}>
        One session per host
      </TemplateCheck>
    </>
  );
}
