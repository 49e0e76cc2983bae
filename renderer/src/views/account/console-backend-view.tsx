import { useState, type FormEvent } from 'react';
import { FormField } from './form-field';
import {
  cancelConfirm,
  changeBackend,
  connectToServer,
  consoleBackendSelectors,
  forgetServer,
  useConsoleBackendStore,
  useServer,
  useThisComputer,
} from './console-backend-store';

/**
 * The desktop sign-in screen's first question: where this console runs. "This computer" starts
 * the backend inside the app; "A console server" connects to the team's server, showing its
 * certificate fingerprint on first use to compare with what the server printed when it started.
 */
export function ConsoleBackendView() {
  const servers = useConsoleBackendStore(consoleBackendSelectors.servers);
  const confirming = useConsoleBackendStore(consoleBackendSelectors.confirming);
  const busy = useConsoleBackendStore(consoleBackendSelectors.busy);
  const error = useConsoleBackendStore(consoleBackendSelectors.error);
  const [url, setUrl] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void connectToServer(url);
  };

  if (confirming) {
    return (
      <section className="panel" aria-labelledby="confirm-server-title" data-testid="backend-confirm">
        <h1 id="confirm-server-title">Check the server’s certificate</h1>
        <p>
          First connection to <strong>{confirming.url}</strong>. Its certificate’s SHA-256 fingerprint is:
        </p>
        <p className="fingerprint" data-testid="backend-fingerprint">
          {confirming.fingerprint}
        </p>
        <p className="muted">Compare it with the fingerprint the server printed when it started. Connect only if they are the same; the app remembers it and refuses a different certificate later.</p>
        <div className="form-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void useServer(confirming.url, confirming.fingerprint)} data-testid="backend-trust">
            They match: connect
          </button>
          <button type="button" className="ghost" onClick={cancelConfirm} data-testid="backend-cancel">
            Cancel
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="backend-title" data-testid="backend-choice">
      <h1 id="backend-title">Where does your console run?</h1>
      {error && (
        <p className="error" role="alert" data-testid="backend-error">
          {error}
        </p>
      )}
      <h2>This computer</h2>
      <p className="muted">The console runs inside this app, with its own routers and data.</p>
      <p>
        <button type="button" className="primary" disabled={busy} onClick={() => void useThisComputer()} data-testid="backend-this-computer">
          Use this computer
        </button>
      </p>
      <h2>A console server</h2>
      <form className="form" onSubmit={submit}>
        <FormField label="Server address" value={url} onChange={setUrl} placeholder="https://noc.example.net:5780" required testId="backend-url" />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="backend-connect">
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </div>
      </form>
      {servers.length > 0 && (
        <table className="accounts-table" data-testid="backend-servers">
          <caption className="muted">Remembered servers</caption>
          <tbody>
            {servers.map((server) => (
              <tr key={server.url} data-testid="backend-server">
                <td>
                  {server.url}
                  <br />
                  <span className="muted fingerprint" title={server.fingerprint}>
                    {server.fingerprint.slice(0, 23)}…
                  </span>
                </td>
                <td className="actions">
                  <button type="button" disabled={busy} onClick={() => void useServer(server.url, server.fingerprint)} data-testid="backend-server-connect">
                    Connect
                  </button>
                  <button type="button" className="ghost" onClick={() => void forgetServer(server.url)} aria-label={`Forget ${server.url}`} data-testid="backend-server-forget">
                    Forget
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** On the sign-in screen of the desktop: which backend this is, and the way back to the question. */
export function ConsoleBackendLine() {
  const choice = useConsoleBackendStore(consoleBackendSelectors.choice);
  if (!choice) return null;
  return (
    <p className="muted" data-testid="backend-current">
      Console: {choice.kind === 'server' ? choice.url : 'this computer'}{' '}
      <button type="button" className="ghost" onClick={() => void changeBackend()} data-testid="backend-change">
        Change
      </button>
    </p>
  );
}

/** Why the connection to the server stopped for good (its certificate changed), wherever the person is. */
export function ConsoleBackendProblem() {
  const problem = useConsoleBackendStore(consoleBackendSelectors.problem);
  if (!problem) return null;
  return (
    <p className="error" role="alert" data-testid="backend-problem">
      {problem}{' '}
      <button type="button" className="ghost" onClick={() => void changeBackend()}>
        Choose again
      </button>
    </p>
  );
}
