import { DomainError } from '../contract/errors';
import type { Db } from '../store/database';
import { preparedStatements } from '../store/prepared-statements';
import type { ProvisioningTemplate } from './contract';
import type { TemplateRepository } from './template-repository';
import { templateSchema, type TemplateSpec } from './template-contract';

interface Row {
  id: number;
  tenant_id: number;
  spec: string;
  created_at: number;
  updated_at: number;
}

const toTemplate = (r: Row): ProvisioningTemplate => ({
  // Parsed again so a template stored by an older version gets today's defaults.
  ...templateSchema.parse(JSON.parse(r.spec)),
  id: r.id,
  tenantId: r.tenant_id,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const nameKey = (name: string) => name.trim().toLowerCase();
const taken = (name: string) => new DomainError('conflict', `A template named '${name}' exists already: choose another name.`, { fields: { name: 'already used' } });

export class SqliteTemplateRepository implements TemplateRepository {
  private readonly sql: ReturnType<typeof preparedStatements>;

  constructor(db: Db) {
    this.sql = preparedStatements(db);
  }

  async list(tenantId: number | null): Promise<ProvisioningTemplate[]> {
    const rows = tenantId === null
      ? this.sql<[], Row>('SELECT * FROM provisioning_templates ORDER BY name_key').all()
      : this.sql<[number], Row>('SELECT * FROM provisioning_templates WHERE tenant_id = ? ORDER BY name_key').all(tenantId);
    return rows.map(toTemplate);
  }

  async get(tenantId: number | null, id: number): Promise<ProvisioningTemplate | null> {
    const row = this.sql<[number], Row>('SELECT * FROM provisioning_templates WHERE id = ?').get(id);
    return row && (tenantId === null || row.tenant_id === tenantId) ? toTemplate(row) : null;
  }

  async insert(tenantId: number, spec: TemplateSpec, now: number): Promise<ProvisioningTemplate> {
    if (this.sql<[number, string], { id: number }>('SELECT id FROM provisioning_templates WHERE tenant_id = ? AND name_key = ?').get(tenantId, nameKey(spec.name))) throw taken(spec.name);
    const { lastInsertRowid } = this.sql('INSERT INTO provisioning_templates (tenant_id, name, name_key, spec, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(tenantId, spec.name, nameKey(spec.name), JSON.stringify(spec), now, now);
    return (await this.get(null, Number(lastInsertRowid)))!;
  }

  async update(id: number, spec: TemplateSpec, now: number): Promise<ProvisioningTemplate> {
    const other = this.sql<[number, number, string], { id: number }>('SELECT id FROM provisioning_templates WHERE id <> ? AND tenant_id = (SELECT tenant_id FROM provisioning_templates WHERE id = ?) AND name_key = ?').get(id, id, nameKey(spec.name));
    if (other) throw taken(spec.name);
    this.sql('UPDATE provisioning_templates SET name = ?, name_key = ?, spec = ?, updated_at = ? WHERE id = ?').run(spec.name, nameKey(spec.name), JSON.stringify(spec), now, id);
    return (await this.get(null, id))!;
  }

  async delete(id: number): Promise<void> {
    this.sql('DELETE FROM provisioning_templates WHERE id = ?').run(id);
  }
}
