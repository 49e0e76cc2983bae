import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { VoucherBatchSummary, VoucherSummary } from '../../../../main/vouchers/contract';
import { hotspotLoginUrl } from '../../../../main/vouchers/login-url-contract';
import { A4_CARDS_PER_PAGE, A4_GRIDS, SHEET_LAYOUTS, type SheetLayout } from '../../../../main/vouchers/sheet-contract';
import { api } from '../../bridge/api';
import { SubmitButton } from '../../components/submit-button';
import { toast } from '../../components/toast-store';
import { formatBytes } from '../../format/bytes';
import { localeSelectors, useLocaleStore } from '../../format/locale-store';
import { useFormat } from '../../format/use-format';
import { Field, fieldAria } from '../plans/field';
import { ModalForm } from '../plans/modal-form';
import { plansSelectors, usePlansStore } from '../plans/plans-store';
import { rememberLoginUrl, rememberedLoginUrl } from './login-url-memory';
import { priceText, validityText } from '../../../../main/vouchers/card-texts-contract';
import { PrintPreview } from './print-preview';
import { saveBlob } from '../../components/save-file';
import { renderSheet, type SheetPhase } from './sheet-download';
import { passwordsFromCsv } from './voucher-passwords';

const LAYOUT_LABELS: Record<SheetLayout, string> = { a4: 'A4 sheet', 'roll-58': '58 mm roll', 'roll-80': '80 mm roll' };
/** A roll prints one card per page; the preview shows a strip of this many. */
const ROLL_PREVIEW_CARDS = 6;
const URL_HINT = 'The hotspot’s login page, e.g. http://login.wifi: each QR code opens it with the voucher’s credentials';

