import { isInvokeName, invokes, type InvokeName, type Result } from '../contract';
import { DomainError } from '../contract/errors';
import { checkInvoke } from '../auth/permissions';
import type { Session } from '../auth/session';
import { handlers, type InvokeHandler } from './handlers';
import type { CoreServices } from './services';

/**
 * The one path every invoke takes, from either host: known name → permission → input schema →
 * handler. Every failure comes back as data; nothing a client sends can throw out of here.
 */
export async function dispatchInvoke(
  services: CoreServices,
  session: Session,
  name: string,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isInvokeName(name)) {
    return { ok: false, error: { code: 'unknown_invoke', message: `there is no invoke named "${name}"` } };
  }
  await services.auth.refresh(session); // an expired session is signed out before the permission check
  const denied = checkInvoke(session, name);
  if (denied) return { ok: false, error: denied };
  const parsed = invokes[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `invalid input for ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`,
        details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      },
    };
  }
  try {
    const handler = handlers[name] as InvokeHandler<InvokeName>;
    const data = await handler(parsed.data as never, { services, session });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error: error.toContractError() };
    services.log.error('invoke failed', { invoke: name, session: session.id, error: String(error) });
    return { ok: false, error: { code: 'internal', message: `${name} failed inside the console; see the log` } };
  }
}
