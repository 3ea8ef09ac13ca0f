/**
 * A channel could not hand a message over. `retryable`: the same message may go through later (the
 * server was down, busy or slow); otherwise sending it again cannot help (a refused address, a bad
 * number, a template the provider does not know). `reason` is short and free of personal data (no
 * address, number, token or message text), so it can be stored as the delivery's `lastError` and logged.
 */
export class DeliveryError extends Error {
  constructor(
    readonly reason: string,
    readonly retryable: boolean,
    /** What kind of failure, for the officers' list in words: the server could not be reached, refused, or the address is unusable. */
    readonly kind: DeliveryFailureKind = retryable ? 'ERROR' : 'REJECTED',
  ) {
    super(reason);
    this.name = 'DeliveryError';
  }
}

export type DeliveryFailureKind = 'UNREACHABLE' | 'REJECTED' | 'ERROR' | 'INVALID_PHONE';
