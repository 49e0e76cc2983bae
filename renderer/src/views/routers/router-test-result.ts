import type { RouterTest } from './routers-store';

/**
 * A connection test in one line, each fact once: the router's own message already names its
 * identity and version ("logged in to north-01 (RouterOS 7.10.2)"), so only the time is added.
 * Null while the test runs.
 */
export function testResultLine(test: RouterTest): { ok: boolean; text: string } | null {
  if (test.phase === 'failed') return { ok: false, text: `Connection test could not start: ${test.message}` };
  if (test.phase !== 'done') return null;
  const { outcome } = test;
  if (!outcome.ok) return { ok: false, text: `Connection test failed: ${outcome.message}` };
  return { ok: true, text: `Connection test passed${outcome.latencyMs === null ? '' : ` in ${outcome.latencyMs} ms`}: ${outcome.message}` };
}

/** The router's last error, unless a failed test line already says the same words (it was printed twice). */
export function problemNotShownByTest(lastError: string | null, test: RouterTest | undefined): string | null {
  if (lastError === null) return null;
  if (test?.phase === 'done' && !test.outcome.ok && test.outcome.message === lastError) return null;
  return lastError;
}
