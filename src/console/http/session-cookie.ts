import type { HttpReply } from '../../common/http/http.js';
import type { AppConfig } from '../../config/config.js';
import type { UserView } from '../../users/user.entity.js';
import { ConsoleSessions } from '../session/console-sessions.service.js';
import { SESSION_COOKIE, cookieSecurity } from './console.guard.js';
import type { ConsoleRequest } from './console-context.js';
import { parseCookies, setCookie } from './cookies.js';

/**
 * Signs this browser in as `user`: a new session replaces any it had (no session fixation), and the
 * request remembers who, so a form's stored answer can sign the browser in again on a replay.
 */
export async function openSession(
  sessions: ConsoleSessions,
  config: AppConfig,
  req: ConsoleRequest,
  res: HttpReply,
  user: UserView,
): Promise<void> {
  const old = parseCookies(req.headers.cookie)[SESSION_COOKIE];
  if (old) await sessions.end(old);
  const { token } = await sessions.start(user);
  setCookie(res, SESSION_COOKIE, token, cookieSecurity(config));
  req.signedInAs = user.id;
}
