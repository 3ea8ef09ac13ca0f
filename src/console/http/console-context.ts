import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { HttpRequest } from '../../common/http/http.js';
import type { AuthUser, Role } from '../../common/auth/auth-user.js';
import { DEFAULT_OFFICE, type OfficeSettings } from '../../config/config.js';
import { translator, type Translator } from '../i18n/i18n.js';
import type { Lang } from '../i18n/format.js';

/** What every console page knows about its request: language, who is signed in, the form token. */
export interface ConsoleContext {
  lang: Lang;
  t: Translator;
  user: AuthUser | null;
  userName: string | null;
  sessionId: string | null;
  /** The CSRF token every form of this page carries (reading it gives the browser its seed cookie). */
  readonly csrf: string;
  /** A new one-time token for a form of this page (`_form`: the form takes effect once). */
  formToken: () => string;
  /**
   * How many tokens (`csrf` reads, `formToken` calls) the page has taken so far: a page that took none holds
   * nothing of this browser's own and is, for an anonymous reader, the same for everyone (decision 131).
   */
  readonly tokensHandedOut: number;
  /** The path and query of this request, for "come back here" links. */
  path: string;
  /** A job seeker recorded as hired: no longer offered what only people looking for work need. */
  seekerPlaced: boolean;
  /** The office on the help page and in the footer. */
  office: OfficeSettings;
  /** Scheme and host of absolute links (PUBLIC_URL, else this request's own), without a trailing slash. */
  origin: string;
  /** Messages in the signed-in user's inbox not read yet (0 when nobody is signed in). */
  unread: number;
}

export type ConsoleRequest = Omit<HttpRequest, 'user'> & {
  console?: ConsoleContext;
  user?: AuthUser | null;
  /** The user a form signed this browser in as (kept with the form's answer for a replay). */
  signedInAs?: string;
};

export const CONSOLE_ROLES = 'ak1:consoleRoles';
export const CONSOLE_VERIFIED_EMPLOYER = 'ak1:consoleVerifiedEmployer';
export const CONSOLE_UPLOAD = 'ak1:consoleUpload';
export const CONSOLE_SIGNED_LINK = 'ak1:consoleSignedLink';

/** A page for signed-in users of these roles; anyone else is sent to sign in or refused (403). */
export const ForRoles = (...roles: Role[]) => SetMetadata(CONSOLE_ROLES, roles);

/**
 * A form whose authority is a signed link rather than the browser's session (an email's one-click
 * unsubscribe, RFC 8058: the mail program posts without cookies), so it carries no form token.
 */
export const SignedLinkForm = () => SetMetadata(CONSOLE_SIGNED_LINK, true);

/** A page for staff of a VERIFIED employer (the API's @VerifiedEmployer, through the same guard). */
export const ForVerifiedEmployer = () => SetMetadata(CONSOLE_VERIFIED_EMPLOYER, true);

export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): ConsoleContext => {
  const req = ctx.switchToHttp().getRequest<ConsoleRequest>();
  return req.console!;
});

/** A minimal context for pages rendered before (or without) the guard: error pages. */
export function fallbackContext(lang: Lang, path: string): ConsoleContext {
  return {
    lang,
    t: translator(lang),
    user: null,
    userName: null,
    sessionId: null,
    csrf: '',
    formToken: () => '',
    tokensHandedOut: 0,
    path,
    seekerPlaced: false,
    office: DEFAULT_OFFICE,
    origin: '',
    unread: 0,
  };
}

/** A local path to return to after sign-in or a language switch; anything else becomes `/`. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 500) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Visible ASCII only, as a browser sends a path and query (spaces and non-ASCII letters percent-encoded): a
  // control character or a raw non-ASCII letter cannot go into the Location header.
  return /^\/[!-~]*$/.test(next) ? next : '/';
}
