/** PLACEHOLDER until the channels branch lands. */
export class DeliveryError extends Error {
  constructor(
    readonly reason: string,
    readonly retryable: boolean,
  ) {
    super(reason);
  }
}
