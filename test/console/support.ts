import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { TestApp } from '../support/app';
import { PASSWORD } from '../support/factories';

/** A browser-like client: keeps cookies between requests. */
export function browser(t: TestApp): TestAgent {
  return request.agent(t.app.getHttpServer());
}

/** The CSRF token of the first form on a page. */
export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1];
}

/** Visible text of a page, roughly: tags dropped, entities of the escaper decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Signs a browser in through the console's own form. */
export async function signIn(b: TestAgent, email: string, password = PASSWORD): Promise<string> {
  const form = await b.get('/masuk');
  const res = await b
    .post('/masuk')
    .type('form')
    .send({ _csrf: csrfOf(form.text), email, password, next: '/' });
  if (res.status !== 303) throw new Error(`console sign-in failed: ${res.status} ${textOf(res.text).slice(0, 300)}`);
  return res.headers.location as string;
}

/** Posts a form found on `page` (its CSRF token) to `action`. */
export async function postForm(b: TestAgent, page: string, action: string, fields: Record<string, string>) {
  const html = (await b.get(page)).text;
  return b
    .post(action)
    .type('form')
    .send({ _csrf: csrfOf(html), ...fields });
}

/**
 * The hidden tokens of the form posting to `action` on a page: `_csrf` and the form's one-time
 * `_form` token (a form sent twice with the same `_form` takes effect once).
 */
export function tokensOf(html: string, action: string): { _csrf: string; _form: string } {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action} on the page`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form);
  const once = /name="_form" value="([^"]+)"/.exec(form);
  if (!csrf || !once) throw new Error(`the form posting to ${action} carries no tokens`);
  return { _csrf: csrf[1], _form: once[1] };
}
