import { useId } from 'react';
import { routersSelectors, useRoutersStore } from '../routers/routers-store';

export interface RouterChecklistProps {
  label: string;
  selected: readonly number[];
  onChange: (routerIds: number[]) => void;
  /** Only these routers are offered (a plan's routers for its vouchers); all of the tenant's otherwise. */
  among?: readonly number[];
  error?: string | undefined;
  hint?: string;
  testId: string;
}

/** The routers a plan, subscriber or batch lives on, as checkboxes named by router. */
export function RouterChecklist(props: RouterChecklistProps) {
  const id = useId();
  const all = useRoutersStore(routersSelectors.sorted);
  const routers = props.among ? all.filter((r) => props.among!.includes(r.id)) : all;
  const toggle = (routerId: number, on: boolean) => props.onChange(on ? [...props.selected, routerId] : props.selected.filter((r) => r !== routerId));
  return (
    <fieldset className={`form-field form-span router-checklist${props.error ? ' has-error' : ''}`} aria-describedby={props.error || props.hint ? `${id}-message` : undefined} data-testid={props.testId}>
      <legend>{props.label}</legend>
      {routers.length === 0 ? (
        <span className="muted">No routers yet: add one in Routers first.</span>
      ) : (
        <div className="checklist">
          {routers.map((r) => (
            <label key={r.id} className="check">
              <input type="checkbox" checked={props.selected.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} data-testid={`${props.testId}-${r.id}`} />
              {r.name}
            </label>
          ))}
        </div>
      )}
      {props.error ? (
        <span className="field-error" id={`${id}-message`} role="alert" data-testid={`${props.testId}-error`}>
          {props.error}
        </span>
      ) : props.hint ? (
        <span className="field-hint" id={`${id}-message`}>
          {props.hint}
        </span>
      ) : null}
    </fieldset>
  );
}
