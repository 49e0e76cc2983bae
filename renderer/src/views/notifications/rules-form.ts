import type { z } from 'zod';
import { notificationSettingsInput, STAFF_RULES, staffRuleInput, type NotificationSettings, type StaffChannel, type StaffRule } from '../../../../main/notifications/contract';
import { fieldsOfIssues } from '../../components/issue-fields';
import type { FieldKeyOf } from './settings-errors';

/** The parameters a rule has, as the form edits them (text, read as whole numbers on save). */
export const RULE_PARAMS = { 'router-down': ['afterSeconds'], 'router-cpu-high': ['percent', 'minutes'] } as const satisfies Partial<Record<StaffRule, readonly string[]>>;
export type RuleParam = 'afterSeconds' | 'percent' | 'minutes';
export const PARAM_LABEL: Record<RuleParam, string> = { afterSeconds: 'Down for (seconds)', percent: 'CPU above (%)', minutes: 'For (minutes)' };

export const paramsOf = (rule: StaffRule): readonly RuleParam[] => (RULE_PARAMS as Partial<Record<StaffRule, readonly RuleParam[]>>)[rule] ?? [];

export interface RuleFormValues {
  enabled: boolean;
  channels: StaffChannel[];
  params: Partial<Record<RuleParam, string>>;
}

export interface RulesFormValues {
  rules: Record<StaffRule, RuleFormValues>;
  groupSeconds: string;
}

export type RulesInput = { rules: Record<StaffRule, z.input<typeof staffRuleInput>>; groupSeconds: number };

export function rulesFormOf(settings: Pick<NotificationSettings, 'rules' | 'groupSeconds'>): RulesFormValues {
  const rules = Object.fromEntries(
    STAFF_RULES.map((rule) => {
      const saved = settings.rules[rule];
      const params = Object.fromEntries(paramsOf(rule).map((p) => [p, saved[p] === undefined ? '' : String(saved[p])]));
      return [rule, { enabled: saved.enabled, channels: [...saved.channels], params }];
    }),
  ) as Record<StaffRule, RuleFormValues>;
  return { rules, groupSeconds: String(settings.groupSeconds) };
}

/** Problems of a rule sit under `{rule}.{field}` (`router-down.afterSeconds`), the grouping under `groupSeconds`. */
export const rulesFieldKey: FieldKeyOf = (rest) => (rest[0] === 'rules' ? `${String(rest[1])}.${String(rest[2] ?? 'channels')}` : String(rest[0] ?? ''));

export const RULES_FIELDS: ReadonlySet<string> = new Set(['groupSeconds', ...STAFF_RULES.flatMap((rule) => ['enabled', 'channels', ...paramsOf(rule)].map((f) => `${rule}.${f}`))]);

const wholeNumber = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

/**
 * Every rule with its channels and parameters, and the grouping time, as `notifications.updateSettings`
 * takes them, checked with the contract's schemas; or every problem at once, keyed like rulesFieldKey.
 */
export function rulesInputOf(values: RulesFormValues): { ok: true; input: RulesInput } | { ok: false; errors: Partial<Record<string, string>> } {
  const rules = Object.fromEntries(
    STAFF_RULES.map((rule) => {
      const v = values.rules[rule];
      // An empty parameter is left out: the backend keeps its default.
      const params = Object.fromEntries(paramsOf(rule).flatMap((p) => ((v.params[p] ?? '').trim() === '' ? [] : [[p, wholeNumber(v.params[p]!)]])));
      return [rule, { enabled: v.enabled, channels: v.channels, ...params }];
    }),
  ) as RulesInput['rules'];
  const input: RulesInput = { rules, groupSeconds: wholeNumber(values.groupSeconds) };
  const issues = STAFF_RULES.flatMap((rule) => (staffRuleInput.safeParse(rules[rule]).error?.issues ?? []).map((i) => ({ path: ['rules', rule, ...i.path], message: i.message })));
  for (const i of notificationSettingsInput.shape.groupSeconds.safeParse(input.groupSeconds).error?.issues ?? []) issues.push({ path: ['groupSeconds'], message: i.message });
  if (issues.length === 0) return { ok: true, input };
  // A number field with words in it reads "expected number, received NaN" from zod: say what to type.
  const said = issues.map((i) => ({ path: [rulesFieldKey(i.path)], message: /NaN|number/i.test(i.message) && !/from|at (least|most)/.test(i.message) ? 'a whole number' : i.message }));
  return { ok: false, errors: fieldsOfIssues(said, RULES_FIELDS) };
}
