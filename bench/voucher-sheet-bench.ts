import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ProcessMetrics } from '../main/system/process-metrics';
import { hotspotLoginUrl } from '../main/vouchers/login-url';
import type { SheetLayout, VoucherSheetInput } from '../main/vouchers/sheet-types';
import type { BenchFigure } from './figure';

const VOUCHERS = 1_000;
const WORKER = fileURLToPath(new URL('../workers/voucher-sheet/voucher-sheet.bench-worker.ts', import.meta.url));

/** A batch as the generator makes it: 8-character codes from the unambiguous alphabet, username = password. */
function sheet(layout: SheetLayout, count: number): VoucherSheetInput {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const cards = Array.from({ length: count }, (_, i) => {
    let code = '';
    for (let n = i * 7919 + 104_729, k = 0; k < 8; k++, n = Math.floor(n / alphabet.length) + k * 31) code += alphabet[n % alphabet.length];
    return { username: code, password: null, qrText: hotspotLoginUrl('http://hotspot.example.net', code, code) };
  });
  return { layout, cardsPerPage: 21, tenantName: 'Mawingu Networks Ltd', logo: null, planName: 'Daily 5 Mbps', priceText: 'KES 50.00', validityText: '1 day', cards };
}

/**
 * Voucher sheet figures (issue 11, "Print"): 1,000 vouchers with QR codes rendered to a PDF file
 * on a piscina worker thread as the job pool runs it (the sheet task, tsx in the worker as the
 * other benches run workers), timed from hand-over to the file being saved, and the main
 * thread's event-loop lag meanwhile (what an operator would feel in the console). The pool is
 * warmed first: in the app its threads are running before anyone prints.
 */
export async function voucherSheetBench(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'noc-voucher-sheet-bench-'));
  const pool = new Piscina({ filename: WORKER, execArgv: ['--import', 'tsx'], minThreads: 1, maxThreads: 1 });
  try {
    await pool.run({ input: sheet('a4', 21), outFile: join(dir, 'warm-up.pdf') });
    const figures: BenchFigure[] = [];
    for (const [layout, label] of [
      ['a4', 'A4, 21 a page'],
      ['roll-58', '58 mm roll'],
    ] as const) {
      const input = sheet(layout, VOUCHERS);
      const metrics = new ProcessMetrics(1);
      metrics.start();
      const t0 = performance.now();
      const { pages } = (await pool.run({ input, outFile: join(dir, `${layout}.pdf`) })) as { bytes: number; pages: number };
      const ms = performance.now() - t0;
      metrics.stop();
      if (pages !== (layout === 'a4' ? Math.ceil(VOUCHERS / 21) : VOUCHERS)) throw new Error(`the ${label} sheet has ${pages} pages`);
      figures.push(
        { metric: `voucher sheet PDF, ${VOUCHERS.toLocaleString('en')} vouchers with QR codes, ${label}, on a pool worker`, value: ms, unit: 'ms', target: 2_000, better: 'lower' },
        { metric: `main-thread event-loop lag p99 while the ${label} sheet renders`, value: metrics.read(false).eventLoopLag.p99, unit: 'ms', target: 20, better: 'lower' },
      );
    }
    return figures;
  } finally {
    await pool.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
