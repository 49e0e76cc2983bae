import { defineEvent, defineInvoke } from '../contract/define';
import { routerAddInput } from './contract';

/** Outcome of a test of unsaved settings, by the job id `routers.testDraft` answered. */
export interface RouterDraftTestOutcome {
  jobId: number;
  ok: boolean;
  message: string;
  latencyMs: number | null;
  /** `pin`: the certificate the router presents now, which saving would pin. */
  fingerprint: string | null;
}

/** "Test connection" in the Add/Edit form: the settings as typed, before anything is saved. */
export const routerDraftTestInvokes = {
  'routers.testDraft': defineInvoke<{ jobId: number }>()({
    input: routerAddInput,
    summary:
      'Queues a connection test of settings not saved yet (the Add/Edit form; nothing is stored, the password stays out of the job payload); RouterDraftTested reports the outcome.',
  }),
};

export const routerDraftTestEvents = {
  RouterDraftTested: defineEvent<RouterDraftTestOutcome>()({ scope: 'tenant', topic: 'routers', summary: 'A connection test of unsaved settings finished.' }),
};
