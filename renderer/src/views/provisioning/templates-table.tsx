import type { ProvisioningTemplate } from '../../../../main/provisioning/contract';
import { useFormat } from '../../format/use-format';
import { useStale } from '../../stores/connection-store';
import { templateParts } from './template-summary';

export interface TemplatesTableProps {
  templates: readonly ProvisioningTemplate[];
  /** Admins edit and delete; operators and admins plan and apply. */
  canEdit: boolean;
  canOperate: boolean;
  onEdit: (t: ProvisioningTemplate) => void;
  onDelete: (t: ProvisioningTemplate) => void;
  onPlan: (t: ProvisioningTemplate) => void;
  onApplyMany: (t: ProvisioningTemplate) => void;
}

/** The tenant's templates with what each sets up. */
export function TemplatesTable(props: TemplatesTableProps) {
  const format = useFormat();
  const stale = useStale();
  return (
    <div className="table-box">
      <table className="data-table templates-table" data-testid="templates-table">
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col">Sets up</th>
            <th scope="col">Changed</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {props.templates.map((t) => (
            <tr key={t.id} data-testid={`template-row-${t.id}`}>
              <td className="stacked">
                <strong data-testid={`template-name-${t.id}`}>{t.name}</strong>
                {t.description && <span className="muted small-text">{t.description}</span>}
              </td>
              <td className="wrap">{templateParts(t).join(' · ') || <span className="muted">nothing yet</span>}</td>
              <td>{format.dateTime(t.updatedAt)}</td>
              <td className="actions-cell">
                <div className="actions">
                  {props.canOperate && (
                    <>
                      <button type="button" className="small" disabled={stale} onClick={() => props.onPlan(t)} data-testid={`template-plan-${t.id}`}>
                        Plan…
                      </button>
                      <button type="button" className="small" disabled={stale} onClick={() => props.onApplyMany(t)} data-testid={`template-apply-many-${t.id}`}>
                        Apply to many…
                      </button>
                    </>
                  )}
                  {props.canEdit && (
                    <>
                      <button type="button" className="small" disabled={stale} onClick={() => props.onEdit(t)} data-testid={`template-edit-${t.id}`}>
                        Edit
                      </button>
                      <button type="button" className="small" disabled={stale} onClick={() => props.onDelete(t)} data-testid={`template-delete-${t.id}`}>
                        Delete
                      </button>
                    </>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
