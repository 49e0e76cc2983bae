import { describe, expect, it } from 'vitest';
import { problemNotShownByTest, testResultLine } from './router-test-result';

const outcome = { id: 1, ok: true, message: 'logged in to north-01 (RouterOS 7.10.2 (stable))', latencyMs: 9, identity: 'north-01', version: '7.10.2 (stable)' };

describe('connection test result line', () => {
  it('says each fact once', () => {
    expect(testResultLine({ phase: 'done', outcome })).toEqual({ ok: true, text: 'Connection test passed in 9 ms: logged in to north-01 (RouterOS 7.10.2 (stable))' });
    expect(testResultLine({ phase: 'done', outcome })!.text.match(/north-01/g)).toHaveLength(1);
  });

  it('names a failure once, and keeps the same error out of the problem list', () => {
    const failed = { phase: 'done' as const, outcome: { ...outcome, ok: false, message: "router 'north-01' refused login: check the API user", latencyMs: null, identity: null, version: null } };
    expect(testResultLine(failed)).toEqual({ ok: false, text: "Connection test failed: router 'north-01' refused login: check the API user" });
    expect(problemNotShownByTest("router 'north-01' refused login: check the API user", failed)).toBeNull();
    expect(problemNotShownByTest('connection timed out', failed)).toBe('connection timed out');
    expect(problemNotShownByTest('connection timed out', undefined)).toBe('connection timed out');
  });

  it('shows nothing while the test runs, and why it could not start', () => {
    expect(testResultLine({ phase: 'queued', jobId: 3 })).toBeNull();
    expect(testResultLine({ phase: 'failed', message: 'sign in first' })).toEqual({ ok: false, text: 'Connection test could not start: sign in first' });
  });
});
