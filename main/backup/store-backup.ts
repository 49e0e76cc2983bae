/** What a copy of the store is told while it runs. */
export interface StoreCopyOptions {
  /** Aborts the copy between steps (the job's timeout or a cancel). */
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/**
 * The store's side of a backup (the storage seam): a whole, consistent copy of the console's
 * store into one file, made while the console keeps working. The backup domain names the file,
 * syncs it into place and prunes old ones; how the copy is taken is the store's business.
 */
export interface StoreBackup {
  /** Writes the copy into `path`, an existing empty file only this user may read (its mode must stay). */
  copyTo(path: string, options: StoreCopyOptions): Promise<void>;
}
