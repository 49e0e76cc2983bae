import { plansSelectors, usePlansStore } from '../plans/plans-store';
import { KIND_LABELS } from '../plans/plan-form-dialog';

/** The tenant's plans whose profiles the template puts on the router (the plans then list the router). */
export function TemplatePlansField({ selected, onChange, error }: { selected: number[]; onChange: (ids: number[]) => void; error?: string | undefined }) {
  const plans = usePlansStore(plansSelectors.sorted);
  const toggle = (id: number, on: boolean) => onChange(on ? [...selected, id] : selected.filter((p) => p !== id));
  return (
    <fieldset className={`form-field form-span checklist-field${error ? ' has-error' : ''}`} data-testid="template-field-planIds">
      <legend>Plan profiles</legend>
      {plans.length === 0 ? (
        <span className="muted">No plans yet: their profiles can be added once there are some.</span>
      ) : (
        <div className="checklist">
          {plans.map((p) => (
            <label key={p.id} className="check">
              <input type="checkbox" checked={selected.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} data-testid={`template-plan-${p.id}`} />
              {p.name} <span className="muted small-text">({KIND_LABELS[p.kind]})</span>
            </label>
          ))}
        </div>
      )}
      {error && (
        <span className="field-error" role="alert" data-testid="template-field-planIds-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
