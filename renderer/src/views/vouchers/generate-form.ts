import type { InvokeInput } from '../../../../main/contract';
import type { ContractError } from '../../../../main/contract/errors';
import type { PlanSummary } from '../../../../main/plans/contract';
import { voucherBatchInput, type VoucherCharset } from '../../../../main/vouchers/contract';
import { fieldsOfIssues } from '../../components/issue-fields';

/** The Generate dialog as its inputs hold it. */
export interface GenerateFormValues {
  planId: string;
  count: string;
  codeLength: string;
  prefix: string;
  charset: VoucherCharset;
  separatePassword: boolean;
  comment: string;
  /** The plan's routers, or some of them. */
  routerIds: number[];
}

export type GenerateField = keyof GenerateFormValues | 'tenantId';
export type GenerateFieldErrors = Partial<Record<GenerateField, string>>;

const FIELDS = new Set<string>(['planId', 'count', 'codeLength', 'prefix', 'charset', 'separatePassword', 'comment', 'routerIds', 'tenantId']);

/** Mixed letters and digits: six of them give ~10⁹ codes, so codes stay unique across years of batches. */
export function emptyGenerateForm(plan: PlanSummary | null): GenerateFormValues {
  return { planId: plan ? String(plan.id) : '', count: '100', codeLength: '6', prefix: '', charset: 'mixed', separatePassword: false, comment: '', routerIds: plan ? [...plan.routerIds] : [] };
}

const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

export function generateInputOf(values: GenerateFormValues, plan: PlanSummary | null, tenantId: number | null): InvokeInput<'vouchers.generate'> {
  // All of the plan's routers is the default the backend applies itself; only a narrower choice is sent.
  const narrowed = plan !== null && (values.routerIds.length !== plan.routerIds.length || plan.routerIds.some((r) => !values.routerIds.includes(r)));
  return {
    planId: Number(values.planId),
    count: whole(values.count),
    codeLength: whole(values.codeLength),
    prefix: values.prefix,
    charset: values.charset,
    separatePassword: values.separatePassword,
    comment: values.comment,
    ...(narrowed ? { routerIds: values.routerIds } : {}),
    ...(tenantId === null ? {} : { tenantId }),
  };
}

/** Every field at once with the contract's rules; a batch needs a hotspot plan and a router to go to. */
export function checkGenerateForm(values: GenerateFormValues, plan: PlanSummary | null): GenerateFieldErrors {
  const parsed = voucherBatchInput.safeParse(generateInputOf(values, plan, null));
  const errors: GenerateFieldErrors = parsed.success ? {} : fieldsOfIssues<GenerateField>(parsed.error.issues, FIELDS);
  if (Number.isNaN(whole(values.count))) errors.count = 'a whole number from 1 to 10,000';
  if (Number.isNaN(whole(values.codeLength))) errors.codeLength = 'a whole number from 4 to 16';
  if (!plan || plan.kind !== 'hotspot') errors.planId = 'choose a hotspot plan';
  else if (values.routerIds.length === 0) errors.routerIds = 'choose at least one of the plan’s routers';
  return errors;
}

export function generateFormErrors(error: ContractError): { fields: GenerateFieldErrors; form: string | null } {
  let fields: GenerateFieldErrors = {};
  const details = error.details;
  if (Array.isArray(details)) fields = fieldsOfIssues<GenerateField>(details, FIELDS);
  else if (details && typeof details === 'object' && 'fields' in details) {
    const named = (details as { fields: unknown }).fields;
    if (named && typeof named === 'object') {
      for (const [field, message] of Object.entries(named)) if (FIELDS.has(field) && typeof message === 'string') fields[field as GenerateField] = message;
    }
  }
  const claimed = Object.keys(fields).length > 0 && (error.code === 'invalid_input' || error.code === 'conflict');
  return { fields, form: claimed ? null : error.message };
}
