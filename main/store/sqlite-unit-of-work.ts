import type { Db } from './database';
import type { TransactionHooks, UnitOfWork } from './unit-of-work';

export class UnitOfWorkEscapedError extends Error {
  constructor() {
    super('a unit of work awaited something other than its repositories (a timer, the network, a router); its writes were rolled back. Do that before or after the unit of work.');
    this.name = 'UnitOfWorkEscapedError';
  }
}

/**
 * The unit of work over the one better-sqlite3 connection. Its repositories answer at once
 * (resolved Promises), so a unit of work runs inside one turn of the event loop and nothing else
 * can write in the middle of its transaction. Work that awaits anything else (it would let other
 * code write inside this transaction) is caught by a guard on the next turn and rolled back.
 * Units of work started together run one after another, across every unit of work on the connection.
 */
/**
 * The last transaction queued on each connection. Every unit of work over one connection (the
 * business domains', the accounts') queues behind the same tail: SQLite has one transaction per
 * connection, and a second BEGIN while the first awaits its repositories would fail.
 */
const tails = new WeakMap<Db, Promise<unknown>>();

export class SqliteUnitOfWork<Tx> implements UnitOfWork<Tx> {

  constructor(
    private readonly db: Db,
    private readonly open: (db: Db, hooks: TransactionHooks) => Tx,
  ) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const next = (tails.get(this.db) ?? Promise.resolve()).then(() => this.transaction(work));
    tails.set(
      this.db,
      next.catch(() => undefined),
    );
    return next;
  }

  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work(this.open(this.db, { afterCommit: (hook) => hook() }));
  }

  private async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const hooks: Array<() => void> = [];
    let escaped = false;
    const guard = setImmediate(() => {
      escaped = true;
    });
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(this.open(this.db, { afterCommit: (hook) => hooks.push(hook) }));
      if (escaped) throw new UnitOfWorkEscapedError();
      this.db.exec('COMMIT');
      clearImmediate(guard);
      for (const hook of hooks) hook();
      return result;
    } catch (error) {
      clearImmediate(guard);
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }
}
