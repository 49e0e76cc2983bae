import { useEffect, useState, type FormEvent } from 'react';
import { beginEnrolment, confirmEnrolment, disableTwoFactor, loadTwoFactorStatus, recoveryCodesSaved, regenerateRecoveryCodes } from './two-factor-actions';
import { twoFactorSelectors as select, useTwoFactorStore } from './two-factor-store';
import { FormField } from './form-field';
import { useFormat } from '../../format/use-format';

/** My Account → two-factor sign-in: set up (QR code, confirming code), recovery codes, turn off. */
export function TwoFactorSection() {
  const status = useTwoFactorStore(select.status);
  const enrolment = useTwoFactorStore(select.enrolment);
  const recoveryCodes = useTwoFactorStore(select.recoveryCodes);
  const busy = useTwoFactorStore(select.busy);
  const error = useTwoFactorStore(select.error);
  const fields = useTwoFactorStore(select.fields);
  useEffect(() => void loadTwoFactorStatus(), []);
  if (!status) return null;
  return (
    <section className="accounts-section" aria-labelledby="two-factor-title" data-testid="two-factor">
      <h2 id="two-factor-title">Two-factor sign-in</h2>
      {recoveryCodes ? (
        <RecoveryCodesList codes={recoveryCodes} />
      ) : enrolment ? (
        <EnrolForm secret={enrolment.secret} qrDataUrl={enrolment.qrDataUrl} busy={busy} error={fields.code} />
      ) : status.enrolled ? (
        <EnrolledForms recoveryCodesLeft={status.recoveryCodesLeft} enabledAt={status.enabledAt} busy={busy} fields={fields} />
      ) : (
        <>
          <p className="muted">
            {status.required ? 'Your company requires it for your account. ' : ''}After your password, sign-in asks for a code from an authenticator app on your phone.
          </p>
          <button type="button" className="primary" disabled={busy} onClick={() => void beginEnrolment()} data-testid="two-factor-begin">
            Set up two-factor sign-in
          </button>
        </>
      )}
      {error && (
        <p className="error" role="alert" data-testid="two-factor-error">
          {error}
        </p>
      )}
    </section>
  );
}

function EnrolForm({ secret, qrDataUrl, busy, error }: { secret: string; qrDataUrl: string; busy: boolean; error?: string }) {
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void confirmEnrolment(code).then((ok) => ok && setCode(''));
  };
  return (
    <form className="form" onSubmit={submit} data-testid="two-factor-enrol">
      <p>Scan the QR code with an authenticator app, or type the key into it. Then enter the code it shows.</p>
      <img className="totp-qr" src={qrDataUrl} alt="QR code for your authenticator app" width={240} height={240} />
      <p>
        Key: <code className="totp-secret" data-testid="two-factor-secret">{secret.match(/.{1,4}/g)!.join(' ')}</code>
      </p>
      <FormField label="Code from the app" value={code} onChange={setCode} error={error} inputMode="numeric" autoComplete="one-time-code" required testId="two-factor-confirm-code" />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="two-factor-confirm">
          Turn on
        </button>
      </div>
    </form>
  );
}

function RecoveryCodesList({ codes }: { codes: string[] }) {
  return (
    <div data-testid="two-factor-recovery-codes">
      <p>
        Two-factor sign-in is on. Keep these recovery codes somewhere safe: each one signs you in once if you lose your phone. They are shown only
        now.
      </p>
      <ol className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <button type="button" className="primary" onClick={() => void recoveryCodesSaved()} data-testid="two-factor-codes-saved">
        I have saved them
      </button>
    </div>
  );
}

function EnrolledForms({ recoveryCodesLeft, enabledAt, busy, fields }: { recoveryCodesLeft: number; enabledAt: string | null; busy: boolean; fields: Record<string, string> }) {
  const [renewCode, setRenewCode] = useState('');
  const format = useFormat();
  const [password, setPassword] = useState('');
  const [offCode, setOffCode] = useState('');
  // Both forms ask for a code: the backend's message goes under the one just sent.
  const [sent, setSent] = useState<'renew' | 'off' | null>(null);
  const renew = (event: FormEvent) => {
    event.preventDefault();
    setSent('renew');
    void regenerateRecoveryCodes(renewCode).then((ok) => ok && setRenewCode(''));
  };
  const turnOff = (event: FormEvent) => {
    event.preventDefault();
    setSent('off');
    void disableTwoFactor(password, offCode).then((ok) => ok && (setPassword(''), setOffCode('')));
  };
  return (
    <>
      <p data-testid="two-factor-on">
        On{enabledAt ? ` since ${format.date(enabledAt)}` : ''}. {recoveryCodesLeft} of 10 recovery codes left.
      </p>
      <form className="form" onSubmit={renew} data-testid="two-factor-renew">
        <h3>New recovery codes</h3>
        <FormField label="Code from the app" value={renewCode} onChange={setRenewCode} error={sent === 'renew' ? fields.code : undefined} inputMode="numeric" autoComplete="one-time-code" required testId="two-factor-renew-code" />
        <div className="form-actions">
          <button type="submit" disabled={busy} data-testid="two-factor-renew-submit">
            Make new codes (the old ones stop working)
          </button>
        </div>
      </form>
      <form className="form" onSubmit={turnOff} data-testid="two-factor-disable">
        <h3>Turn off</h3>
        <FormField label="Password" type="password" value={password} onChange={setPassword} error={fields.password} autoComplete="current-password" required testId="two-factor-disable-password" />
        <FormField label="Code from the app, or a recovery code" value={offCode} onChange={setOffCode} error={sent === 'off' ? fields.code : undefined} autoComplete="one-time-code" required testId="two-factor-disable-code" />
        <div className="form-actions">
          <button type="submit" disabled={busy} data-testid="two-factor-disable-submit">
            Turn off two-factor sign-in
          </button>
        </div>
      </form>
    </>
  );
}
