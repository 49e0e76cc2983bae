/**
 * Thrown by a job handler for an error that another attempt cannot fix (bad input, not found,
 * forbidden): the job fails at once instead of being retried. Worker-safe: no Node imports.
 */
export class PermanentJobError extends Error {
  readonly permanent = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/** Error codes of DomainError (main/contract/errors.ts) that retrying cannot fix. */
const PERMANENT_CODES = new Set(['invalid_input', 'not_found', 'forbidden', 'unauthenticated', 'conflict']);

/** A failure as stored and sent across threads: message plus whether retrying is pointless. */
export interface JobFailure {
  message: string;
  permanent: boolean;
}

export function toJobFailure(error: unknown): JobFailure {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const permanent =
      (error as { permanent?: unknown }).permanent === true ||
      (error.name === 'DomainError' && typeof code === 'string' && PERMANENT_CODES.has(code));
    return { message: error.message || error.name, permanent };
  }
  return { message: String(error), permanent: false };
}
