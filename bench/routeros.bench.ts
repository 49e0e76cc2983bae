import { percentile, type BenchFigure, type BenchSuite } from './figure';
import { hotspotSessionSet } from '../main/routers/client/live-set';
import { RouterConnection, type RosRecord } from '../main/routers/client/router-connection';
import { startSimulatedRouter } from '../main/routers/simulator';
import { encodeSentence, startScriptedServer } from '../main/routers/testing/scripted-api-server';

/**
 * RouterOS client figures:
 * - decoding throughput of a 10,000-row `print`: realistic rows (the simulator's hotspot
 *   sessions) replayed over TCP by a server that only joins pre-encoded bytes (that time is
 *   subtracted), so the figure is the client's: socket reads, the patched node-routeros
 *   decoder, row objects, RouterConnection.call;
 * - time from a session change in the simulator to the client's live-set delta (listen path).
 * Then the simulator helper's `routeros-sim` suite (one command, all figures).
 */
const ROWS = 10_000;

async function decodeThroughput(): Promise<BenchFigure[]> {
  // Realistic rows: the simulator's hotspot sessions (1,000 of them, repeated with fresh ids;
  // starting a simulator with 10,000 sessions takes seconds).
  const sim = await startSimulatedRouter({ clock: 'manual', hotspotSessions: 1_000, seed: 42 });
  sim.model.tick(3_600_000);
  const source = new RouterConnection({ name: 'bench-src', host: sim.host, port: sim.port, username: sim.username, password: sim.password }, { callTimeoutMs: 60_000 });
  source.start();
  await source.waitFor('online');
  const sample: RosRecord[] = await source.call(['/ip/hotspot/active/print']);
  await source.stop();
  await sim.stop();
  const rows = Array.from({ length: ROWS }, (_, i) => ({ ...sample[i % sample.length]!, '.id': `*${(i + 1).toString(16).toUpperCase()}`, user: `u${i}` }));

  // Pre-encoded rows without their terminator; a request only appends its tag word to each.
  const rowBytes = rows.map((row) => {
    const sentence = encodeSentence(['!re', ...Object.entries(row).map(([k, v]) => `=${k}=${v}`)]);
    return sentence.subarray(0, sentence.length - 1);
  });
  let bytesPerPrint = 0;
  let buildMs = 0;
  const server = await startScriptedServer((cmd, conn) => {
    const built = performance.now();
    const tagWord = encodeSentence([`.tag=${cmd.tag}`]); // the tag word plus the sentence end
    const parts: Buffer[] = [];
    for (const row of rowBytes) parts.push(row, tagWord);
    parts.push(encodeSentence(['!done', `.tag=${cmd.tag}`]));
    const reply = Buffer.concat(parts);
    bytesPerPrint = reply.length;
    buildMs = performance.now() - built;
    conn.sendRaw(reply);
  });
  const conn = new RouterConnection({ name: 'bench', host: '127.0.0.1', port: server.port, username: 'u', password: 'p' }, { callTimeoutMs: 60_000, keepalivePeriodMs: 600_000 });
  conn.start();
  await conn.waitFor('online');
  const rates: number[] = [];
  for (let i = 0; i < 23; i++) {
    const started = performance.now();
    const got = await conn.call(['/ip/hotspot/active/print']);
    // The replay server shares this thread: its reply assembly is not the client's time.
    const seconds = (performance.now() - started - buildMs) / 1000;
    if (got.length !== ROWS) throw new Error(`expected ${ROWS} rows, got ${got.length}`);
    if (i >= 3) rates.push(bytesPerPrint / 1e6 / seconds);
  }
  await conn.stop();
  await server.close();
  process.stderr.write(`routeros: a ${ROWS}-row print is ${(bytesPerPrint / 1e6).toFixed(2)} MB on the wire\n`);
  return [{ metric: `decode ${ROWS}-row print (median)`, value: percentile(rates, 50), unit: 'MB/s', target: 50, better: 'higher' }];
}

async function deltaLatency(): Promise<BenchFigure[]> {
  const sim = await startSimulatedRouter({ clock: 'manual', hotspotSessions: 100, seed: 7 });
  const conn = new RouterConnection({ name: 'bench-live', host: sim.host, port: sim.port, username: sim.username, password: sim.password });
  const set = hotspotSessionSet(conn, { refreshIntervalMs: 600_000 });
  const loaded = set.deltas.next((d) => d.resync);
  set.start();
  conn.start();
  await loaded;
  const latencies: number[] = [];
  for (let i = 0; i < 1_000; i++) {
    const ids = sim.model.hotspotSessionIds();
    const next = set.deltas.next();
    const started = performance.now();
    if (i % 2 === 0) sim.model.addHotspotSession();
    else sim.model.removeHotspotSession(ids[i % ids.length]!);
    await next;
    latencies.push(performance.now() - started);
  }
  set.stop();
  await conn.stop();
  await sim.stop();
  return [
    { metric: 'session change → client delta p50', value: percentile(latencies, 50), unit: 'ms', target: 50, better: 'lower' },
    { metric: 'session change → client delta p99', value: percentile(latencies, 99), unit: 'ms', target: 50, better: 'lower' },
  ];
}

const suite: BenchSuite = async () => {
  const figures = [...(await decodeThroughput()), ...(await deltaLatency())];
  // The simulator's own figures (200 routers × 100 sessions, 5 %/min churn: RSS, CPU) come from
  // its suite, so `npm run bench -- routeros` prints all three.
  try {
    figures.push(...(await (await import('./routeros-sim.bench')).default()));
  } catch (err) {
    process.stderr.write(`routeros: the routeros-sim part failed: ${(err as Error).message}\n`);
  }
  return figures;
};

export default suite;