/** Why this login URL cannot go on the cards, or null when it can. */
function loginUrlProblem(url: string): string | null {
  if (url.trim() === '') return 'enter the hotspot’s login page, e.g. http://login.wifi';
  try {
    hotspotLoginUrl(url, 'code', 'code');
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

export interface PrintDialogProps {
  batch: VoucherBatchSummary;
  tenantId: number;
  onClose: () => void;
}

/**
 * Print a batch's unused vouchers: choose the layout and the hotspot login URL (remembered per
 * tenant), see the first page's cards, then the PDF is rendered off the main thread and handed
 * over as a file (a download in the browser, the save dialog on the desktop).
 */
export function PrintDialog({ batch, tenantId, onClose }: PrintDialogProps) {
  const tenant = useLocaleStore(localeSelectors.tenant);
  const plan = usePlansStore(plansSelectors.byId(batch.planId));
  const format = useFormat();
  const [layout, setLayout] = useState<SheetLayout>('a4');
  const [cardsPerPage, setCardsPerPage] = useState<number>(A4_CARDS_PER_PAGE[1]);
  const [loginUrl, setLoginUrl] = useState(() => rememberedLoginUrl(tenantId));
  const [urlTouched, setUrlTouched] = useState(false);
  const [vouchers, setVouchers] = useState<readonly VoucherSummary[] | null>(null);
  const [passwords, setPasswords] = useState<ReadonlyMap<string, string>>(new Map());
  const [loadError, setLoadError] = useState<string | null>(null);
  const [phase, setPhase] = useState<SheetPhase | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const layoutRef = useRef<HTMLSelectElement>(null);
  const ids = useId();

  useEffect(() => {
    let current = true;
    void api.invoke('vouchers.list', { batchId: batch.id }).then((result) => {
      if (!current) return;
      if (result.ok) setVouchers(result.data.vouchers);
      else setLoadError(result.error.message);
    });
    // Separate passwords are only in the export: the cards need them.
    if (batch.separatePassword) {
      void api.invoke('vouchers.export', { batchId: batch.id }).then((result) => {
        if (!current) return;
        if (result.ok) setPasswords(passwordsFromCsv(result.data.csv));
        else setLoadError(`the passwords could not be read: ${result.error.message}`);
      });
    }
    return () => {
      current = false;
    };
  }, [batch.id, batch.separatePassword]);
  // Closing the dialog stops waiting for the sheet.
  useEffect(() => () => abort.current?.abort(), []);

  const urlProblem = loginUrlProblem(loginUrl);
  // An empty field says nothing until it was left or printed with; a typed one is checked as it is typed.
  const urlError = urlTouched || loginUrl !== '' ? (urlProblem ?? undefined) : undefined;
  const unused = useMemo(() => (vouchers ?? []).filter((v) => v.state === 'unused'), [vouchers]);
  const shown = layout === 'a4' ? cardsPerPage : ROLL_PREVIEW_CARDS;
  const cards = unused.slice(0, shown).map((v) => {
    const password = batch.separatePassword ? (passwords.get(v.code) ?? null) : null;
    const known = !batch.separatePassword || password !== null;
    return { username: v.code, password: batch.separatePassword ? (password ?? '…') : null, qrText: urlProblem === null && known ? hotspotLoginUrl(loginUrl, v.code, password ?? v.code) : null };
  });
  const pages = layout === 'a4' ? Math.ceil(unused.length / cardsPerPage) : unused.length;
  const busy = phase !== null;

  const print = async () => {
    setUrlTouched(true);
    if (urlProblem !== null || unused.length === 0) return;
    rememberLoginUrl(tenantId, loginUrl);
    setFormError(null);
    const controller = new AbortController();
    abort.current = controller;
    const result = await renderSheet(api, tenantId, { batchId: batch.id, layout, cardsPerPage, loginUrl: loginUrl.trim(), states: ['unused'] }, setPhase, controller.signal);
    if (controller.signal.aborted) return;
    setPhase(null);
    if (result.ok) {
      saveBlob(result.data.fileName, result.data.blob);
      toast('ok', `voucher sheet of batch #${batch.id} (${batch.planName}) ready: ${result.data.fileName}${result.data.pages === null ? '' : `, ${result.data.pages} pages`}`);
      onClose();
    } else {
      toast('bad', `could not print batch #${batch.id} (${batch.planName}): ${result.error.message}`);
      setFormError(result.error.message);
    }
  };

  const progress =
    phase === null ? null : phase.phase === 'rendering' ? `Rendering the PDF${phase.jobId === null ? '' : ` (job #${phase.jobId})`}…` : `Downloading ${formatBytes(phase.received)} of ${formatBytes(phase.total)}…`;

  return (
    <ModalForm
      title={`Print batch #${batch.id} · ${batch.planName}`}
      testId="print-dialog"
      className="print-dialog"
      onClose={onClose}
      onSubmit={() => void print()}
      initialFocus={layoutRef}
      formError={formError ?? loadError}
      actions={
        <SubmitButton busy={busy || vouchers === null} className="primary" data-testid="print-submit">
          {busy ? 'Preparing…' : 'Download PDF'}
        </SubmitButton>
      }
    >
      <div className="print-options">
        <Field id={`${ids}-layout`} label="Layout" testId="print-layout">
          <select ref={layoutRef} {...fieldAria(`${ids}-layout`, undefined)} data-testid="print-layout" value={layout} disabled={busy} onChange={(e) => setLayout(e.target.value as SheetLayout)}>
            {SHEET_LAYOUTS.map((l) => (
              <option key={l} value={l}>
                {LAYOUT_LABELS[l]}
              </option>
            ))}
          </select>
        </Field>
        {layout === 'a4' ? (
          <Field id={`${ids}-cards`} label="Cards per page" testId="print-cards-per-page">
            <select {...fieldAria(`${ids}-cards`, undefined)} data-testid="print-cards-per-page" value={cardsPerPage} disabled={busy} onChange={(e) => setCardsPerPage(Number(e.target.value))}>
              {A4_CARDS_PER_PAGE.map((n) => (
                <option key={n} value={n}>
                  {n} ({A4_GRIDS[n].columns} × {A4_GRIDS[n].rows})
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <p className="muted small-text">One card per page, cut after each.</p>
        )}
        <p className="muted small-text" data-testid="print-summary">
          {vouchers === null ? 'Loading the vouchers…' : `${format.number(unused.length)} unused vouchers · ${format.number(pages)} ${pages === 1 ? 'page' : 'pages'}`}
        </p>
        <div className="form-span">
          <Field id={`${ids}-url`} label="Hotspot login page" error={urlError} hint={URL_HINT} testId="print-login-url">
            <input
              {...fieldAria(`${ids}-url`, urlError, URL_HINT)}
              type="url"
              data-testid="print-login-url"
              value={loginUrl}
              disabled={busy}
              placeholder="http://login.wifi"
              onChange={(e) => setLoginUrl(e.target.value)}
              onBlur={() => setUrlTouched(true)}
            />
          </Field>
        </div>
      </div>
      {vouchers !== null && unused.length === 0 ? (
        <p className="notice" data-testid="print-nothing">
          This batch has no unused vouchers left to print.
        </p>
      ) : (
        <PrintPreview
          layout={layout}
          cardsPerPage={cardsPerPage}
          tenantName={tenant?.name ?? ''}
          logo={tenant?.logo ?? null}
          planName={batch.planName}
          priceText={plan ? priceText(plan.priceMinor, plan.currency, tenant?.locale ?? 'en') : ''}
          validityText={plan ? validityText(plan) : ''}
          cards={cards}
        />
      )}
      {progress && (
        <p className="print-progress" role="status" data-testid="print-progress">
          {progress}
        </p>
      )}
    </ModalForm>
  );
}
