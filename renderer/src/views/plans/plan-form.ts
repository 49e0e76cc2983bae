import type { InvokeInput } from '../../../../main/contract';
import type { ContractError } from '../../../../main/contract/errors';
import { planCreateInput, planFields, type ExpiryAction, type PlanKind, type PlanSummary, type RateLimit } from '../../../../main/plans/contract';
import type { LocaleSettings } from '../../format/locale';
import { fieldsOfDetails } from '../../components/issue-fields';
import { amountInputOf, parseAmount, type Parsed } from './amount-input';
import { durationInputOf, parseDuration } from './duration-input';
import { parseDataSize, parseRate, quantityInputOf } from './quantity-input';

/** The create/edit form as its inputs hold it (text as typed), before it becomes an invoke input. */
export interface PlanFormValues {
  kind: PlanKind;
  name: string;
  /** In the tenant's currency and locale ("50", "1,500.50"). */
  price: string;
  /** Durations as RouterOS writes them ("1d", "30d", "1h 30m"); empty: none. */
  validity: string;
  uptimeLimit: string;
  /** "500M", "2G"; empty: none. */
  dataLimit: string;
  /** "2M", "512k"; both empty: no rate limit. */
  uploadRate: string;
  downloadRate: string;
  burst: boolean;
  burstUpload: string;
  burstDownload: string;
  burstThresholdUpload: string;
  burstThresholdDownload: string;
  burstTime: string;
  /** Hotspot; empty: unlimited. */
  sharedUsers: string;
  addressPool: string;
  /** PPPoE. */
  localAddress: string;
  expiry: ExpiryAction;
  expiredProfile: string;
  /** At expiry, renew from the subscriber's balance when it covers the price. */
  autoRenew: boolean;
  routerIds: number[];
}

export type PlanField = keyof PlanFormValues | 'tenantId';
export type PlanFieldErrors = Partial<Record<PlanField, string>>;
type PlanInput = InvokeInput<'plans.create'>;

export function emptyPlanForm(kind: PlanKind, routerIds: number[]): PlanFormValues {
  return {
    kind,
    name: '',
    price: '',
    validity: kind === 'hotspot' ? '1d' : '30d',
    uptimeLimit: '',
    dataLimit: '',
    uploadRate: '',
    downloadRate: '',
    burst: false,
    burstUpload: '',
    burstDownload: '',
    burstThresholdUpload: '',
    burstThresholdDownload: '',
    burstTime: '',
    sharedUsers: kind === 'hotspot' ? '1' : '',
    addressPool: '',
    localAddress: '',
    expiry: 'disable',
    expiredProfile: '',
    autoRenew: false,
    routerIds,
  };
}

export function planFormFrom(plan: PlanSummary, settings: LocaleSettings): PlanFormValues {
  const rate = plan.rateLimit;
  return {
    kind: plan.kind,
    name: plan.name,
    price: amountInputOf(plan.priceMinor, settings),
    validity: durationInputOf(plan.validitySeconds),
    uptimeLimit: durationInputOf(plan.uptimeLimitSeconds),
    dataLimit: quantityInputOf(plan.dataLimitBytes),
    uploadRate: quantityInputOf(rate?.uploadBps ?? null),
    downloadRate: quantityInputOf(rate?.downloadBps ?? null),
    burst: rate?.burstUploadBps !== undefined,
    burstUpload: quantityInputOf(rate?.burstUploadBps ?? null),
    burstDownload: quantityInputOf(rate?.burstDownloadBps ?? null),
    burstThresholdUpload: quantityInputOf(rate?.burstThresholdUploadBps ?? null),
    burstThresholdDownload: quantityInputOf(rate?.burstThresholdDownloadBps ?? null),
    burstTime: durationInputOf(rate?.burstTimeSeconds ?? null),
    sharedUsers: plan.sharedUsers === null ? '' : String(plan.sharedUsers),
    addressPool: plan.addressPool ?? '',
    localAddress: plan.localAddress ?? '',
    expiry: plan.expiry,
    expiredProfile: plan.expiredProfile ?? '',
    autoRenew: plan.autoRenew,
    routerIds: [...plan.routerIds],
  };
}

/** The contract field (path) an issue names → the form field that shows it. */
const RATE_FIELDS: Record<string, PlanField> = {
  uploadBps: 'uploadRate',
  downloadBps: 'downloadRate',
  burstUploadBps: 'burstUpload',
  burstDownloadBps: 'burstDownload',
  burstThresholdUploadBps: 'burstThresholdUpload',
  burstThresholdDownloadBps: 'burstThresholdDownload',
  burstTimeSeconds: 'burstTime',
};
const TOP_FIELDS: Record<string, PlanField> = {
  kind: 'kind',
  name: 'name',
  priceMinor: 'price',
  validitySeconds: 'validity',
  uptimeLimitSeconds: 'uptimeLimit',
  dataLimitBytes: 'dataLimit',
  rateLimit: 'uploadRate',
  sharedUsers: 'sharedUsers',
  addressPool: 'addressPool',
  localAddress: 'localAddress',
  expiry: 'expiry',
  expiredProfile: 'expiredProfile',
  autoRenew: 'autoRenew',
  routerIds: 'routerIds',
  tenantId: 'tenantId',
};

