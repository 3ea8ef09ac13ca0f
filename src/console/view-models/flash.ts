/** The outcome of the last action, carried in the redirect's query (`?ok=key` / `?err=CODE`). */
export interface FlashModel {
  ok?: string;
  err?: string;
  /** The field a refused form was about (`?err=VALIDATION_FAILED&field=reason`): its own sentence. */
  field?: string;
  /**
   * Values the message names, found by the page (never taken from the query): a card's number, a
   * date. Names ending in `Date` are calendar dates, written out by the view.
   */
  params?: Record<string, string>;
}

export function flashOf(query: Record<string, unknown>): FlashModel {
  return {
    ...(typeof query.ok === 'string' ? { ok: query.ok } : {}),
    ...(typeof query.err === 'string' ? { err: query.err } : {}),
    ...(typeof query.field === 'string' && /^[A-Za-z.]{1,40}$/.test(query.field) ? { field: query.field } : {}),
  };
}
