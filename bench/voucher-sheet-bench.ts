import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessMetrics } from '../main/system/process-metrics';
import { hotspotLoginUrl } from '../main/vouchers/login-url-contract';
import { renderSheetOffThread } from '../main/vouchers/sheet-renderer';
import type { SheetLayout, VoucherSheetInput } from '../main/vouchers/sheet-contract';
import type { BenchFigure } from './figure';

const VOUCHERS = 1_000;
const CARDS_PER_PAGE = 21;

/** A batch as the generator makes it: 8-character codes from the unambiguous alphabet, username = password. */
function sheet(layout: SheetLayout, count: number): VoucherSheetInput {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const cards = Array.from({ length: count }, (_, i) => {
    let code = '';
    for (let n = i * 7919 + 104_729, k = 0; k < 8; k++, n = Math.floor(n / alphabet.length) + k * 31) code += alphabet[n % alphabet.length];
    return { username: code, password: null, qrText: hotspotLoginUrl('http://hotspot.example.net', code, code) };
  });
  return { layout, cardsPerPage: CARDS_PER_PAGE, tenantName: 'Mawingu Networks Ltd', logo: null, planName: 'Daily 5 Mbps', priceText: 'KES 50.00', validityText: '1 day', cards };
}

/**
 * Voucher sheet figures (issue 11, "Print"): 1,000 vouchers with QR codes rendered to a PDF file
 * the way the console does it (main/vouchers/sheet-renderer.ts: the sheet pool's worker thread,
 * the built worker if `npm run build` made one, else the TypeScript source through tsx), timed
 * from hand-over to the file being saved, and the main thread's event-loop lag meanwhile (what
 * an operator would feel in the console). A small sheet goes first so that the thread is up:
 * its start-up is not the sheet's time.
 */
export async function voucherSheetBench(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'noc-voucher-sheet-bench-'));
  const never = new AbortController().signal;
  try {
    await renderSheetOffThread(sheet('a4', CARDS_PER_PAGE), join(dir, 'warm-up.pdf'), never);
    const figures: BenchFigure[] = [];
    for (const [layout, label] of [
      ['a4', `A4, ${CARDS_PER_PAGE} a page`],
      ['roll-58', '58 mm roll'],
    ] as const) {
      const input = sheet(layout, VOUCHERS);
      const metrics = new ProcessMetrics(1);
      metrics.start();
      const t0 = performance.now();
      const { pages } = await renderSheetOffThread(input, join(dir, `${layout}.pdf`), never);
      const ms = performance.now() - t0;
      metrics.stop();
      if (pages !== (layout === 'a4' ? Math.ceil(VOUCHERS / CARDS_PER_PAGE) : VOUCHERS)) throw new Error(`the ${label} sheet came out with ${pages} pages`);
      figures.push(
        { metric: `voucher sheet PDF, ${VOUCHERS.toLocaleString('en')} vouchers with QR codes, ${label}, off the main thread`, value: ms, unit: 'ms', target: 2_000, better: 'lower' },
        { metric: `main-thread event-loop lag p99 while the ${label} sheet renders`, value: metrics.read(false).eventLoopLag.p99, unit: 'ms', target: 20, better: 'lower' },
      );
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
