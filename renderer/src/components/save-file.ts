/**
 * Hands bytes to the browser as a file download; on the desktop Electron's download handling
 * asks where to save it. One way for every export (CSV, voucher sheets).
 */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download holds its own reference to the blob by now.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
