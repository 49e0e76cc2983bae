import { describe, expect, it } from 'vitest';
import type { SimulatedRouter, SimulatedRouterOptions } from '../simulator';
import { makeTestPki } from '../simulator/test-certificates';
import { failOnUnhandled } from '../testing/fail-on-unhandled';
import { useConnectionKit } from './connection-test-kit';
import { certificateOf, readPeerCertificate } from './peer-certificate';
import type { RouterConnection } from './router-connection';
import type { RouterError } from './router-error';
import type { RouterTls } from './tls-options';

/** Router TLS against the simulator over real TCP: verified by CA, pinned, anonymous only when chosen. */
failOnUnhandled();

const PASSWORD = 'Tls-S3cret!';
const kit = useConnectionKit(PASSWORD);
const pki = makeTestPki();
const otherPki = makeTestPki('someone else’s CA');

/** A router, and how many API sessions (which a login needs) were ever opened on it. */
async function router(options: SimulatedRouterOptions) {
  const sim = await kit.router({ name: 'edge-1', ...options });
  const sessions = { opened: 0 };
  void sim.waitForConnections((n) => {
    if (n > 0) sessions.opened++;
    return false;
  });
  return { sim, sessions };
}

function connect(sim: SimulatedRouter, tls: RouterTls): RouterConnection {
  const conn = kit.connection(
    { name: 'edge-1', host: sim.host, port: sim.port, username: sim.username, password: PASSWORD, tls },
    { callTimeoutMs: 2_000, keepalivePeriodMs: 60_000, backoff: { initialMs: 5, maxMs: 40 } },
  );
  conn.start();
  return conn;
}

const refusal = async (conn: RouterConnection) => (await conn.waitFor('offline')).error as RouterError;
const identity = async (conn: RouterConnection) => (await conn.call(['/system/identity/print']))[0]?.name;

describe('router TLS: verified against a CA', () => {
  it('accepts the router’s certificate from the given CA for its address', async () => {
    const { sim } = await router({ certificate: pki.issue('127.0.0.1') });
    const conn = connect(sim, { ca: pki.ca });
    await conn.waitFor('online');
    expect(await identity(conn)).toBe('edge-1');
  });

  it('refuses a certificate from another CA, or for another address, before any login', async () => {
    const { sim, sessions } = await router({ certificate: otherPki.issue('127.0.0.1') });
    const error = await refusal(connect(sim, { ca: pki.ca }));
    expect(error.code).toBe('tls-untrusted');
    expect(error.message).toMatch(/^router 'edge-1' TLS certificate is not trusted \(.+\): the console refuses to log in; check it is signed by the CA/);

    const { sim: misnamed, sessions: misnamedSessions } = await router({ certificate: pki.issue('10.1.2.3') });
    const wrongName = await refusal(connect(misnamed, { ca: pki.ca }));
    expect(wrongName).toMatchObject({ code: 'tls-untrusted', details: { errno: 'ERR_TLS_CERT_ALTNAME_INVALID' } });
    expect(sessions.opened + misnamedSessions.opened).toBe(0);
  });
});

describe('router TLS: pinned certificate', () => {
  it('connects with exactly the pinned certificate and refuses a changed one, even from the same CA', async () => {
    const first = pki.issue('127.0.0.1');
    const { sim, sessions } = await router({ certificate: first });
    const seen = await readPeerCertificate(sim.host, sim.port, 5_000);
    expect(seen.fingerprint).toBe(certificateOf(first.cert).fingerprint);
    const conn = connect(sim, { pinned: seen.pem });
    await conn.waitFor('online');
    const before = sessions.opened;

    // Someone replaces the router's certificate (or stands in its place) and the link drops.
    const replacement = pki.issue('127.0.0.1');
    const refused = conn.stateChanges.next((change) => change.error?.code === 'tls-untrusted');
    sim.replaceCertificate(replacement);
    await sim.restart();
    const error = (await refused).error!;
    expect(error.code).toBe('tls-untrusted');
    expect(error.message).toMatch(/presents a TLS certificate other than the pinned one: the console refuses to log in; .*an admin accepts the new one/);
    expect(sessions.opened).toBe(before);
    expect((await readPeerCertificate(sim.host, sim.port, 5_000)).fingerprint).toBe(certificateOf(replacement.cert).fingerprint);
  });

  it('does not log in at all while nothing is pinned', async () => {
    const { sim, sessions } = await router({ certificate: pki.issue('127.0.0.1') });
    const error = await refusal(connect(sim, { pinned: null }));
    expect(error).toMatchObject({ code: 'tls-untrusted', message: expect.stringMatching(/no pinned TLS certificate yet/) });
    expect(sessions.opened).toBe(0);
  });
});

describe('router TLS: anonymous DH only when chosen', () => {
  it('verified and pinned modes never fall back to anonymous DH; anonymous mode does not pretend a certificate is checked', async () => {
    const { sim: anonymous, sessions } = await router({ tls: true });
    const verified = await refusal(connect(anonymous, { ca: pki.ca }));
    expect(verified.message).toMatch(/TLS handshake at .* failed .*check the TLS mode matches its api-ssl service/);
    await expect(readPeerCertificate(anonymous.host, anonymous.port, 5_000)).rejects.toThrow();
    expect(sessions.opened).toBe(0);
    const chosen = connect(anonymous, 'anonymous');
    await chosen.waitFor('online');
    expect(await identity(chosen)).toBe('edge-1');

    const { sim: withCertificate } = await router({ certificate: pki.issue('127.0.0.1') });
    expect((await refusal(connect(withCertificate, 'anonymous'))).message).toMatch(/TLS handshake .* failed/);
  });
});
