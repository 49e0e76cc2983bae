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

/**
 * The field errors a refused invoke carries in `details`: zod issues (an array) or named fields
 * (`{ fields: { key: message } }`), each under the form field `ofPath` / `ofKey` maps it to
 * (null: not a field of this form; the first issue per field wins).
 */
export function fieldsOfDetails(details: unknown, map: { ofPath(path: readonly PropertyKey[]): string | null; ofKey(key: string): string | null }): Record<string, string> {
  const fields: Record<string, string> = {};
  if (Array.isArray(details)) {
    for (const issue of details as FieldIssue[]) {
      const field = Array.isArray(issue.path) ? map.ofPath(issue.path as PropertyKey[]) : null;
      if (field && typeof issue.message === 'string') fields[field] ??= issue.message;
    }
  } else if (details && typeof details === 'object' && 'fields' in details) {
    const named = (details as { fields: unknown }).fields;
    if (named && typeof named === 'object') {
      for (const [key, message] of Object.entries(named)) {
        const field = map.ofKey(key);
        if (field && typeof message === 'string') fields[field] = message;
      }
    }
  }
  return fields;
}
