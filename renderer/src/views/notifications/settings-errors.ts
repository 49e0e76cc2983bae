import type { ContractError } from '../../../../main/contract/errors';
import { fieldsOfIssues, type FieldIssue } from '../../components/issue-fields';

/** Names the field of a path below a form's part of the settings: `['staffRecipients', 2]` → `staffRecipients`. */
export type FieldKeyOf = (rest: readonly PropertyKey[]) => string;

const firstSegment: FieldKeyOf = (rest) => String(rest[0] ?? '');

/** Keeps path segments up to `depth`: `['headers', 0, 'value']` at 3 is `headers.0.value`. */
export const segments =
  (depth: number): FieldKeyOf =>
  (rest) =>
    rest.slice(0, depth).map(String).join('.');

const pathOf = (issue: FieldIssue): readonly PropertyKey[] => (Array.isArray(issue.path) ? (issue.path as PropertyKey[]) : []);

/**
 * The issues below `prefix` (a form's part of the settings, such as `['channels', 'email']`),
 * each under the key of its field, so `fieldsOfIssues` places them like any form's.
 */
export function issuesUnder(issues: readonly FieldIssue[], prefix: readonly PropertyKey[], keyOf: FieldKeyOf = firstSegment): FieldIssue[] {
  return issues
    .filter((issue) => prefix.every((segment, i) => String(pathOf(issue)[i]) === String(segment)))
    .map((issue) => ({ path: [keyOf(pathOf(issue).slice(prefix.length))], message: issue.message }));
}

/** A refused change's issues, whichever way the backend sent them: zod issues, or `details.fields` keyed by dotted path. */
function issuesOf(error: ContractError): FieldIssue[] {
  const details = error.details;
  if (Array.isArray(details)) return details as FieldIssue[];
  const fields = (details as { fields?: Record<string, unknown> } | undefined)?.fields;
  return Object.entries(fields ?? {}).map(([path, message]) => ({ path: path.split('.'), message }));
}

/**
 * A refused save of one form: messages under the fields they name (paths below `prefix`), and
 * the error's own message above the form when no field of it is named.
 */
export function formErrors<F extends string>(error: ContractError, prefix: readonly PropertyKey[], known: ReadonlySet<string>, keyOf?: FieldKeyOf): { fields: Partial<Record<F, string>>; form: string | null } {
  const fields = fieldsOfIssues<F>(issuesUnder(issuesOf(error), prefix, keyOf), known);
  return { fields, form: Object.keys(fields).length > 0 ? null : error.message };
}
