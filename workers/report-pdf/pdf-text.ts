/**
 * The report's fonts are the PDF standard fonts (nothing embedded, text stays extractable), which
 * print Windows-1252 only (see main/vouchers/sheet-contract.ts). A report must print whatever a
 * tenant named its plans, so instead of refusing, other characters print as "?", and the narrow
 * and thin spaces of Intl number and date formats (fr-FR "1 500,00") as plain spaces.
 */
const WIN_ANSI_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const UNICODE_SPACES = /[\u2000-\u200a\u202f\u205f\u3000]/g;

const printable = (c: string) => (c >= ' ' && c <= '~') || (c >= '\u00a0' && c <= '\u00ff') || WIN_ANSI_EXTRAS.includes(c);

export function pdfText(text: string): string {
  return [...text.replace(UNICODE_SPACES, ' ')].map((c) => (printable(c) ? c : '?')).join('');
}
