import { connect as connectTcp, type AddressInfo, type Socket } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';
import { certificateOf } from '../../routers/client/peer-certificate';
import type { SimCertificate } from '../../routers/simulator/types';

export interface TlsTerminator {
  /** `https://127.0.0.1:PORT`: the console server's address as a desk types it. */
  url: string;
  port: number;
  /** SHA-256 of the certificate it presents, `AB:CD:…`. */
  fingerprint: string;
  /** Stops listening and cuts every connection (what a server restart looks like to its clients). */
  close(): Promise<void>;
}

/**
 * TLS in front of a plain console host for tests: every connection is decrypted and piped byte
 * for byte to `target`, so HTTP and WebSocket pass unchanged (the host must admit the name
 * 127.0.0.1 on any port: `--allow-host 127.0.0.1`). Closing it and starting another with a new
 * certificate on the same `port` is "the server's certificate changed".
 */
export async function startTlsTerminator(options: { target: { host: string; port: number }; certificate: SimCertificate; port?: number }): Promise<TlsTerminator> {
  const open = new Set<Socket>();
  const server = createServer({ cert: options.certificate.cert, key: options.certificate.key }, (client: TLSSocket) => {
    const upstream = connectTcp(options.target.port, options.target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.once('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    fingerprint: certificateOf(options.certificate.cert).fingerprint,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of open) socket.destroy();
      }),
  };
}
