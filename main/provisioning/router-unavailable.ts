/**
 * The router cannot take a change right now (offline, connecting, its connection dropped): the
 * item waits as `pending` and is pushed again when the router is back online (provisioning
 * listeners), rather than burning the job's retries against a router that is down.
 */
export class RouterUnavailableError extends Error {
  constructor(
    readonly routerName: string,
    cause: unknown,
  ) {
    super(`waiting for router '${routerName}' to come online (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.name = 'RouterUnavailableError';
  }
}

/** The router refused a change: its own words; retrying the same change will not help. */
export class RouterRefusedError extends Error {
  readonly permanent = true;
  constructor(message: string) {
    super(message);
    this.name = 'RouterRefusedError';
  }
}
