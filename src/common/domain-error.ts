/** One problem with a field of the request, as the contract's `details` array carries it. */
export interface FieldIssue {
  field: string;
  messages: string[];
}

/**
 * A refusal the caller can act on. The global filter turns it into the contract's error shape:
 * `{ statusCode, error, code, message, details? }`. Features throw these (or their own factories
 * in `<feature>.errors.ts`) instead of Nest's HttpExceptions so every error carries a stable code.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what = 'The requested resource') =>
  new DomainError(404, 'NOT_FOUND', `${what} was not found.`);

export const forbidden = (message = 'You are not allowed to do this.') => new DomainError(403, 'FORBIDDEN', message);

export const invalidTransition = (message: string) => new DomainError(409, 'INVALID_STATE_TRANSITION', message);

export const validationFailed = (details: FieldIssue[], message = 'The request is not valid.') =>
  new DomainError(400, 'VALIDATION_FAILED', message, details);

export const rateLimited = (code: string, message: string, retryAfterSeconds: number) =>
  new DomainError(429, code, message, undefined, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
