import { saveBlob } from './save-file';

/**
 * RFC 4180 CSV: every field quoted when it holds a comma, quote or line break; CRLF between
 * records. A field that starts with = + - @ (or a tab / CR) gets a leading apostrophe, because
 * spreadsheets run such fields as formulas and these values (hotspot logins, router names) come
 * from customers and routers, not from the operator.
 */
export function toCsv(header: readonly string[], records: readonly (readonly string[])[]): string {
  return [header, ...records].map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Hands the text to the browser (or Electron's save dialog) as a file download. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(fileName, new Blob([text], { type }));
}
