import type { InvokeInput } from '../../../../main/contract';
import type { Result } from '../../../../main/contract/errors';
import type { UserCommandAccepted, UserSummary } from '../../../../main/users/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { fieldErrorsOf, type FieldErrors } from '../account/auth-store';
import { usersActions } from './users-store';

/** Live binding of the Users view for one tenant. */
export function attachUsers(tenantId: number): () => void {
  usersActions.show(tenantId);
  return attachLiveChannel({
    channel: `tenant.${tenantId}.users`,
    fetchSnapshot: () => api.invoke('users.list', { tenantId }),
    onSnapshot: ({ users }) => usersActions.snapshot(users),
    onEvent: (name, payload) => {
      if (name === 'UserCreated' || name === 'UserUpdated') usersActions.upsert(payload as UserSummary);
      else if (name === 'UserDeleted') usersActions.remove((payload as { id: number }).id);
    },
    onError: usersActions.failed,
  });
}

/**
 * Runs a user command; the list changes when its job's event arrives, not here. Returns the
 * field messages of a refused form (empty when accepted or refused as a whole).
 */
export async function runUserCommand(command: Promise<Result<UserCommandAccepted>>, what: string): Promise<FieldErrors | null> {
  const result = await command;
  if (result.ok) {
    usersActions.notify({ kind: 'accepted', text: `${what}: queued as job #${result.data.jobId}.` });
    return null;
  }
  const fields = fieldErrorsOf(result.error);
  if (Object.keys(fields).length === 0) usersActions.notify({ kind: 'error', text: result.error.message });
  return fields;
}

export const userCommands = {
  create: (input: InvokeInput<'users.create'>) => runUserCommand(api.invoke('users.create', input), `Create ${input.username}`),
  update: (input: InvokeInput<'users.update'>, username: string) => runUserCommand(api.invoke('users.update', input), `Update ${username}`),
  setDisabled: (id: number, disabled: boolean, username: string) =>
    runUserCommand(api.invoke('users.setDisabled', { id, disabled }), `${disabled ? 'Disable' : 'Enable'} ${username}`),
  remove: (id: number, username: string) => runUserCommand(api.invoke('users.delete', { id }), `Delete ${username}`),
  unlock: (id: number, username: string) => runUserCommand(api.invoke('users.unlock', { id }), `Lift the sign-in lockout of ${username}`),
  /** The full record (unmasked email) for the edit form. */
  get: (id: number) => api.invoke('users.get', { id }),
};
