import type { InvokeInput } from '../../../../main/contract';
import type { RouterDraftTestOutcome } from '../../../../main/routers/draft-test-contract';
import { api } from '../../bridge/api';
import type { RouterTest } from './routers-store';

/**
 * "Test connection" of the form's settings before they are saved: `routers.testDraft`, then its
 * RouterDraftTested. The channel is followed before the invoke goes out, and outcomes seen before
 * the job id is known are kept, so a fast test cannot pass unseen.
 */
export function testDraftSettings(input: InvokeInput<'routers.testDraft'>, tenantId: number): Promise<RouterTest> {
  return new Promise((resolve) => {
    const early = new Map<number, RouterDraftTestOutcome>();
    let jobId: number | null = null;
    const done = (outcome: RouterDraftTestOutcome): RouterTest => ({
      phase: 'done',
      outcome: { id: 0, ok: outcome.ok, message: outcome.message, latencyMs: outcome.latencyMs, identity: null, version: null },
    });
    const finish = (test: RouterTest) => {
      unsubscribe();
      resolve(test);
    };
    const unsubscribe = api.subscribe(`tenant.${tenantId}.routers`, (message) => {
      if (message.kind !== 'event' || message.name !== 'RouterDraftTested') return;
      const outcome = message.payload as RouterDraftTestOutcome;
      if (outcome.jobId === jobId) finish(done(outcome));
      else early.set(outcome.jobId, outcome);
    });
    void api.invoke('routers.testDraft', input).then((result) => {
      if (!result.ok) return finish({ phase: 'failed', message: result.error.message });
      jobId = result.data.jobId;
      const seen = early.get(jobId);
      if (seen) finish(done(seen));
    });
  });
}
