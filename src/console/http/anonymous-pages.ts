import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { LruMap } from '../../common/lru-map.js';
import type { ConsoleContext } from './console-context.js';

/** Pages kept per instance; a search page with its data is ~50 kB, a vacancy's ~20 kB: at most ~25 MB. */
const CAPACITY = 500;

/**
 * Console pages that every anonymous visitor sees alike but for their browser's form token: rendered once
 * per (page, data) and the token put in as the page is sent (decision 130).
 *
 * The caller gives a key (everything of the request the page shows: the address with its query, the
 * language, the origin, the office's settings) and the data the page is made from, as a string. The page
 * is rendered with a random stand-in for the token; when the same key comes with the same data, the kept
 * page is sent with the visitor's token in place of the stand-in. Rendering is a pure function of both, so
 * a kept page is byte for byte what rendering again would give. Never for a signed-in visitor, and a page
 * that asked for a one-time form token (`formToken`) is not kept.
 */
@Injectable()
export class AnonymousPages {
  /** A stand-in no page can contain by chance (base64url, like the real tokens: nothing to escape). */
  private readonly standIn = `ak1csrf${randomBytes(18).toString('base64url')}`;
  private readonly pages = new LruMap<string, { data: string; html: string }>(CAPACITY);

  /** Whether this visitor's pages may be kept: nobody signed in. */
  static applies(c: ConsoleContext): boolean {
    return c.user === null && c.sessionId === null;
  }

  render(c: ConsoleContext, key: string, data: string, view: (c: ConsoleContext) => JSX.Element): string {
    if (!AnonymousPages.applies(c)) return view(c) as string;
    const kept = this.pages.get(key);
    if (kept && kept.data === data) return kept.html.replaceAll(this.standIn, () => c.csrf);
    let once = false;
    const html = view({
      ...c,
      csrf: this.standIn,
      formToken: () => {
        once = true;
        return c.formToken();
      },
    }) as string;
    if (typeof html !== 'string') throw new Error('Console views must render synchronously.');
    if (!once) this.pages.set(key, { data, html });
    return html.replaceAll(this.standIn, () => c.csrf);
  }
}
