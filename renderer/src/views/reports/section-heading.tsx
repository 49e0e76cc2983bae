import { ExportCsvButton, type CsvColumn } from '../../components/export-csv-button';

/** A report section's heading with the CSV export of what the section shows. */
export function SectionHeading<R>({ id, title, fileName, csv }: { id: string; title: string; fileName: string; csv: { columns: Array<CsvColumn<R>>; rows: R[] } }) {
  return (
    <h2 id={`${id}-title`}>
      {title} <span className="spacer" />
      <ExportCsvButton fileName={`${id}-${fileName}`} columns={csv.columns} rows={csv.rows} testId={`${id}-export`} />
    </h2>
  );
}
