/**
 * The storage seam of the newer domains (plans, subscribers, vouchers, and what follows): their
 * code reaches storage only through repositories handed out by a unit of work, and every
 * repository method returns a Promise. SQLite stands behind it here; a PostgreSQL implementation
 * can stand behind the same interface later without the domains changing.
 */
export interface UnitOfWork<Tx> {
  /**
   * Runs `work` in one transaction: its writes commit together, or (when it throws) none do.
   * Work awaits only its repositories; hooks given to `afterCommit` run once it has committed
   * (events, wake-ups), never for work that rolled back.
   */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Reads that need no transaction (lists, details). */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/** What a transaction offers besides its repositories. */
export interface TransactionHooks {
  /** Runs `hook` after the transaction commits; in a read, at once. */
  afterCommit(hook: () => void): void;
}
