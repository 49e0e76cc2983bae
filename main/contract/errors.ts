/** Errors cross every boundary as data, never as thrown strings. */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_invoke'
  | 'malformed_message'
  | 'payload_too_large'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unavailable'
  /** Too many requests or sign-ins; `details.retryAfterMs` says when to try again. */
  | 'rate_limited'
  | 'internal';

export interface ContractError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ContractError };

/** Thrown inside the core by a handler to return a specific error to the caller. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toContractError(): ContractError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
