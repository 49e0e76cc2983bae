/** Per tenant: one install may serve several operators, each with their own hotspot address. */
const key = (tenantId: number) => `noc.vouchers.loginUrl.${tenantId}`;

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The hotspot login page last printed with for this tenant, so the next print starts from it.
 * Kept in localStorage: a preference of this desk, not tenant data (nothing secret).
 */
export function rememberedLoginUrl(tenantId: number, storage: KeyValueStorage = localStorage): string {
  try {
    return storage.getItem(key(tenantId)) ?? '';
  } catch {
    // Storage refused (private mode, a full quota): the field just starts empty.
    return '';
  }
}

export function rememberLoginUrl(tenantId: number, url: string, storage: KeyValueStorage = localStorage): void {
  try {
    storage.setItem(key(tenantId), url.trim());
  } catch {
    // Not remembered this time; the print itself does not depend on it.
  }
}
