import { useState, type ReactNode } from 'react';
import { ROUTER_TLS_LABELS, ROUTER_TLS_MODES, type RouterSummary, type RouterTlsMode } from '../../../../main/routers/contract';
import type { FieldErrors, RouterFormValues } from './router-form';
import { acceptCertificate } from './routers-live';

export interface RouterTlsFieldsProps {
  values: RouterFormValues;
  errors: FieldErrors;
  /** The saved router (edit), for its pinned or offered certificate. */
  router: RouterSummary | null;
  /** Admins may trust a new certificate; operators see it waiting. */
  canAccept: boolean;
  idPrefix: string;
  field: (name: 'tls' | 'tlsCa', label: string, input: ReactNode, hint?: string) => ReactNode;
  onChange: <K extends 'tls' | 'tlsCa'>(field: K, value: RouterFormValues[K]) => void;
}

const MODE_HINTS: Record<RouterTlsMode, string> = {
  off: 'Anyone on the network path can read the password and everything else.',
  'verify-ca': 'api-ssl with a certificate issued by your CA for this address.',
  pin: 'api-ssl with any certificate; the one seen first is trusted, any other is refused until an admin accepts it.',
  anonymous: 'api-ssl without a certificate: encrypted, not authenticated; anyone on the path can pose as this router and read its password.',
};

/** TLS mode, the CA for `verify-ca`, and for `pin` the pinned certificate and any new one waiting. */
export function RouterTlsFields({ values, errors, router, canAccept, idPrefix, field, onChange }: RouterTlsFieldsProps) {
  const [accepting, setAccepting] = useState(false);
  const [acceptError, setAcceptError] = useState<string | null>(null);
  const accept = async (fingerprint: string) => {
    setAccepting(true);
    const result = await acceptCertificate(router!.id, fingerprint);
    setAccepting(false);
    setAcceptError(result.ok ? null : result.error.message);
  };
  const pinnedHere = router !== null && router.tls === 'pin' && values.tls === 'pin';
  return (
    <>
      {field(
        'tls',
        'TLS',
        <select id={`${idPrefix}-tls`} data-testid="router-field-tls" value={values.tls} onChange={(e) => onChange('tls', e.target.value as RouterTlsMode)}>
          {ROUTER_TLS_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {ROUTER_TLS_LABELS[mode]}
            </option>
          ))}
        </select>,
        MODE_HINTS[values.tls],
      )}
      {values.tls === 'verify-ca' && (
        <div className="form-span">
          {field(
            'tlsCa',
            'CA certificate (PEM)',
            <textarea
              id={`${idPrefix}-tlsCa`}
              data-testid="router-field-tlsCa"
              rows={4}
              className="mono"
              placeholder="-----BEGIN CERTIFICATE-----"
              value={values.tlsCa}
              aria-invalid={errors.tlsCa ? true : undefined}
              onChange={(e) => onChange('tlsCa', e.target.value)}
            />,
          )}
        </div>
      )}
      {pinnedHere && (
        <div className="form-span certificate-box" data-testid="router-certificate">
          <p>
            Pinned certificate (SHA-256):{' '}
            <span className="mono" data-testid="router-fingerprint">
              {router.tlsFingerprint ?? 'none yet: pinned on the first connection'}
            </span>
          </p>
          {router.tlsOfferedFingerprint && (
            <div className="certificate-changed" role="alert" data-testid="router-offered-certificate">
              <p>
                The router now presents another certificate (SHA-256 <span className="mono">{router.tlsOfferedFingerprint}</span>). The console does not log in
                until an admin accepts it. Compare it with <span className="mono">/certificate print detail</span> on the router first.
              </p>
              {canAccept ? (
                <button type="button" className="small" disabled={accepting} data-testid="router-accept-certificate" onClick={() => void accept(router.tlsOfferedFingerprint!)}>
                  {accepting ? 'Accepting…' : 'Trust the new certificate'}
                </button>
              ) : (
                <p className="muted">Ask an admin of your tenant to accept it.</p>
              )}
              {(acceptError ?? errors.fingerprint) && <p className="error">{acceptError ?? errors.fingerprint}</p>}
            </div>
          )}
        </div>
      )}
    </>
  );
}
