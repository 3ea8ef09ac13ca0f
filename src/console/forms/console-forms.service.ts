import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { beforeAnswerLeaves } from '../../common/http/after-answer.js';
import { requestPath, type HttpReply } from '../../common/http/http.js';
import { DomainError } from '../../common/domain-error.js';
import { PersonalData } from '../../common/personal-data.js';
import { Transactions, uniqueViolation } from '../../database/transactions.js';
import type { ConsoleRequest } from '../http/console-context.js';
import { csrfRejected } from '../http/refusals.js';
import { ConsoleForm } from './console-form.entity.js';

/** The field every rendered form carries: a fresh random token (128 bits) per form. */
export const FORM_TOKEN_FIELD = '_form';
const TOKEN_RE = /^[A-Za-z0-9_-]{22}$/;
/** A form's answer can be shown again for a day; then the row is purged. */
const KEEP_MS = 24 * 3600_000;
/** A replay signs the browser in again only this soon after the first answer. */
const SIGN_IN_REPLAY_MS = 10 * 60_000;
/** How long a second copy waits for the first one's answer. */
const WAIT_MS = 15_000;
/** A form claimed this long ago and still unanswered was interrupted (a crash): it may run again. */
const ABANDONED_MS = 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** This form was answered before: the answer is shown again (ConsoleErrorFilter writes it). */
export class FormReplay extends Error {
  constructor(readonly form: ConsoleForm) {
    super('form already answered');
  }
}

export const formStillRunning = () =>
  new DomainError(
    409,
    'IDEMPOTENCY_REQUEST_IN_PROGRESS',
    'This form is still being processed. Wait a moment, then reload.',
  );

/** What a handler's answer was, as the capture saw it. */
interface Answer {
  status: number;
  location: string | null;
  html: string | null;
}

/**
 * Every console form takes effect once, however often it is sent: a double click, a reload of the
 * answer to a POST, the same form sent from a second tab. Each rendered form carries a one-time token
 * (`_form`); the first copy that arrives claims it (a row, decided by its primary key) and runs, and
 * its answer — a redirect, or a page answered directly — is stored with it. A copy that arrives later
 * gets that answer again without running; one that arrives while the first is running waits for it.
 *
 * A refused form (4xx: nothing changed) gives its token back, so the form can be corrected and sent
 * again; a failure of ours (5xx) too. The answer is stored before it is sent, so a copy sent after
 * the first answer arrived always finds it. Forms are tied to the browser's CSRF seed: only the
 * browser that sent a form sees its answer again.
 */
@Injectable()
export class ConsoleForms {
  private readonly logger = new Logger('ConsoleForms');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly personal: PersonalData,
  ) {}

  /** A new form token. */
  newToken(): string {
    return randomBytes(16).toString('base64url');
  }

  /**
   * Before a POST's handler. Returns when the handler may run (the form is now claimed for it, or it
   * carries no token); throws `FormReplay` when the form was answered before (or is answered while
   * this copy waits). `accept` checks a form not seen before (its CSRF token) and throws to refuse it.
   */
  async begin(req: ConsoleRequest, _res: HttpReply, seed: string, accept: () => void): Promise<void> {
    const sent = (req.body as Record<string, unknown> | undefined)?.[FORM_TOKEN_FIELD];
    if (typeof sent !== 'string' || !TOKEN_RE.test(sent)) {
      accept();
      return;
    }
    const tokenHash = sha256(sent);
    const seedHash = sha256(seed);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const seen = await this.ds.getRepository(ConsoleForm).findOne({ where: { tokenHash } });
      if (seen) {
        // Another browser's form token: as foreign as another browser's CSRF token.
        if (seen.seedHash !== seedHash) throw csrfRejected();
        if (seen.completedAt) throw new FormReplay(seen);
        if (this.clock.now().getTime() - seen.createdAt.getTime() > ABANDONED_MS) {
          await this.tx.run((m) => m.delete(ConsoleForm, { tokenHash, completedAt: IsNull() }));
          continue;
        }
        if (Date.now() > deadline) throw formStillRunning();
        await new Promise((r) => setTimeout(r, 40));
        continue;
      }
      accept();
      if (await this.claim(tokenHash, seedHash, requestPath(req))) {
        this.capture(req, tokenHash);
        return;
      }
    }
  }

  /** Whether a replay may sign the browser in again (shortly after the first answer only). */
  maySignInAgain(form: ConsoleForm): boolean {
    return (
      !!form.signedInUserId &&
      !!form.completedAt &&
      this.clock.now().getTime() - form.completedAt.getTime() <= SIGN_IN_REPLAY_MS
    );
  }

  /** The page a form was answered with, decrypted. */
  pageOf(form: ConsoleForm): string | null {
    return form.body === null ? null : this.personal.decrypt(form.body);
  }

  /** Sign-out: this browser's answered forms are forgotten (none can sign it in again). */
  async forget(seed: string): Promise<void> {
    await this.tx.run((m) => m.delete(ConsoleForm, { seedHash: sha256(seed) }));
  }

  /** Daily: removes forms older than a day. Safe to run twice. */
  async purge(now: Date): Promise<{ purged: number }> {
    const res = await this.tx.run((m) =>
      m.delete(ConsoleForm, { createdAt: LessThan(new Date(now.getTime() - KEEP_MS)) }),
    );
    return { purged: res.affected ?? 0 };
  }

  private async claim(tokenHash: string, seedHash: string, route: string): Promise<boolean> {
    const row: ConsoleForm = {
      tokenHash,
      seedHash,
      route: route.slice(0, 200),
      createdAt: this.clock.now(),
      completedAt: null,
      statusCode: null,
      location: null,
      body: null,
      signedInUserId: null,
    };
    try {
      await this.tx.run((m) => m.insert(ConsoleForm, row));
      return true;
    } catch (err) {
      if (uniqueViolation(err)) return false;
      throw err;
    }
  }

  /**
   * Watches the handler's answer: before it leaves, the answer is stored (or the claim given back), so
   * that a copy sent after this answer arrived finds it.
   */
  private capture(req: ConsoleRequest, tokenHash: string): void {
    beforeAnswerLeaves(req as never, async (reply, payload) => {
      const answer: Answer = {
        status: reply.statusCode,
        location: (reply.getHeader('location') as string | undefined) ?? null,
        html: /text\/html/.test(String(reply.getHeader('content-type') ?? '')) ? textOf(payload) : null,
      };
      try {
        await this.settle(tokenHash, answer, req.signedInAs ?? null);
      } catch (err) {
        this.logger.error(JSON.stringify({ route: requestPath(req), error: (err as Error)?.message?.slice(0, 300) }));
      }
    });
  }

  private async settle(tokenHash: string, a: Answer, signedInUserId: string | null): Promise<void> {
    if (a.status < 200 || a.status >= 400) {
      // Refused (nothing changed) or failed: the form may be sent again.
      await this.tx.run((m) => m.delete(ConsoleForm, { tokenHash }));
      return;
    }
    const body = a.status < 300 && a.html !== null ? this.personal.encrypt(a.html) : null;
    await this.tx.run((m) =>
      m.update(
        ConsoleForm,
        { tokenHash },
        {
          completedAt: this.clock.now(),
          statusCode: a.status,
          location: a.location?.slice(0, 1000) ?? null,
          body,
          signedInUserId,
        },
      ),
    );
  }
}

function textOf(chunk: unknown): string | null {
  if (typeof chunk === 'string') return chunk;
  if (Buffer.isBuffer(chunk)) return chunk.toString('utf8');
  return null;
}
