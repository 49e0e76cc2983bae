import { useId } from 'react';
import { GRANULARITIES } from '../../../../main/reports/report-calendar-contract';
import { REPORT_GROUPS } from '../../../../main/reports/contract';
import { GRANULARITY_LABELS, GROUP_LABELS, PRESET_LABELS, PRESETS, presetRange, type Preset, type ReportQuery } from './report-query';

export interface ReportControlsProps {
  query: ReportQuery;
  today: string;
  onChange: (query: ReportQuery) => void;
  /** Why the dates would be refused, shown by the field it concerns. */
  problem: { field: 'from' | 'to' | 'granularity'; message: string } | null;
}

/** Range (presets or custom days of the tenant's calendar), buckets and grouping: each a labelled control. */
export function ReportControls({ query, today, onChange, problem }: ReportControlsProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const describedBy = (field: 'from' | 'to' | 'granularity') => (problem?.field === field ? errorId : undefined);
  const choosePreset = (preset: Preset) => onChange(preset === 'custom' ? { ...query, preset } : { ...query, preset, ...presetRange(preset, today) });
  const setDate = (field: 'from' | 'to', value: string) => onChange({ ...query, preset: 'custom', [field]: value });
  return (
    <>
      <label className="field-inline" htmlFor={`${id}-range`}>
        Range
        <select id={`${id}-range`} data-testid="report-preset" value={query.preset} onChange={(e) => choosePreset(e.target.value as Preset)}>
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline" htmlFor={`${id}-from`}>
        From
        <input id={`${id}-from`} type="date" data-testid="report-from" value={query.from} max={query.to || undefined} aria-invalid={problem?.field === 'from'} aria-describedby={describedBy('from')} onChange={(e) => setDate('from', e.target.value)} />
      </label>
      <label className="field-inline" htmlFor={`${id}-to`}>
        To
        <input id={`${id}-to`} type="date" data-testid="report-to" value={query.to} min={query.from || undefined} aria-invalid={problem?.field === 'to'} aria-describedby={describedBy('to')} onChange={(e) => setDate('to', e.target.value)} />
      </label>
      <label className="field-inline" htmlFor={`${id}-granularity`}>
        By
        <select id={`${id}-granularity`} data-testid="report-granularity" value={query.granularity} aria-describedby={describedBy('granularity')} onChange={(e) => onChange({ ...query, granularity: e.target.value as ReportQuery['granularity'] })}>
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {GRANULARITY_LABELS[g]}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline" htmlFor={`${id}-group`}>
        Split by
        <select id={`${id}-group`} data-testid="report-group" value={query.groupBy} onChange={(e) => onChange({ ...query, groupBy: e.target.value as ReportQuery['groupBy'] })}>
          {REPORT_GROUPS.map((g) => (
            <option key={g} value={g}>
              {GROUP_LABELS[g]}
            </option>
          ))}
        </select>
      </label>
      {problem && (
        <span className="field-error" id={errorId} role="alert" data-testid="report-range-error">
          {problem.message}
        </span>
      )}
    </>
  );
}
