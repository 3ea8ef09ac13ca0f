import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request facts available anywhere below the HTTP layer (for logs and the audit trail). */
export interface RequestContext {
  requestId: string;
  /** Set when the client was already answered 503 because the database hung: start no more work for it. */
  abandoned?: boolean;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | null {
  return requestContext.getStore()?.requestId ?? null;
}
