import type { Children } from '@kitajs/html';
import { ASSET_URLS } from '../../assets/assets.js';
import type { ConsoleContext } from '../../http/console-context.js';
import { CsrfField } from './CsrfField.js';
import { attributeValue } from './attribute.js';
import { Hidden } from './Hidden.js';
import { InboxLink } from './InboxLink.js';
import { isCurrent, navOf } from './navigation.js';

export interface LayoutProps {
  c: ConsoleContext;
  /** The page's own title; the site's name follows it in the window title. */
  title: string;
  /** Extra class on <body>, e.g. `print-card` for the printable card. */
  bodyClass?: string;
  /** One sentence about the page, for search engines and link previews. */
  description?: string;
  /** More of <head>: a public vacancy's Open Graph tags and JSON-LD (rendered markup). */
  head?: Children;
  children?: Children;
}

/**
 * The page frame: skip link, then a header whose menu (navigation, who is signed in, sign-out, the
 * language switch) folds behind a "Menu" button on phones — a <details>, so it opens without script —
 * and lies open on wider screens; then the page, and a footer with the office, help and privacy.
 */
export function Layout({ c, title, bodyClass, description, head, children }: LayoutProps): JSX.Element {
  const t = c.t;
  const items = navOf(c);
  const here = c.path.split('?')[0];
  const other = c.lang === 'id' ? 'en' : 'id';
  return (
    <>
      {'<!doctype html>'}
      <html lang={c.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${title} · ${t('app.name')}`}</title>
          {description ? <meta name="description" content={attributeValue(description)} /> : ''}
          <link rel="stylesheet" href={ASSET_URLS.css} />
          <link rel="icon" href={ASSET_URLS.logo} type="image/svg+xml" />
          <script src={ASSET_URLS.js} defer></script>
          {head}
        </head>
        <body class={bodyClass}>
          <a class="skip" href="#main" safe>
            {t('app.skip')}
          </a>
          <header class="top">
            <div class="bar">
              <a class="brand" href="/">
                <img src={ASSET_URLS.logo} alt="" width="32" height="32" />
                <span safe>{t('app.name')}</span>
              </a>
              {c.user ? <InboxLink c={c} where="bar" /> : ''}
              <details class="menu" data-menu>
                <summary>
                  <span class="menu-icon" aria-hidden="true"></span>
                  <span safe>{t('nav.menu')}</span>
                </summary>
                <div class="menu-body">
                  <nav aria-label={t('nav.label')}>
                    <ul>
                      {items.map(([href, key]) => (
                        <li>
                          <a href={href} aria-current={isCurrent(items, href, here) ? 'page' : undefined} safe>
                            {t(key)}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </nav>
                  <div class="account">
                    {c.user ? (
                      <>
                        <InboxLink c={c} where="account" />
                        <span class="who" safe>
                          {`${c.userName ?? c.user.email} · ${t.label('role', c.user.role)}`}
                        </span>
                        <form novalidate method="post" action="/keluar" class="inline">
                          <CsrfField c={c} once={false} />
                          <button type="submit" class="linkish" safe>
                            {t('nav.signOut')}
                          </button>
                        </form>
                      </>
                    ) : (
                      <a href="/masuk" safe>
                        {t('nav.signIn')}
                      </a>
                    )}
                    {c.user ? (
                      // Signed in, the choice is also kept for the messages sent by email and WhatsApp: a form.
                      <form novalidate method="post" action="/bahasa" class="inline">
                        <CsrfField c={c} once={false} />
                        <Hidden name="lang" value={other} />
                        <Hidden name="next" value={c.path} />
                        <button type="submit" class="linkish" lang={other} safe>
                          {t('lang.switch')}
                        </button>
                      </form>
                    ) : (
                      // Anonymous, a link (it only sets the language cookie): the page holds no form token,
                      // so it is the same for every anonymous reader and may be cached (decision 131).
                      <a
                        href={`/bahasa?${new URLSearchParams({ lang: other, next: c.path })}`}
                        hreflang={other}
                        lang={other}
                        rel="nofollow"
                        safe
                      >
                        {t('lang.switch')}
                      </a>
                    )}
                  </div>
                </div>
              </details>
            </div>
          </header>
          <main id="main" tabindex="-1">
            {children}
          </main>
          <footer>
            <p safe>{`${c.office.name} · ${t('app.name')}`}</p>
            <p>
              <a href="/bantuan" safe>
                {t('nav.help')}
              </a>
              {' · '}
              <a href="/privasi" safe>
                {t('nav.privacy')}
              </a>
            </p>
          </footer>
        </body>
      </html>
    </>
  );
}
