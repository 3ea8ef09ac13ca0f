import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Response,
} from 'playwright-core';
import { startApp, type TestApp } from '../support/app';
import { PASSWORD } from '../support/factories';

/**
 * What every browser spec shares: Debian's chromium (CHROMIUM_PATH overrides /usr/bin/chromium;
 * without it the specs fail and say how to get it, they never skip), the app listening on a port,
 * and the page checks run on EVERY page a person visits: no duplicate element ids, and axe-core
 * finds no accessibility violation.
 *
 * How the checks see every page: each document a person's page receives (a GET, or the answer to a
 * form) is kept as it arrived; a separate checker page loads that same HTML at the same address (the
 * stylesheet and script come from the app) and runs the checks, at 1280 px and at 390 px. So the
 * person's own journey is never slowed or raced, and a page answered to a POST is checked too.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = join(__dirname, '..', '..', 'test-artifacts', 'console');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** One problem a page check found. */
export interface PageProblem {
  url: string;
  width: number;
  problem: string;
}

export interface Console {
  t: TestApp;
  base: string;
  browser: Browser;
  /** A person: a fresh browser (cookies of their own), phone width or desktop; every page checked. */
  person(opts?: { width?: number; javaScript?: boolean }): Promise<{ ctx: BrowserContext; page: Page }>;
  /** Waits for the checks of every page seen so far and fails with all problems found. */
  assertPagesClean(): Promise<void>;
  /** How many pages were checked (a spec may say it saw what it meant to). */
  checkedPages(): number;
  close(): Promise<void>;
}

/** Starts the app and chromium; `env` goes to the app's configuration. */
export async function startConsole(env: Record<string, string> = {}): Promise<Console> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  mkdirSync(SHOTS, { recursive: true });
  const t = await startApp(env);
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const checker = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  const checkPage = await checker.newPage();
  const problems: PageProblem[] = [];
  let queue: Promise<void> = Promise.resolve();
  let checked = 0;
  const contexts: BrowserContext[] = [];

  const check = (url: string, html: string) => {
    queue = queue.then(async () => {
      checked++;
      for (const width of [1280, 390]) {
        try {
          for (const p of await checkDocument(checkPage, url, html, width)) problems.push({ url, width, problem: p });
        } catch (err) {
          problems.push({ url, width, problem: `could not be checked: ${(err as Error).message.split('\n')[0]}` });
        }
      }
    });
  };

  const pending = new Map<BrowserContext, Set<Promise<void>>>();
  const watch = (page: Page) => {
    const ctx = page.context();
    page.on('response', (res: Response) => {
      if (res.request().resourceType() !== 'document' || res.request().frame() !== page.mainFrame()) return;
      const status = res.status();
      if (status >= 300 && status < 400) return;
      if (!/text\/html/.test(res.headers()['content-type'] ?? '')) return;
      const url = res.url();
      const method = res.request().method();
      // Taken at once; a document the journey left at once (a double click) may no longer be kept by
      // the browser: a GET is then fetched again with the person's cookies (the same page).
      const capture = res
        .text()
        .catch(async (err: Error) => {
          if (method !== 'GET') throw err;
          return (await ctx.request.get(url, { maxRedirects: 0 })).text();
        })
        .then(
          (html) => check(url, html),
          (err: Error) => {
            problems.push({ url, width: 0, problem: `body not captured: ${err.message.split('\n')[0]}` });
          },
        );
      const set = pending.get(ctx) ?? new Set();
      pending.set(ctx, set);
      set.add(capture);
      void capture.finally(() => set.delete(capture));
    });
  };

  return {
    t,
    base,
    browser,
    async person(opts = {}) {
      const width = opts.width ?? 1280;
      const options: BrowserContextOptions = {
        baseURL: base,
        viewport: { width, height: width < 600 ? 740 : 900 },
        locale: 'id-ID',
        javaScriptEnabled: opts.javaScript ?? true,
      };
      const ctx = await browser.newContext(options);
      contexts.push(ctx);
      ctx.on('page', watch);
      // Closing a person's browser first takes in the pages it was still receiving.
      const close = ctx.close.bind(ctx);
      ctx.close = async (o?: Parameters<BrowserContext['close']>[0]) => {
        await Promise.all([...(pending.get(ctx) ?? [])]);
        return close(o);
      };
      const page = await ctx.newPage();
      return { ctx, page };
    },
    async assertPagesClean() {
      // Bodies still being read join the queue first.
      await new Promise((r) => setTimeout(r, 200));
      await Promise.all([...pending.values()].flatMap((set) => [...set]));
      await queue;
      // Each test answers for its own pages: what was found is reported once.
      const found = problems.splice(0, problems.length);
      if (found.length > 0) {
        const lines = found.map((p) => `- ${p.url} @${p.width}px: ${p.problem}`);
        throw new Error(`Page checks failed (${found.length}):\n${lines.join('\n')}`);
      }
    },
    checkedPages: () => checked,
    async close() {
      await queue.catch(() => undefined);
      for (const ctx of contexts) await ctx.close().catch(() => undefined);
      await checker.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await t.close();
    },
  };
}

/** The problems of one document: duplicate ids and axe violations, at one width. */
async function checkDocument(page: Page, url: string, html: string, width: number): Promise<string[]> {
  await page.setViewportSize({ width, height: width < 600 ? 740 : 900 });
  const target = url.split('#')[0];
  await page.route(target, (route) =>
    route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html }),
  );
  try {
    await page.goto(target, { waitUntil: 'load' });
  } finally {
    await page.unroute(target);
  }
  return pageProblems(page);
}

/**
 * The problems of a page as it is now (a details element opened, a form half filled): duplicate ids and
 * axe violations. Axe is evaluated through the DevTools protocol, so the page's CSP stays as it is.
 */
export async function pageProblems(page: Page): Promise<string[]> {
  const out: string[] = [];
  const duplicates = (await page.evaluate(
    `(() => { const seen = new Map(); for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) || 0) + 1);
       return [...seen].filter(([, n]) => n > 1).map(([id, n]) => id + ' ×' + n); })()`,
  )) as string[];
  for (const d of duplicates) out.push(`duplicate id ${d}`);
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) =>
       v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`,
  )) as string[];
  out.push(...violations.map((v) => `axe ${v}`));
  return out;
}

/** Signs in through the console's form (Indonesian labels). */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Kata sandi/).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
}

/** What a person sees in the page's main part. */
export const visible = (page: Page) => page.locator('main').innerText();

/** The page at phone and desktop width, full length, into test-artifacts/console/. */
export async function shoot(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}
