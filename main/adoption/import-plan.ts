/**
 * The import preview: from what a router holds and what the tenant already has, the plans,
 * vouchers and subscribers to create, and a report of what is left out and why. Pure: the caller
 * reads the router, shows the preview, and writes what the operator accepts. Running it again
 * after that import proposes nothing new, as everything it proposed is then in the console.
 */
import type { ConsoleInventory, ImportOptions, ImportPreview, RouterInventory } from './import-types';
import { draftLogins } from './login-drafts';
import { currencyMinorDigits } from './major-amount';
import { draftPlans } from './plan-drafts';
import { isTimeZone } from './zoned-time';

/** Throws RangeError only for a tenant setting that is not valid (currency or zone); never for router data. */
export function planImport(router: RouterInventory, inConsole: ConsoleInventory, options: ImportOptions): ImportPreview {
  if (!isTimeZone(options.timeZone)) {
    throw new RangeError(`'${options.timeZone}' is not an IANA time zone: set the tenant's time zone (e.g. 'Africa/Kampala') before importing`);
  }
  const plans = draftPlans(router, inConsole, currencyMinorDigits(options.currency));
  const logins = draftLogins(router, inConsole, plans, options);
  return {
    plansToCreate: plans.plansToCreate,
    existingPlans: plans.existingPlans,
    vouchersToCreate: logins.vouchersToCreate,
    subscribersToCreate: logins.subscribersToCreate,
    conflicts: [...plans.conflicts, ...logins.conflicts],
  };
}
