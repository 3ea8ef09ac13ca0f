import { Injectable } from '@nestjs/common';
import { LruMap } from '../../common/lru-map.js';
import type { ConsoleContext } from './console-context.js';

/** Pages kept per instance; a search page with its data is ~50 kB, a vacancy's ~20 kB: at most ~25 MB. */
const CAPACITY = 500;

/**
 * Console pages that every anonymous visitor sees alike: rendered once per (page, data) (decisions 130, 131).
 *
 * The caller gives a key (everything of the request the page shows: the address with its query, the
 * language, the origin, the office's settings) and the data the page is made from, as a string. When the
 * same key comes with the same data, the kept page is sent again. Rendering is a pure function of both, so
 * a kept page is byte for byte what rendering again would give. Never for a signed-in visitor, and a page
 * that took a form token (`csrf`, `formToken`) holds something of its browser's own: it is not kept. An
 * anonymous visitor's pages take none since the language switch became a link (decision 131).
 */
@Injectable()
export class AnonymousPages {
  private readonly pages = new LruMap<string, { data: string; html: string }>(CAPACITY);

  /** Whether this visitor's pages may be kept: nobody signed in. */
  static applies(c: ConsoleContext): boolean {
    return c.user === null && c.sessionId === null;
  }

  render(c: ConsoleContext, key: string, data: string, view: (c: ConsoleContext) => JSX.Element): string {
    if (!AnonymousPages.applies(c)) return view(c) as string;
    const kept = this.pages.get(key);
    if (kept && kept.data === data) return kept.html;
    const tokensBefore = c.tokensHandedOut;
    const html = view(c) as string;
    if (typeof html !== 'string') throw new Error('Console views must render synchronously.');
    if (c.tokensHandedOut === tokensBefore) this.pages.set(key, { data, html });
    return html;
  }
}
