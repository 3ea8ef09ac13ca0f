import {
  applyDecorators,
  createParamDecorator,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { from, switchMap, type Observable } from 'rxjs';
import type { HttpReply } from '../../common/http/http.js';
import { ConsoleForms } from '../forms/console-forms.service.js';
import { ConsoleCsrf } from '../session/csrf.js';
import { CONSOLE_UPLOAD, type ConsoleRequest } from './console-context.js';
import { CSRF_COOKIE, csrfRejected, formTokenAccepted } from './console.guard.js';
import { parseCookies } from './cookies.js';

/** The part of an uploaded file the console uses, read into memory. */
export interface UploadedForm {
  originalname: string;
  size: number;
  buffer: Buffer;
  /** The file was larger than the route's limit: `buffer` is empty, the route answers "too large". */
  tooLarge?: boolean;
}

const UPLOAD_LIMIT = Symbol('consoleUploadLimit');

const UPLOADED = Symbol('uploadedForm');
type UploadRequest = ConsoleRequest & { [UPLOADED]?: UploadedForm };

/**
 * Reads a multipart form (limits set where @fastify/multipart is registered, http-setup.ts: 1 MiB, one
 * file, ten fields): its fields become the body, the file in `field` is kept for @UploadedFormFile().
 * A form sent urlencoded (no file) keeps its parsed body.
 */
async function readMultipart(req: UploadRequest, field: string, maxBytes?: number): Promise<void> {
  if (!req.isMultipart()) return;
  const body: Record<string, string> = {};
  const parts = maxBytes ? req.parts({ limits: { fileSize: maxBytes } }) : req.parts();
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        if (part.fieldname === field) req[UPLOADED] = { originalname: part.filename, size: buffer.length, buffer };
      } else if (typeof part.value === 'string') {
        body[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    // Past a route's own limit: the fields read so far (the tokens come first) and a file marked too large.
    if (!maxBytes || (err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
    req[UPLOADED] = { originalname: '', size: maxBytes + 1, buffer: Buffer.alloc(0), tooLarge: true };
  }
  (req as { body: unknown }).body = body;
}

/** The file of a form read by ConsoleUpload, or undefined when none was sent. */
export const UploadedFormFile = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): UploadedForm | undefined =>
    ctx.switchToHttp().getRequest<UploadRequest>()[UPLOADED],
);

/**
 * Checks the form tokens of a multipart form once its fields have been read. The guard has already
 * run (session, roles) and left only this check for later; it runs before the handler, so a
 * refused upload changes nothing, and an upload sent twice is imported once (its first answer shown).
 */
@Injectable()
export class ConsoleUploadCsrf implements NestInterceptor {
  constructor(
    private readonly csrf: ConsoleCsrf,
    private readonly forms: ConsoleForms,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<UploadRequest>();
    const res = ctx.switchToHttp().getResponse<HttpReply>();
    const field = Reflect.getMetadata(CONSOLE_UPLOAD, ctx.getHandler()) as string;
    const maxBytes = Reflect.getMetadata(UPLOAD_LIMIT, ctx.getHandler()) as number | undefined;
    const seed = parseCookies(req.headers.cookie)[CSRF_COOKIE];
    const sessionId = req.console?.sessionId ?? null;
    if (!this.csrf.isSeed(seed)) throw csrfRejected();
    const accept = () => {
      if (!formTokenAccepted(this.csrf, req, seed, sessionId)) throw csrfRejected();
    };
    const ready = async () => {
      await readMultipart(req, field, maxBytes);
      await this.forms.begin(req, res, seed, accept);
    };
    return from(ready()).pipe(switchMap(() => next.handle()));
  }
}

/**
 * A form with a file input (`enctype="multipart/form-data"`), the file in field `field`, at most
 * 1 MiB (or `maxBytes`: a larger file arrives marked `tooLarge`), kept in memory. The CSRF check moves
 * from the guard to right after the upload is read.
 */
export const ConsoleUpload = (field: string, maxBytes?: number) =>
  applyDecorators(
    SetMetadata(CONSOLE_UPLOAD, field),
    SetMetadata(UPLOAD_LIMIT, maxBytes),
    UseInterceptors(ConsoleUploadCsrf),
  );
