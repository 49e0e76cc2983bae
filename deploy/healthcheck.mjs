// The container's HEALTHCHECK: exits 0 when the console's /healthz answers 200 (store writable,
// job engine running, router shards alive), 1 otherwise. It asks the console over loopback
// inside the container, so it does not check the certificate (self-signed by default).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

const url = new URL(process.env.NOC_HEALTHCHECK_URL ?? 'https://127.0.0.1:5780/healthz');
const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
const req = request(url, { rejectUnauthorized: false, timeout: 4000 }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('no answer in 4 s')));
req.on('error', (error) => {
  process.stderr.write(`healthcheck: ${error.message}\n`);
  process.exit(1);
});
req.end();
