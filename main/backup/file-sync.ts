import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Flushes a file to the disk before it is renamed into place (a rename is not a sync). */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in the folder durable; Windows cannot open a folder for syncing (and does not need to). */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
