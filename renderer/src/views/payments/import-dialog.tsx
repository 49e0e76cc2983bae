import { useId, useMemo, useRef, useState } from 'react';
import type { CsvImportResult } from '../../../../main/payments/contract';
import { SubmitButton } from '../../components/submit-button';
import { Field } from '../plans/field';
import { ModalForm } from '../plans/modal-form';
import { csvHeader } from './csv-header';
import { emptyMapping, MAPPING_FIELDS, MAPPING_LABELS, mappingInputOf, mappingValuesOf, type MappingValues } from './csv-mapping-form';
import { ImportPreview } from './import-preview';
import { importStatement } from './payments-live';

export interface ImportDialogProps {
  tenantId: number | null;
  onClose: () => void;
}

/**
 * Import a statement: paste it or choose the file, map its columns (once: a real import saves the
 * mapping, and a later dry run with nothing chosen brings it back), preview, then import all or nothing.
 */
export function ImportDialog({ tenantId, onClose }: ImportDialogProps) {
  const [csv, setCsv] = useState('');
  const [mapping, setMapping] = useState<MappingValues>(emptyMapping);
  const [preview, setPreview] = useState<CsvImportResult | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const columns = useMemo(() => {
    const local = csvHeader(csv);
    return local.length > 0 ? local : (preview?.columns ?? []);
  }, [csv, preview]);
  const scope = tenantId === null ? {} : { tenantId };

  // Any change of the text or the mapping makes the preview out of date: it must be run again.
  const changeCsv = (text: string) => {
    setCsv(text);
    setPreview(null);
    setFormError(null);
  };
  const chooseFile = async (file: File | undefined) => {
    if (file) changeCsv(await file.text());
  };

  const runPreview = async () => {
    if (csv.trim() === '') {
      setFormError('paste the statement or choose its CSV file first');
      return;
    }
    const chosen = mappingInputOf(mapping);
    if (!chosen.ok) {
      setFormError(`choose the columns of ${chosen.missing.map((f) => MAPPING_LABELS[f].toLowerCase()).join(', ')}`);
      return;
    }
    setBusy('preview');
    setFormError(null);
    const result = await importStatement({ ...scope, csv, dryRun: true, ...(chosen.mapping ? { mapping: chosen.mapping } : {}) });
    setBusy(null);
    if (!result.ok) {
      setFormError(result.error.message);
      return;
    }
    setPreview(result.data);
    setMapping(mappingValuesOf(result.data.mapping));
  };

  const runImport = async () => {
    if (!preview) return;
    setBusy('import');
    setFormError(null);
    const result = await importStatement({ ...scope, csv, dryRun: false, mapping: preview.mapping });
    setBusy(null);
    if (result.ok) onClose();
    else setFormError(result.error.message);
  };

  return (
    <ModalForm
      title="Import statement"
      testId="import-form"
      className="import-dialog"
      onClose={onClose}
      onSubmit={() => void (preview ? runImport() : runPreview())}
      initialFocus={textRef}
      formError={formError}
      actions={
        <>
          <button type="button" disabled={busy !== null} data-testid="import-preview-run" onClick={() => void runPreview()}>
            {busy === 'preview' ? 'Checking…' : 'Dry run'}
          </button>
          {preview && (
            <SubmitButton busy={busy === 'import'} className="primary" data-testid="import-submit">
              {busy === 'import' ? 'Importing…' : `Import ${preview.counts.new} payments`}
            </SubmitButton>
          )}
        </>
      }
    >
      <div className="form-grid">
        <Field id={`${ids}-csv`} label="Statement (CSV, first line the column names)" testId="import-field-csv" wide>
          <textarea ref={textRef} id={`${ids}-csv`} rows={5} className="mono" spellCheck={false} data-testid="import-field-csv" value={csv} onChange={(e) => changeCsv(e.target.value)} />
        </Field>
        <Field id={`${ids}-file`} label="Or choose the file" testId="import-field-file" wide>
          <input id={`${ids}-file`} type="file" accept=".csv,text/csv,text/plain" data-testid="import-field-file" onChange={(e) => void chooseFile(e.target.files?.[0])} />
        </Field>
      </div>
      <fieldset className="import-mapping">
        <legend>Columns (left empty: the mapping saved by the last import)</legend>
        {MAPPING_FIELDS.map((field) => (
          <label key={field} className="form-field">
            <span>{MAPPING_LABELS[field]}</span>
            <select
              data-testid={`import-map-${field}`}
              value={mapping[field]}
              onChange={(e) => {
                setMapping((m) => ({ ...m, [field]: e.target.value }));
                setPreview(null);
              }}
            >
              <option value="">{field === 'phone' || field === 'account' ? '(none)' : '(choose)'}</option>
              {[...new Set([...columns, ...(mapping[field] ? [mapping[field]] : [])])].map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      {preview && <ImportPreview result={preview} />}
    </ModalForm>
  );
}
