import type { ContractError } from '../../../../main/contract/errors';
import type { ProvisioningTemplate } from '../../../../main/provisioning/contract';
import { templateSchema, type TemplateInput, type TemplateSpec } from '../../../../main/provisioning/template-contract';
import { durationInputOf, parseDuration } from '../plans/duration-input';
import { fieldsOfDetails } from '../../components/issue-fields';

/** The editor's form as its inputs hold it: lists as typed text (comma or line separated), sections with an on/off switch. */
export interface TemplateFormValues {
  name: string;
  description: string;
  identity: string;
  timeZone: string;
  ntpServers: string;
  pools: Array<{ name: string; ranges: string }>;
  hotspotOn: boolean;
  hotspot: {
    interface: string;
    bridgePorts: string;
    address: string;
    poolRanges: string;
    dnsName: string;
    loginBy: string[];
    htmlDirectory: string;
    /** As RouterOS writes durations ("1h", "1d"). */
    leaseTime: string;
    walledGarden: string;
    masquerade: boolean;
  };
  pppoeOn: boolean;
  pppoe: {
    interface: string;
    serviceName: string;
    poolName: string;
    poolRanges: string;
    localAddress: string;
    profileName: string;
    dnsServers: string;
    oneSessionPerHost: boolean;
  };
  planIds: number[];
  apiHardeningOn: boolean;
  apiHardening: { sslOnly: boolean; allowedAddresses: string };
}

/**
 * An error's key in the form: the contract's path joined with dots (`hotspot.address`,
 * `pools.0.name`); a list typed as one text field (NTP servers, ports, hosts) takes its items' errors.
 */
export type TemplateFieldErrors = Partial<Record<string, string>>;

export const LOGIN_METHODS = ['http-chap', 'http-pap', 'https', 'cookie', 'mac', 'mac-cookie', 'trial'] as const;

export function emptyTemplateForm(): TemplateFormValues {
  return {
    name: '',
    description: '',
    identity: '',
    timeZone: '',
    ntpServers: '',
    pools: [],
    hotspotOn: false,
    hotspot: { interface: 'ether2', bridgePorts: '', address: '10.5.50.1/24', poolRanges: '10.5.50.10-10.5.50.254', dnsName: '', loginBy: ['http-chap', 'cookie'], htmlDirectory: 'hotspot', leaseTime: '1h', walledGarden: '', masquerade: true },
    pppoeOn: false,
    pppoe: { interface: 'ether3', serviceName: '', poolName: 'pppoe-pool', poolRanges: '10.20.0.2-10.20.0.254', localAddress: '10.20.0.1', profileName: 'pppoe-default', dnsServers: '', oneSessionPerHost: true },
    planIds: [],
    apiHardeningOn: false,
    apiHardening: { sslOnly: true, allowedAddresses: '' },
  };
}

const joined = (items: readonly string[]) => items.join(', ');

export function templateFormFrom(t: ProvisioningTemplate): TemplateFormValues {
  const empty = emptyTemplateForm();
  return {
    name: t.name,
    description: t.description,
    identity: t.identity ?? '',
    timeZone: t.timeZone ?? '',
    ntpServers: joined(t.ntpServers),
    pools: t.pools.map((p) => ({ ...p })),
    hotspotOn: t.hotspot !== null,
    hotspot: t.hotspot
      ? { ...t.hotspot, bridgePorts: joined(t.hotspot.bridgePorts), dnsName: t.hotspot.dnsName ?? '', loginBy: [...t.hotspot.loginBy], leaseTime: durationInputOf(t.hotspot.leaseSeconds), walledGarden: joined(t.hotspot.walledGarden) }
      : empty.hotspot,
    pppoeOn: t.pppoe !== null,
    pppoe: t.pppoe ? { ...t.pppoe, dnsServers: joined(t.pppoe.dnsServers) } : empty.pppoe,
    planIds: [...t.planIds],
    apiHardeningOn: t.apiHardening !== null,
    apiHardening: t.apiHardening ? { sslOnly: t.apiHardening.sslOnly, allowedAddresses: joined(t.apiHardening.allowedAddresses) } : empty.apiHardening,
  };
}

