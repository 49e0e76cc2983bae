/**
 * Parameters a view keeps in the URL hash beside its id (`#/online-users?tenant=3&q=hs0`), so a
 * reload or a shared link shows the same tenant, filters and sort. Pure string functions.
 */
export function hashParam(hash: string, name: string): string | null {
  const query = hash.split('?')[1];
  return query ? new URLSearchParams(query).get(name) : null;
}

/** The hash with these parameters set (null or '' removes one); the view and other parameters stay. */
export function hashWithParams(hash: string, changes: Readonly<Record<string, string | null>>): string {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === '') params.delete(name);
    else params.set(name, value);
  }
  const rest = params.toString();
  return `#${path}${rest ? `?${rest}` : ''}`;
}

/** A positive integer parameter (an id), or null. */
export function hashId(hash: string, name: string): number | null {
  const value = hashParam(hash, name);
  const id = value === null ? NaN : Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}
