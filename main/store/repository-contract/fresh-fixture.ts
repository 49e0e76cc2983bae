import { afterEach, beforeEach } from 'vitest';

/**
 * Gives every test of a contract suite a fresh implementation: made before each test, thrown
 * away after it. Returns the current one (call it inside tests and hooks registered after this).
 */
export function freshFixture<F extends { close(): Promise<void> }>(factory: () => Promise<F>): () => F {
  let current: F | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('the contract fixture is made before each test: use it inside a test or a later hook');
    return current;
  };
}
