import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AccountsStore } from '../accounts/accounts-tx';

/** The setting that says a store was made by the demo; every user in such a store is demo data. */
const DEMO_MARK = 'demo.folder';
const demoMark = z.literal(true);

export class DemoFolderError extends Error {
  override name = 'DemoFolderError';
}

/** What decides whether the demo may use a store: its mark, and how many users it has. */
interface FolderContents {
  marked: boolean;
  users: number;
}

function refuseUnlessDemoData({ marked, users }: FolderContents, dataDir: string): void {
  if (marked || users === 0) return;
  throw new DemoFolderError(
    `the data folder ${dataDir} holds a console with ${users} user${users === 1 ? '' : 's'} the demo did not make, and --demo never runs on real data: ` +
      'start the demo without --data-dir (it has a folder of its own) or give it an empty folder',
  );
}

/**
 * Refuses a data folder for the demo unless it is new, has no users, or was made by an earlier
 * demo. Run before the store opens: it only reads the SQLite file, so a refused folder is left
 * exactly as it was (no migration, no demo tenants, no reset passwords).
 */
export function checkDemoFolder(dataDir: string): void {
  const file = join(dataDir, 'noc.db');
  if (!existsSync(file)) return;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasTable = (name: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
    refuseUnlessDemoData(
      {
        marked: hasTable('settings') && db.prepare('SELECT 1 FROM settings WHERE key = ?').get(DEMO_MARK) !== undefined,
        users: hasTable('users') ? db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users').get()!.n : 0,
      },
      dataDir,
    );
  } finally {
    db.close();
  }
}

/**
 * The same check on an open store (a host that opened it already), and the demo's mark, in one
 * unit: a first user signing up meanwhile is not counted as demo data. Throws before the demo
 * writes anything; afterwards the next demo start accepts the store (users made while trying the demo are demo data).
 */
export async function claimDemoFolder(accounts: AccountsStore, dataDir: string, now: number): Promise<void> {
  await accounts.run(async (tx) => {
    refuseUnlessDemoData({ marked: (await tx.settings.read(DEMO_MARK, demoMark)) !== null, users: await tx.users.count() }, dataDir);
    await tx.settings.write(DEMO_MARK, demoMark, true, now);
  });
}
