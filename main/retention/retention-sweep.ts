import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AccountsStore } from '../accounts/accounts-tx';
import { RETENTION } from './contract';
import { readRetentionSettings } from './retention-settings';

const DAY = 86_400_000;
/** Rows per DELETE: a few milliseconds each, so the main thread keeps serving between batches. */
const BATCH = 2_000;

/** What one sweep removed, by kind; logged and kept as the job's result. */
export interface RetentionSweepResult {
  auditEntries: number;
  signInAttempts: number;
  lockouts: number;
  sessions: number;
}

/** Deletes in batches until a batch comes back short, yielding the event loop in between. */
async function inBatches(remove: (limit: number) => Promise<number>, signal: AbortSignal): Promise<number> {
  let total = 0;
  for (;;) {
    signal.throwIfAborted();
    const removed = await remove(BATCH);
    total += removed;
    if (removed < BATCH) return total;
    await nextTurn();
  }
}

/**
 * Removes what is past its retention: audit entries (the setting), sign-in attempts and ended
 * lockouts, ended or expired sessions. Every delete goes through its store, a batch per unit of work.
 */
export async function sweepRetention(accounts: AccountsStore, now: number, signal: AbortSignal): Promise<RetentionSweepResult> {
  const { auditDays } = await accounts.read((tx) => readRetentionSettings(tx.settings));
  const attemptsCutoff = now - RETENTION.signInAttemptsDays * DAY;
  return {
    auditEntries: await inBatches((limit) => accounts.run((tx) => tx.audit.deleteBefore(now - auditDays * DAY, limit)), signal),
    signInAttempts: await inBatches((limit) => accounts.run((tx) => tx.signInAttempts.deleteBefore(attemptsCutoff, limit)), signal),
    lockouts: await accounts.run((tx) => tx.signInAttempts.deleteLocksEndedBefore(attemptsCutoff)),
    sessions: await inBatches((limit) => accounts.run((tx) => tx.signInSessions.deleteOverBefore(now - RETENTION.endedSessionsDays * DAY, limit)), signal),
  };
}
