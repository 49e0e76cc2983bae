import { TemplateTextField } from './template-text-field';
import type { TemplateFieldErrors, TemplateFormValues } from './template-form';

type Pool = TemplateFormValues['pools'][number];

/** Extra IP pools of the template (beyond the hotspot's and the PPPoE server's own), a row each. */
export function TemplatePoolsField({ pools, onChange, errors, idPrefix }: { pools: Pool[]; onChange: (next: Pool[]) => void; errors: TemplateFieldErrors; idPrefix: string }) {
  const change = (i: number, part: Partial<Pool>) => onChange(pools.map((p, j) => (j === i ? { ...p, ...part } : p)));
  return (
    <fieldset className="form-span template-section" data-testid="template-pools">
      <legend>IP pools</legend>
      {errors.pools && (
        <p className="field-error" role="alert" data-testid="template-field-pools-error">
          {errors.pools}
        </p>
      )}
      {pools.length === 0 && <p className="muted small-text">No extra pools: the hotspot and PPPoE parts make their own.</p>}
      {pools.map((p, i) => (
        <div key={i} className="form-grid template-pool-row">
          <TemplateTextField field={`pools.${i}.name`} label={`Pool ${i + 1} name`} value={p.name} onChange={(name) => change(i, { name })} errors={errors} idPrefix={idPrefix} />
          <TemplateTextField field={`pools.${i}.ranges`} label={`Pool ${i + 1} ranges`} value={p.ranges} onChange={(ranges) => change(i, { ranges })} errors={errors} idPrefix={idPrefix} mono />
          <button type="button" className="small" onClick={() => onChange(pools.filter((_, j) => j !== i))} data-testid={`template-pool-remove-${i}`}>
            Remove pool {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="small" onClick={() => onChange([...pools, { name: '', ranges: '' }])} data-testid="template-pool-add">
        Add a pool
      </button>
    </fieldset>
  );
}
