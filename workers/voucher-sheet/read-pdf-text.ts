import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdf.js reads the standard fonts' metrics from its own package; without them it warns on every page. */
const standardFontDataUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

/**
 * The text of each page of a PDF, one line per text run as drawn (a card's name, plan, code, …),
 * read by pdf.js as a viewer would. For tests: what a sheet says is checked from the PDF itself,
 * not from what the renderer meant to write. The legacy build is the one that runs on Node.
 */
export async function readPdfText(pdf: Uint8Array): Promise<string[]> {
  // pdf.js takes the bytes over (it detaches their buffer): give it a copy.
  const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      const runs = content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [item.str] : []));
      pages.push(runs.join('\n'));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
