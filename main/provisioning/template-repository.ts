import type { ProvisioningTemplate } from './contract';
import type { TemplateSpec } from './template-contract';

/** Provisioning templates. Scoped to a tenant (null: a system admin, all tenants). */
export interface TemplateRepository {
  list(tenantId: number | null): Promise<ProvisioningTemplate[]>;
  get(tenantId: number | null, id: number): Promise<ProvisioningTemplate | null>;
  /** Refused with a `conflict` DomainError when the tenant has a template of that name. */
  insert(tenantId: number, spec: TemplateSpec, now: number): Promise<ProvisioningTemplate>;
  update(id: number, spec: TemplateSpec, now: number): Promise<ProvisioningTemplate>;
  delete(id: number): Promise<void>;
}
