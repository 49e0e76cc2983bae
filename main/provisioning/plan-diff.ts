import { parseBoolean, parseDuration } from '../routers/client/values';
import type { MenuOp } from '../routers/io/shard-protocol';
import type { ProvisioningStep } from './contract';
import type { DesiredRow } from './desired-row';

type RosRow = Record<string, string>;

/** A step of a plan with the command that carries it out. */
export interface PlannedStep extends ProvisioningStep {
  op: MenuOp;
}

const LIST_FIELDS = new Set(['login-by', 'authentication', 'dns-server', 'servers', 'server-dns-names', 'address']);
const DURATION_FIELDS = new Set(['lease-time', 'idle-timeout', 'keepalive-timeout', 'session-timeout']);

/** What RouterOS considers the same value: yes = true, `1h` = `3600s`, lists in any order, absent = empty. */
export function sameValue(field: string, wanted: string, seen: string | undefined): boolean {
  const value = seen ?? '';
  if (value === wanted) return true;
  const a = parseBoolean(wanted);
  const b = parseBoolean(value);
  if (a !== null && b !== null) return a === b;
  if (DURATION_FIELDS.has(field)) return parseDuration(wanted) !== null && parseDuration(wanted) === parseDuration(value);
  if (LIST_FIELDS.has(field) || wanted.includes(',')) {
    const set = (v: string) => v.split(',').map((s) => s.trim()).filter((s) => s !== '').sort().join(',');
    return set(wanted) === set(value);
  }
  return false;
}

const quote = (v: string): string => (/^[A-Za-z0-9._:/*,@+-]+$/.test(v) ? v : `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`);
const pairs = (attrs: Record<string, string>): string => Object.entries(attrs).map(([k, v]) => `${k}=${quote(v)}`).join(' ');
const find = (match: Record<string, string>): string => `[find ${pairs(match)}]`;

const matches = (row: RosRow, match: Record<string, string>): boolean => Object.entries(match).every(([k, v]) => sameValue(k, v, row[k]));

/**
 * The difference between what the template wants and what the router has, per row: add what is
 * missing, set only the fields that differ, remove rows carrying the template's marker that it no
 * longer wants. Rows already right are counted, not listed; rows that cannot be made (a fixed
 * row the router lacks) are problems that stop the plan from being applied. Pure: the caller read `seen` (every
 * menu the rows and `ownedMenus` name, printed whole).
 */
export function diffRows(rows: readonly DesiredRow[], seen: ReadonlyMap<string, readonly RosRow[]>, ownedMenus: readonly string[], marker: string): { steps: PlannedStep[]; unchanged: number; problems: string[] } {
  const steps: PlannedStep[] = [];
  const problems: string[] = [];
  let unchanged = 0;
  const claimed = new Set<RosRow>();
  for (const want of rows) {
    const existing = seen.get(want.menu) ?? [];
    const row = want.kind === 'singleton' ? existing[0] : existing.find((r) => !claimed.has(r) && matches(r, want.match));
    if (row) claimed.add(row);
    if (!row) {
      if (want.kind !== 'row') {
        // Every RouterOS has these rows; one missing means a package is off or the version differs.
        problems.push(`the router has no ${want.label} (${want.menu}${want.kind === 'fixed' ? ` ${pairs(want.match)}` : ''}): check its packages and version`);
        continue;
      }
      const attrs = { ...want.match, ...want.attrs };
      steps.push({
        menu: want.menu,
        action: 'add',
        label: want.label,
        command: `${want.menu}/add ${pairs(attrs)}`,
        changes: Object.entries(attrs).map(([field, to]) => ({ field, from: null, to })),
        status: 'planned',
        message: null,
        op: { verb: 'add', path: want.menu, attrs },
      });
      continue;
    }
    const same = want.same ?? sameValue;
    const changed = Object.entries(want.attrs).filter(([field, wanted]) => !same(field, wanted, row[field]));
    if (changed.length === 0) {
      unchanged += 1;
      continue;
    }
    const attrs = Object.fromEntries(changed);
    const id = want.kind === 'singleton' ? undefined : row['.id'];
    steps.push({
      menu: want.menu,
      action: 'set',
      label: want.label,
      command: `${want.menu}/set ${want.kind === 'singleton' ? '' : `${find(want.match)} `}${pairs(attrs)}`,
      changes: changed.map(([field, to]) => ({ field, from: row[field] ?? null, to })),
      status: 'planned',
      message: null,
      op: { verb: 'set', path: want.menu, ...(id === undefined ? {} : { id }), attrs },
    });
  }
  // Removes last, newest first: a stale NAT rule or walled-garden entry goes once the new ones are in.
  for (const menu of ownedMenus) {
    for (const row of [...(seen.get(menu) ?? [])].reverse()) {
      if (row.comment !== marker || claimed.has(row) || row['.id'] === undefined) continue;
      const shown = row['dst-host'] ?? row['src-address'] ?? row['.id'];
      steps.push({
        menu,
        action: 'remove',
        label: `${menu === '/ip/firewall/nat' ? 'NAT rule' : 'walled garden'} ${shown} (no longer in the template)`,
        command: `${menu}/remove ${find({ comment: marker, ...(row['dst-host'] ? { 'dst-host': row['dst-host'] } : row['src-address'] ? { 'src-address': row['src-address'] } : {}) })}`,
        changes: [],
        status: 'planned',
        message: null,
        op: { verb: 'remove', path: menu, id: row['.id'] },
      });
    }
  }
  return { steps, unchanged, problems };
}
