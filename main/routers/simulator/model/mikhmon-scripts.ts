/**
 * The `on-login` script mikhmon v3 puts on a hotspot user profile (hotspot/adduserprofile.php),
 * in our own words but with its shape: first the metadata line importers read,
 * `:put (",<expiry mode>,<price>,<validity>,<selling price>,,<lock>,")` (or
 * `:put (",,<price>,,,noexp,<lock>,")` without expiry), then a body that, at a voucher's first
 * login, has a scheduler compute the expiry and writes it over the `vc-`/`up-` comment (in the
 * router's own date format), records a sale for the "& record" modes, and locks the user to its
 * MAC when asked. The simulator does not run scripts; the text is there to be read.
 */

/** rem = remove at expiry, ntf = notice (limit-uptime=1s), remc/ntfc = the same and record the sale, noexp = no expiry. */
export type MikhmonExpiryMode = 'rem' | 'ntf' | 'remc' | 'ntfc' | 'noexp';

export interface MikhmonScriptInput {
  /** The profile's name (it goes into the sale record). */
  name: string;
  expiryMode: MikhmonExpiryMode;
  price: number;
  /** Not in the metadata of noexp profiles. */
  sellingPrice?: number;
  /** mikhmon's validity text (`3h`, `1d`, `7d`); '' for noexp. */
  validity: string;
  lockToMac: boolean;
}

const lockWord = (lock: boolean) => (lock ? 'Enable' : 'Disable');

export function mikhmonMetadata(p: MikhmonScriptInput): string {
  return p.expiryMode === 'noexp'
    ? `:put (",,${p.price},,,noexp,${lockWord(p.lockToMac)},")`
    : `:put (",${p.expiryMode},${p.price},${p.validity},${p.sellingPrice ?? 0},,${lockWord(p.lockToMac)},")`;
}

const LOCK = '/ip hotspot user set [find where name="$user"] mac-address=$"mac-address"';

export function mikhmonOnLogin(p: MikhmonScriptInput): string {
  const head = mikhmonMetadata(p);
  if (p.expiryMode === 'noexp') return p.lockToMac ? `${head}; ${LOCK}` : head;
  const firstLogin = [
    `/system scheduler add name="$user" start-date=$today interval="${p.validity}" disabled=no`,
    ':delay 4s',
    ':local next [/system scheduler get [find where name="$user"] next-run]',
    ':local size [:len $next]',
    // next-run is "hh:mm:ss" today, "mmm/dd hh:mm:ss" before 7.10, a full date from 7.10.
    ':if ($size = 8) do={ :set next "$today $next" }',
    ':if ($size = 15) do={ :set next ([:pick $next 0 6] . "/" . $year . " " . [:pick $next 7 15]) }',
    '/ip hotspot user set [find where name="$user"] comment=$next',
    ':delay 4s',
    '/system scheduler remove [find where name="$user"]',
  ];
  if (p.expiryMode === 'remc' || p.expiryMode === 'ntfc') {
    firstLogin.push(
      ':local mac $"mac-address"',
      ':local clock [/system clock get time]',
      `/system script add name="$today-|-$clock-|-$user-|-${p.price}-|-$address-|-$mac-|-${p.validity}-|-${p.name}-|-$note" owner=([:pick $today 0 3] . $year) source=$today comment="mikhmon"`,
    );
  }
  if (p.lockToMac) firstLogin.push(LOCK);
  const body = [
    ':local today [/system clock get date]',
    ':local year [:pick $today 7 11]',
    ':local note [/ip hotspot user get [find where name="$user"] comment]',
    `:if ([:pick $note 0 3] = "vc-" or [:pick $note 0 3] = "up-" or $note = "") do={ ${firstLogin.join('; ')} }`,
  ];
  return `${head}; { ${body.join('; ')} }`;
}
