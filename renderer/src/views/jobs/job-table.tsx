import { useMemo, useRef, type ReactNode } from 'react';
import { fitColumns } from '../../components/fit-columns';
import { useElementWidth } from '../../components/use-element-width';
import type { JobColumn } from './job-columns';

export interface JobTableProps<R> {
  label: string;
  testId: string;
  columns: readonly JobColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowTestId: (row: R) => string;
  /** The row's buttons, in a last column that never folds; its Details show what folded away. */
  actions?: { width: number; cell: (row: R) => ReactNode };
}

/**
 * A plain table of the Jobs view whose less important columns fold away (fitColumns) when its
 * box is narrower than the columns, instead of scrolling sideways; the Actions header names them.
 */
export function JobTable<R>(props: JobTableProps<R>) {
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(boxRef);
  const { actions } = props;
  const { shown, folded } = useMemo(
    () => fitColumns<JobColumn<R> | { id: 'actions'; width: number; pinned: true }>([...props.columns, ...(actions ? [{ id: 'actions' as const, width: actions.width, pinned: true as const }] : [])], width),
    [props.columns, actions, width],
  );
  const columns = shown.filter((c): c is JobColumn<R> => c.id !== 'actions');
  const foldedNote = folded.length === 0 ? undefined : `Not shown at this width, in each job's details: ${folded.map((c) => (c as JobColumn<R>).header).join(', ')}`;
  return (
    <div className="table-box" ref={boxRef}>
      <table className="data-table fit" aria-label={props.label} data-testid={props.testId} data-folded={folded.map((c) => c.id).join(' ')}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.id} scope="col" className={c.align === 'end' ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
            {actions && (
              <th scope="col" title={foldedNote}>
                Actions
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)} data-testid={props.rowTestId(row)}>
              {columns.map((c) => (
                <td key={c.id} className={[c.align === 'end' ? 'num' : '', c.className?.(row) ?? ''].join(' ').trim() || undefined} title={c.text?.(row)} data-column={c.id} data-testid={c.testId?.(row)}>
                  {c.cell(row)}
                </td>
              ))}
              {actions && <td className="actions wrap-actions">{actions.cell(row)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
