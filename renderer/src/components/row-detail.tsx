import '../styles/virtual-table.css';
import { useId } from 'react';
import type { TableColumn } from './virtual-table';

export interface RowDetailProps<R> {
  title: string;
  columns: readonly TableColumn<R>[];
  /** null: the row is gone (a live session that ended while its detail was open). */
  row: R | null;
  gone: string;
  testId: string;
  onClose: () => void;
}

/** Every column of one row with its full value, folded columns included: where a narrow table's data is. */
export function RowDetail<R>(props: RowDetailProps<R>) {
  const titleId = useId();
  const { row } = props;
  return (
    <section className="row-detail" aria-labelledby={titleId} data-testid={props.testId}>
      <div className="row-detail-head">
        <h2 id={titleId}>{props.title}</h2>
        <span className="spacer" />
        <button type="button" className="ghost small" onClick={props.onClose} data-testid={`${props.testId}-close`}>
          Close
        </button>
      </div>
      {row === null ? (
        <p className="muted">{props.gone}</p>
      ) : (
        <dl>
          {props.columns
            .filter((c) => c.text)
            .map((c) => (
              <div key={c.id} className="row-detail-row">
                <dt>{c.header}</dt>
                <dd data-testid={`${props.testId}-${c.id}`}>{c.text!(row)}</dd>
              </div>
            ))}
        </dl>
      )}
    </section>
  );
}
