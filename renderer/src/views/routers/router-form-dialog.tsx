import { useId, useRef, useState, type ReactNode } from 'react';
import { ROUTER_ENCODINGS, type RouterEncoding, type RouterSummary } from '../../../../main/routers/contract';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { useStale } from '../../stores/connection-store';
import {
  API_PORT,
  API_SSL_PORT,
  checkRouterForm,
  emptyRouterForm,
  endpointChanges,
  routerAddInput,
  routerFormErrors,
  routerFormFrom,
  routerUpdateInput,
  type FieldErrors,
  type RouterField,
  type RouterFormValues,
} from './router-form';
import { addRouter, testRouter, updateRouter } from './routers-live';
import { useRoutersStore } from './routers-store';
import { testResultLine } from './router-test-result';
import { testDraftSettings } from './draft-test';
import { useViewTenant } from '../../stores/use-view-tenant';
import type { RouterTest } from './routers-store';
import { RouterTlsFields } from './router-tls-fields';
import { useFocusTrap } from '../../components/use-focus-trap';

export interface RouterFormDialogProps {
  /** null: add a new router. */
  router: RouterSummary | null;
  /** The tenant a system admin adds to; null for tenant users (the server uses theirs). */
  tenantId: number | null;
  /** Add: values to start from (a router found by discovery: its identity and address). */
  prefill?: Partial<RouterFormValues>;
  onClose: () => void;
}

