import { DomainError } from '../contract/errors';

/**
 * Runs a write and turns SQLite's unique-constraint failure into the `conflict` every store
 * implementation answers with, so callers never see which database refused it.
 */
export function refusingDuplicates<T>(write: () => T, message: string, details?: unknown): T {
  try {
    return write();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DomainError('conflict', message, details);
    throw error;
  }
}
