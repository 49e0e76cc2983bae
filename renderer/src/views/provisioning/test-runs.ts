import type { ProvisioningRun, ProvisioningStep, ProvisioningTemplate } from '../../../../main/provisioning/contract';
import { templateSchema } from '../../../../main/provisioning/template-contract';

const at = '2026-12-02T10:00:00.000Z';

/** A run as the contract carries it, for the store and reducer tests. */
export const run = (id: number, extra: Partial<ProvisioningRun> = {}): ProvisioningRun => ({
  id, tenantId: 1, routerId: 7, routerName: 'site-7', templateId: 3, templateName: 'Hotspot site', mode: 'apply', state: 'queued', batchId: null, steps: [], unchanged: 0,
  blocked: null, stepsDone: 0, message: null, requestedBy: 'alpha-admin', createdAt: at, finishedAt: null, ...extra,
});

export const step = (menu: string, action: ProvisioningStep['action'], label: string, extra: Partial<ProvisioningStep> = {}): ProvisioningStep => ({
  menu, action, label, command: `${menu}/${action} ${label}`, changes: [], status: 'planned', message: null, ...extra,
});

export const template = (id: number, name: string): ProvisioningTemplate => ({ id, tenantId: 1, createdAt: at, updatedAt: at, ...templateSchema.parse({ name }) });