/** Add / Edit a router. Errors from the contract land under the field they name. */
export function RouterFormDialog({ router, tenantId, prefill, onClose }: RouterFormDialogProps) {
  const [values, setValues] = useState<RouterFormValues>(() => (router ? routerFormFrom(router) : { ...emptyRouterForm(), ...prefill }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Saving on out-of-date state could overwrite a change made meanwhile: wait for the view to be current.
  const stale = useStale();
  const titleId = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const user = useSessionStore(sessionSelectors.user);
  const canAccept = user?.role === 'system_admin' || user?.role === 'tenant_admin';
  // Shown live: the router as saved (its pinned or offered certificate may change while the form is open).
  const saved = useRoutersStore((s) => (router ? (s.routers.get(router.id) ?? router) : null));
  const moved = endpointChanges(values, router);
  const viewTenant = useViewTenant().tenantId;
  // Typed settings (a new router, or a password typed on edit) are tested as typed; otherwise the saved ones.
  const usesDraft = router === null || values.password !== '';
  const draftKey = JSON.stringify([values.host.trim(), values.port, values.tls, values.tlsCa.trim(), values.username.trim(), values.password, values.encoding]);
  const [draft, setDraft] = useState<{ key: string; test: RouterTest | null } | null>(null);
  const savedTest = useRoutersStore((s) => (router ? s.tests.get(router.id) : undefined));
  const test = usesDraft ? (draft?.key === draftKey ? (draft.test ?? { phase: 'requested' as const, jobId: null }) : undefined) : savedTest;
  const testLine = test ? testResultLine(test) : null;
  const testing = test?.phase === 'requested' || test?.phase === 'queued';
  // On edit without a new password the saved password is only sent to the saved endpoint.
  const testable = usesDraft || moved.length === 0;
  // A router whose typed settings were not tested yet, or failed, is saved only once the operator has seen the result.
  const untested = usesDraft && (draft?.key !== draftKey || draft.test === null);
  const failedSeen = usesDraft && testLine !== null && !testLine.ok;

  // Tab stays inside the form, Escape closes it, and focus goes back to the button that opened it.
  useFocusTrap(formRef, onClose, firstRef);

  const change = <K extends keyof RouterFormValues>(field: K, value: RouterFormValues[K]) => {
    setValues((v) => {
      const next = { ...v, [field]: value };
      // Turning TLS on or off moves the port between the two defaults, unless it was customised.
      if (field === 'tls' && (v.port === String(API_PORT) || v.port === String(API_SSL_PORT))) next.port = String(value === 'off' ? API_PORT : API_SSL_PORT);
      return next;
    });
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  /** Tests the settings as typed; resolves with the outcome (null: the form has errors to fix first). */
  const runDraftTest = async (): Promise<RouterTest | null> => {
    const local = checkRouterForm(values, router);
    setErrors(local);
    const tenant = tenantId ?? viewTenant;
    if (Object.keys(local).length > 0 || tenant === null) return null;
    const key = draftKey;
    setDraft({ key, test: null });
    const outcome = await testDraftSettings(routerAddInput(values, tenantId), tenant);
    setDraft((d) => (d?.key === key ? { key, test: outcome } : d));
    return outcome;
  };

  const startTest = () => {
    if (usesDraft) void runDraftTest();
    else if (router) void testRouter(router.id);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const local = checkRouterForm(values, router);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    if (untested) {
      const outcome = await runDraftTest();
      // Unreachable or refused: the result line says why; a second press saves anyway.
      if (!outcome || outcome.phase !== 'done' || !outcome.outcome.ok) return;
    }
    setSaving(true);
    setFormError(null);
    const result = router ? await updateRouter(routerUpdateInput(values, router)) : await addRouter(routerAddInput(values, tenantId));
    setSaving(false);
    if (result.ok) {
      onClose();
      return;
    }
    const split = routerFormErrors(result.error);
    setErrors(split.fields);
    setFormError(split.form);
  };

  const field = (name: RouterField, label: string, input: ReactNode, hint?: string): ReactNode => (
    <div className={`form-field${errors[name] ? ' has-error' : ''}`}>
      <label htmlFor={`${titleId}-${name}`}>{label}</label>
      {input}
      {errors[name] ? (
        <span className="field-error" id={`${titleId}-${name}-error`} data-testid={`router-error-${name}`} role="alert">
          {errors[name]}
        </span>
      ) : hint ? (
        <span className="field-hint">{hint}</span>
      ) : null}
    </div>
  );
  const text = (name: 'name' | 'host' | 'username' | 'site', extra: { ref?: React.Ref<HTMLInputElement>; autoComplete?: string } = {}) => (
    <input
      id={`${titleId}-${name}`}
      data-testid={`router-field-${name}`}
      value={values[name]}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={errors[name] ? `${titleId}-${name}-error` : undefined}
      onChange={(e) => change(name, e.target.value)}
      {...extra}
    />
  );

  return (
    <div className="modal-backdrop">
      <form ref={formRef} className="modal wide" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="router-form" onSubmit={submit} noValidate>
        <h2 id={titleId}>{router ? `Edit ${router.name}` : 'Add router'}</h2>
        <div className="form-grid">
          {field('name', 'Name', text('name', { ref: firstRef }))}
          {field('site', 'Site', text('site'))}
          {field('host', 'Address', text('host'), 'IP address or host name')}
          {field(
            'port',
            'Port',
            <input
              id={`${titleId}-port`}
              data-testid="router-field-port"
              inputMode="numeric"
              value={values.port}
              aria-invalid={errors.port ? true : undefined}
              aria-describedby={errors.port ? `${titleId}-port-error` : undefined}
              onChange={(e) => change('port', e.target.value)}
            />,
          )}
          <RouterTlsFields values={values} errors={errors} router={saved} canAccept={canAccept} idPrefix={titleId} field={field} onChange={change} />
          {field(
            'encoding',
            'Text encoding',
            <select id={`${titleId}-encoding`} data-testid="router-field-encoding" value={values.encoding} onChange={(e) => change('encoding', e.target.value as RouterEncoding)}>
              {ROUTER_ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {enc}
                </option>
              ))}
            </select>,
          )}
          {field('username', 'API user', text('username', { autoComplete: 'off' }))}
          {field(
            'password',
            'Password',
            <input
              id={`${titleId}-password`}
              type="password"
              autoComplete="new-password"
              data-testid="router-field-password"
              value={values.password}
              placeholder={router?.hasPassword && moved.length === 0 ? 'unchanged' : ''}
              aria-invalid={errors.password ? true : undefined}
              onChange={(e) => change('password', e.target.value)}
            />,
            !router
              ? 'Stored encrypted; never shown again'
              : moved.length > 0
                ? `Required: the stored password is only sent to the ${moved.join(', ')} it was saved with`
                : 'Leave empty to keep the stored password',
          )}
          <div className="form-span">
            {field(
              'notes',
              'Notes',
              <textarea id={`${titleId}-notes`} data-testid="router-field-notes" rows={3} value={values.notes} onChange={(e) => change('notes', e.target.value)} />,
            )}
          </div>
        </div>
        {errors.tenantId && (
          <p className="error" role="alert" data-testid="router-error-tenantId">
            Tenant: {errors.tenantId}
          </p>
        )}
        {formError && (
          <p className="error" role="alert" data-testid="router-form-error">
            {formError}
          </p>
        )}
        <div className="router-form-test" aria-live="polite">
          <button type="button" className="small" disabled={!testable || testing} onClick={startTest} data-testid="router-form-test">
            {testing ? 'Testing…' : 'Test connection'}
          </button>{' '}
          {!testable ? (
            <span className="muted small-text">Type the password to test the new address, port, user or TLS.</span>
          ) : (
            testLine && (
              <span className={testLine.ok ? 'test-ok' : 'test-bad'} data-testid="router-form-test-result" data-ok={testLine.ok}>
                {testLine.text}
              </span>
            )
          )}
        </div>
        <div className="modal-actions">
          <button type="button" onClick={onClose} data-testid="router-form-cancel">
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving || stale || testing} data-testid="router-form-submit">
            {saving ? 'Saving…' : failedSeen ? 'Save anyway' : untested ? (router ? 'Test and save' : 'Test and add') : router ? 'Save' : 'Add router'}
          </button>
        </div>
      </form>
    </div>
  );
}
