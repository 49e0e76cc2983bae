import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * Makes the current test file fail on any uncaught exception or unhandled rejection, and say
 * which test was running: the client must never let one escape (a socket handler that throws,
 * an `error` event nobody listens to, a promise nobody awaits).
 */
export function failOnUnhandled(): void {
  const escaped: unknown[] = [];
  const record = (err: unknown) => {
    escaped.push(err);
  };
  beforeAll(() => {
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
  });
  const check = () => {
    if (escaped.length === 0) return;
    const errors = escaped.splice(0);
    throw new Error(`unhandled error(s) escaped: ${errors.map((e) => (e instanceof Error ? e.stack ?? e.message : String(e))).join('\n')}`);
  };
  // A rejection is reported only after the microtask queue drains: give it one macrotask.
  const drained = () => new Promise((resolve) => setImmediate(resolve));
  afterEach(async () => {
    await drained();
    check();
  });
  afterAll(async () => {
    await drained();
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
    check();
  });
}
