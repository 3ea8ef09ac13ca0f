import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import { ConsoleForms } from '../forms/console-forms.service.js';
import { ConsoleCsrf } from '../session/csrf.js';
import { CONSOLE_UPLOAD, type ConsoleRequest } from './console-context.js';
import { CSRF_COOKIE, csrfRejected, formTokenAccepted } from './console.guard.js';
import { parseCookies } from './cookies.js';

/** The part of an uploaded file the console uses (multer's memory storage). */
export interface UploadedForm {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** The API takes CSV bodies up to 1 MiB; an uploaded file gets the same limit. */
const UPLOAD_LIMITS = { fileSize: 1024 * 1024, files: 1, fields: 10, fieldSize: 1024 * 1024, parts: 12 };

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
    const req = ctx.switchToHttp().getRequest<ConsoleRequest>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const seed = parseCookies(req.headers.cookie)[CSRF_COOKIE];
    const sessionId = req.console?.sessionId ?? null;
    if (!this.csrf.isSeed(seed)) throw csrfRejected();
    const accept = () => {
      if (!formTokenAccepted(this.csrf, req, seed, sessionId)) throw csrfRejected();
    };
    return from(this.forms.begin(req, res, seed, accept)).pipe(switchMap(() => next.handle()));
  }
}

/**
 * A form with a file input (`enctype="multipart/form-data"`), the file in field `field`, at most
 * 1 MiB, kept in memory. The CSRF check moves from the guard to right after the upload is read.
 */
export const ConsoleUpload = (field: string) =>
  applyDecorators(
    SetMetadata(CONSOLE_UPLOAD, true),
    UseInterceptors(FileInterceptor(field, { limits: UPLOAD_LIMITS }), ConsoleUploadCsrf),
  );
