/** One validation issue as zod reports it, and as `invalid_input` errors carry them in `details`. */
export interface FieldIssue {
  path?: readonly PropertyKey[] | unknown;
  message?: unknown;
}

/**
 * Every issue under the field it names (the first message per field), so a form shows all its
 * problems at once instead of one at a time; issues of fields not in `known` are left out.
 */
export function fieldsOfIssues<F extends string>(issues: readonly FieldIssue[], known: ReadonlySet<string>): Partial<Record<F, string>> {
  const fields: Partial<Record<F, string>> = {};
  for (const issue of issues) {
    const field = Array.isArray(issue.path) ? String(issue.path[0] ?? '') : '';
    if (known.has(field) && typeof issue.message === 'string') fields[field as F] ??= issue.message;
  }
  return fields;
}
