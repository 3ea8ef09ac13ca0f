import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthUser, Role } from '../../common/auth/auth-user.js';
import { translator, type Translator } from '../i18n/i18n.js';
import type { Lang } from '../i18n/format.js';

/** What every console page knows about its request: language, who is signed in, the form token. */
export interface ConsoleContext {
  lang: Lang;
  t: Translator;
  user: AuthUser | null;
  userName: string | null;
  sessionId: string | null;
  /** The CSRF token every form of this page carries. */
  csrf: string;
  /** The path and query of this request, for "come back here" links. */
  path: string;
}

export type ConsoleRequest = Omit<Request, 'user'> & { console?: ConsoleContext; user?: AuthUser | null };

export const CONSOLE_ROLES = 'ak1:consoleRoles';
export const CONSOLE_VERIFIED_EMPLOYER = 'ak1:consoleVerifiedEmployer';
export const CONSOLE_UPLOAD = 'ak1:consoleUpload';

/** A page for signed-in users of these roles; anyone else is sent to sign in or refused (403). */
export const ForRoles = (...roles: Role[]) => SetMetadata(CONSOLE_ROLES, roles);

/** A page for staff of a VERIFIED employer (the API's @VerifiedEmployer, through the same guard). */
export const ForVerifiedEmployer = () => SetMetadata(CONSOLE_VERIFIED_EMPLOYER, true);

export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): ConsoleContext => {
  const req = ctx.switchToHttp().getRequest<ConsoleRequest>();
  return req.console!;
});

/** A minimal context for pages rendered before (or without) the guard: error pages. */
export function fallbackContext(lang: Lang, path: string): ConsoleContext {
  return { lang, t: translator(lang), user: null, userName: null, sessionId: null, csrf: '', path };
}

/** A local path to return to after sign-in or a language switch; anything else becomes `/`. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.length > 500) return '/';
  return next;
}
