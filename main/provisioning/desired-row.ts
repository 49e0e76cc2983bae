/**
 * One row a template wants on a router, in RouterOS's own menu and field names: the unit the
 * planner compares with what the router has.
 */
export interface DesiredRow {
  menu: string;
  /** What an operator reads in the plan: "IP pool hs-pool-ether2". */
  label: string;
  /**
   * - `row`: found by `match` (its name, or address + interface); added when missing.
   * - `singleton`: a menu with one row and no `.id` (/system/identity): only ever set.
   * - `fixed`: a row every router has (/ip/service api): found by `match`, only ever set.
   */
  kind: 'row' | 'singleton' | 'fixed';
  /** The fields that identify the row (sent on add too). Empty for a singleton. */
  match: Record<string, string>;
  /** The fields the template manages; other fields on the row are left as the router has them. */
  attrs: Record<string, string>;
  /**
   * Rows of this menu carrying the template's comment marker (in `match`) that the template no
   * longer wants are removed: walled-garden entries and NAT rules have no name to find them by.
   */
  owned?: boolean;
  /** Values that mean the same thing compare equal (a plan profile's rate limit, say). */
  same?: (field: string, wanted: string, seen: string | undefined) => boolean;
}

/** The comment put on rows that only the marker identifies. */
export const ownedMarker = (templateId: number): string => `noc-console template ${templateId}`;