/** "a, b\nc" → ['a', 'b', 'c']. */
export const listOf = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The invoke input the form stands for, and the errors of text that does not parse (the lease time). */
export function templateInputOf(v: TemplateFormValues): { input: TemplateInput; errors: TemplateFieldErrors } {
  const errors: TemplateFieldErrors = {};
  const lease = parseDuration(v.hotspot.leaseTime);
  if (!lease.ok) errors['hotspot.leaseTime'] = lease.message;
  else if (lease.value === null) errors['hotspot.leaseTime'] = 'a lease time such as 1h or 1d';
  const input: TemplateInput = {
    name: v.name,
    description: v.description,
    identity: orNull(v.identity),
    timeZone: orNull(v.timeZone),
    ntpServers: listOf(v.ntpServers),
    pools: v.pools.map((p) => ({ name: p.name, ranges: p.ranges })),
    hotspot: v.hotspotOn
      ? {
          interface: v.hotspot.interface,
          bridgePorts: listOf(v.hotspot.bridgePorts),
          address: v.hotspot.address,
          poolRanges: v.hotspot.poolRanges,
          dnsName: orNull(v.hotspot.dnsName),
          loginBy: v.hotspot.loginBy as Array<(typeof LOGIN_METHODS)[number]>,
          htmlDirectory: v.hotspot.htmlDirectory,
          leaseSeconds: lease.ok && lease.value !== null ? lease.value : 3600,
          walledGarden: listOf(v.hotspot.walledGarden),
          masquerade: v.hotspot.masquerade,
        }
      : null,
    pppoe: v.pppoeOn ? { ...v.pppoe, dnsServers: listOf(v.pppoe.dnsServers) } : null,
    planIds: v.planIds,
    apiHardening: v.apiHardeningOn ? { sslOnly: v.apiHardening.sslOnly, allowedAddresses: listOf(v.apiHardening.allowedAddresses) } : null,
  };
  return { input, errors };
}

/** Fields typed as one text (a list): an error of one of its items shows under the whole field. */
const LIST_FIELDS = new Set(['ntpServers', 'planIds', 'hotspot.bridgePorts', 'hotspot.walledGarden', 'hotspot.loginBy', 'pppoe.dnsServers', 'apiHardening.allowedAddresses']);

/** Contract fields the form types differently (seconds as a duration). */
const RENAMED: Record<string, string> = { 'hotspot.leaseSeconds': 'hotspot.leaseTime' };

/** The form key of a contract path (`['hotspot', 'walledGarden', 2]` → `hotspot.walledGarden`). */
export function templateFieldOf(path: readonly PropertyKey[]): string | null {
  const parts = path.map(String);
  if (parts[0] === 'template') parts.shift();
  if (parts.length === 0) return null;
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.');
    if (LIST_FIELDS.has(key)) return key;
  }
  const key = parts.join('.');
  return RENAMED[key] ?? key;
}

/** The valid template, or every problem at once: the text that does not parse, then the contract's rules (the server checks them again). */
export function checkTemplateForm(v: TemplateFormValues): { spec: TemplateSpec | null; errors: TemplateFieldErrors } {
  const { input, errors } = templateInputOf(v);
  const parsed = templateSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = templateFieldOf(issue.path);
      if (field) errors[field] ??= issue.message;
    }
  }
  return { spec: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null, errors };
}

/**
 * An invoke error split into messages under its fields and one for the form: `invalid_input`
 * details are `[{ path, message }]` or `{ fields: { name: message } }`.
 */
export function templateFormErrors(error: ContractError): { fields: TemplateFieldErrors; form: string | null } {
  const fields: TemplateFieldErrors = fieldsOfDetails(error.details, { ofPath: templateFieldOf, ofKey: (key) => templateFieldOf(key.split('.')) ?? key });
  return { fields, form: Object.keys(fields).length > 0 ? null : error.message };
}

/** The error keys a change of one form value clears: a section's changed fields by their dotted keys. */
export function changedKeys(field: string, before: unknown, after: unknown): string[] {
  if (before === null || after === null || typeof before !== 'object' || typeof after !== 'object' || Array.isArray(after)) return [field];
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  return [field, ...Object.keys(now).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(now[k])).map((k) => `${field}.${k}`)];
}
