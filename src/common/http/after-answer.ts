import type { FastifyReply, FastifyRequest } from 'fastify';

/** What runs once the handler has answered, before the answer leaves: status, headers and the body as sent. */
export type AfterAnswer = (reply: FastifyReply, payload: unknown) => Promise<void>;

const AFTER_ANSWER = Symbol('afterAnswer');
type WithAfterAnswer = FastifyRequest & { [AFTER_ANSWER]?: AfterAnswer };

/**
 * Holds this request's answer until `work` has run (a console form stores its first answer so that a
 * copy sent meanwhile finds it). One per request; failures of `work` are its own to report.
 */
export function beforeAnswerLeaves(req: FastifyRequest, work: AfterAnswer): void {
  (req as WithAfterAnswer)[AFTER_ANSWER] = work;
}

/** The onSend hook (http-setup.ts) that runs it. Callback style: most answers have nothing to wait for. */
export function afterAnswerHook(
  req: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (err: Error | null, payload?: unknown) => void,
): void {
  const work = (req as WithAfterAnswer)[AFTER_ANSWER];
  if (!work) return done(null, payload);
  (req as WithAfterAnswer)[AFTER_ANSWER] = undefined;
  work(reply, payload).then(
    () => done(null, payload),
    (err: unknown) => done(err as Error),
  );
}
