import type { BusinessStore } from '../business/business-tx';
import type { StaffRule, StaffRuleSettings } from './settings-contract';

/**
 * Each tenant's staff rules as the event listeners last read them. Router status and payments
 * arrive by the thousand: a rule that is off must cost a map lookup, not a transaction. Dropped
 * for a tenant when its settings change (NotificationSettingsChanged).
 */
export class RuleCache {
  private readonly rules = new Map<number, Record<StaffRule, StaffRuleSettings>>();

  constructor(private readonly business: BusinessStore) {}

  async rule(tenantId: number, rule: StaffRule): Promise<StaffRuleSettings> {
    let rules = this.rules.get(tenantId);
    if (!rules) {
      rules = (await this.business.read((tx) => tx.notifications.settings.get(tenantId))).settings.rules;
      this.rules.set(tenantId, rules);
    }
    return rules[rule];
  }

  forget(tenantId: number): void {
    this.rules.delete(tenantId);
  }
}
