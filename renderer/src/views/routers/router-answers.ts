import type { Result } from '../../../../main/contract/errors';
import type { RouterTestOutcome } from '../../../../main/routers/contract';
import { toast } from '../../components/toast-store';

/**
 * The toast that answers each router action of this person, named by router: "north-02 added",
 * "test of north-02 failed: …". Events from other people's actions change the table silently.
 */
export function answerRouterAction(verb: 'added' | 'saved' | 'removed', name: string, result: Result<unknown>): void {
  const attempt = { added: 'add', saved: 'save', removed: 'remove' }[verb];
  if (result.ok) toast('ok', `${name} ${verb}`);
  else toast('bad', `could not ${attempt} ${name}: ${result.error.message}`);
}

export function answerRouterTest(name: string, outcome: RouterTestOutcome | { ok: false; message: string }): void {
  toast(outcome.ok ? 'ok' : 'bad', `test of ${name} ${outcome.ok ? 'passed' : 'failed'}: ${outcome.message}`);
}
