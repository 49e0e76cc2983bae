import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimCertificate } from './types';

/** A CA and router certificates it signed, made fresh by a test (keys never live in the repository). */
export interface TestPki {
  /** The CA certificate (PEM): what a `verify-ca` router is given. */
  ca: string;
  /** Issues a router certificate for `host` (subjectAltName), signed by this CA. */
  issue(host: string): SimCertificate;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** A throw-away certificate authority, with openssl (on every machine this project builds on). */
export function makeTestPki(name = 'NOC test CA'): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'noc-pki-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    run('req', '-x509', ...EC_KEY, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', `/CN=${name}`);
    const caKey = readFileSync(join(dir, 'ca.key'), 'utf8');
    const ca = readFileSync(join(dir, 'ca.pem'), 'utf8');
    return {
      ca,
      issue(host) {
        const work = mkdtempSync(join(tmpdir(), 'noc-pki-'));
        const inWork = (...args: string[]) => execFileSync('openssl', args, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
        try {
          writeFileSync(join(work, 'ca.key'), caKey, { mode: 0o600 });
          writeFileSync(join(work, 'ca.pem'), ca);
          writeFileSync(join(work, 'ext.cnf'), `subjectAltName=${/^[\d.]+$|:/.test(host) ? 'IP' : 'DNS'}:${host}\n`);
          inWork('req', ...EC_KEY, '-keyout', 'router.key', '-out', 'router.csr', '-subj', `/CN=${host}`);
          inWork('x509', '-req', '-in', 'router.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'router.pem', '-days', '2', '-extfile', 'ext.cnf');
          return { cert: readFileSync(join(work, 'router.pem'), 'utf8'), key: readFileSync(join(work, 'router.key'), 'utf8') };
        } finally {
          rmSync(work, { recursive: true, force: true });
        }
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
