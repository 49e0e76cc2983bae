import { downloadText, toCsv } from './csv';
import type { TableColumn } from './virtual-table';

/** What an export needs of a column: a table's columns fit as they are; a plain table lists these alone. */
export type CsvColumn<R> = Pick<TableColumn<R>, 'header' | 'text'>;

export interface ExportCsvButtonProps<R> {
  /** Without ".csv"; the date is added. */
  fileName: string;
  columns: readonly CsvColumn<R>[];
  /** What the table shows: its rows after filter and sort. */
  rows: readonly R[];
  testId: string;
}

/** CSV of what the table shows: its visible rows, every column with a text value (folded ones too), full values. */
export function ExportCsvButton<R>(props: ExportCsvButtonProps<R>) {
  const exportCsv = () => {
    const columns = props.columns.filter((c) => c.text);
    const csv = toCsv(
      columns.map((c) => c.header),
      props.rows.map((row) => columns.map((c) => c.text!(row))),
    );
    downloadText(`${props.fileName}-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  };
  return (
    <button type="button" className="small" onClick={exportCsv} disabled={props.rows.length === 0} data-testid={props.testId}>
      Export CSV
    </button>
  );
}