export function planFieldOf(path: readonly PropertyKey[]): PlanField | null {
  const [first, second] = path.map(String);
  if (first === 'rateLimit' && second !== undefined && RATE_FIELDS[second]) return RATE_FIELDS[second];
  return first === undefined ? null : (TOP_FIELDS[first] ?? null);
}

/**
 * The invoke input the form stands for, and the fields whose text does not parse. A field that
 * does not parse gets a valid stand-in, so the contract's schema still checks every other field
 * and the form shows all its problems at once.
 */
export function planInputOf(values: PlanFormValues, settings: LocaleSettings, tenantId: number | null): { input: PlanInput; errors: PlanFieldErrors } {
  const errors: PlanFieldErrors = {};
  const take = <T>(field: PlanField, parsed: Parsed<T>, standIn: T): T => {
    if (parsed.ok) return parsed.value;
    errors[field] = parsed.message;
    return standIn;
  };
  const required = <T>(field: PlanField, parsed: Parsed<T | null>, standIn: T, missing: string): T => {
    const value = take(field, parsed, standIn);
    if (value !== null) return value;
    errors[field] = missing;
    return standIn;
  };
  const hotspot = values.kind === 'hotspot';

  let rateLimit: RateLimit | null = null;
  const up = take('uploadRate', parseRate(values.uploadRate), 1);
  const down = take('downloadRate', parseRate(values.downloadRate), 1);
  if (up !== null || down !== null || values.burst) {
    if (up === null) errors.uploadRate ??= 'enter the upload rate too (or clear both for no limit)';
    if (down === null) errors.downloadRate ??= 'enter the download rate too (or clear both for no limit)';
    rateLimit = { uploadBps: up ?? 1, downloadBps: down ?? 1 };
    if (values.burst) {
      const need = 'required with a burst';
      rateLimit = {
        ...rateLimit,
        burstUploadBps: required('burstUpload', parseRate(values.burstUpload), 1, need),
        burstDownloadBps: required('burstDownload', parseRate(values.burstDownload), 1, need),
        burstThresholdUploadBps: required('burstThresholdUpload', parseRate(values.burstThresholdUpload), 1, need),
        burstThresholdDownloadBps: required('burstThresholdDownload', parseRate(values.burstThresholdDownload), 1, need),
        burstTimeSeconds: required('burstTime', parseDuration(values.burstTime), 1, need),
      };
    }
  }

  const shared = values.sharedUsers.trim();
  let sharedUsers: number | null = null;
  if (hotspot && shared !== '') {
    if (/^\d+$/.test(shared)) sharedUsers = Number(shared);
    else errors.sharedUsers = 'a whole number of devices, or empty for unlimited';
  }
  const text = (value: string) => (value.trim() === '' ? null : value.trim());

  const input: PlanInput = {
    kind: values.kind,
    name: values.name,
    priceMinor: required('price', values.price.trim() === '' ? { ok: true, value: null } : parseAmount(values.price, settings), 0, 'enter the price (0 for free)'),
    validitySeconds: take('validity', parseDuration(values.validity), null),
    uptimeLimitSeconds: take('uptimeLimit', parseDuration(values.uptimeLimit), null),
    dataLimitBytes: take('dataLimit', parseDataSize(values.dataLimit), null),
    rateLimit,
    sharedUsers,
    addressPool: text(values.addressPool),
    localAddress: hotspot ? null : text(values.localAddress),
    expiry: values.expiry,
    expiredProfile: values.expiry === 'move' ? text(values.expiredProfile) : null,
    autoRenew: values.autoRenew,
    routerIds: values.routerIds,
    ...(tenantId === null ? {} : { tenantId }),
  };
  return { input, errors };
}

/** Every field at once: the text that does not parse, then the contract's own rules (the backend checks them again). */
export function checkPlanForm(values: PlanFormValues, settings: LocaleSettings): PlanFieldErrors {
  const { input, errors } = planInputOf(values, settings, null);
  const parsed = planCreateInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = planFieldOf(issue.path);
      if (field) errors[field] ??= issue.message;
    }
  }
  return errors;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed, so an edit does not overwrite a concurrent change to another field. */
export function planUpdateInput(values: PlanFormValues, original: PlanSummary, settings: LocaleSettings): InvokeInput<'plans.update'> {
  const { input } = planInputOf(values, settings, null);
  const update: Record<string, unknown> = { id: original.id };
  for (const key of Object.keys(planFields) as Array<keyof typeof planFields>) {
    if (key === 'kind') continue;
    const before = key === 'routerIds' ? [...original.routerIds].sort((a, b) => a - b) : original[key];
    const after = key === 'routerIds' ? [...input.routerIds].sort((a, b) => a - b) : input[key];
    if (!sameValue(before, after)) update[key] = input[key];
  }
  return update as InvokeInput<'plans.update'>;
}

/**
 * Splits an invoke error into messages under the fields they concern and one for the form:
 * `invalid_input` details are `[{ path, message }]`; `conflict` details are `{ fields: { name: message } }`.
 */
export function planFormErrors(error: ContractError): { fields: PlanFieldErrors; form: string | null } {
  const fields = fieldsOfDetails(error.details, { ofPath: planFieldOf, ofKey: (key) => planFieldOf([key]) }) as PlanFieldErrors;
  const claimed = Object.keys(fields).length > 0 && (error.code === 'invalid_input' || error.code === 'conflict');
  return { fields, form: claimed ? null : error.message };
}
