import type { ConsoleContext } from '../http/console-context.js';
import { html, type Renderable, type SafeHtml } from '../http/html.js';
import type { MessageKey } from '../i18n/i18n.js';
import { ASSET_URLS } from '../assets/assets.js';
import { csrfField } from './components.js';

type NavItem = [href: string, key: MessageKey];

const NAV: Record<'public' | 'seeker' | 'employer' | 'officer', NavItem[]> = {
  public: [
    ['/', 'nav.vacancies'],
    ['/cek-kartu', 'nav.cardCheck'],
    ['/daftar/pencari-kerja', 'nav.registerSeeker'],
    ['/daftar/perusahaan', 'nav.registerCompany'],
  ],
  seeker: [
    ['/saya/kartu', 'nav.myCard'],
    ['/', 'nav.vacancies'],
    ['/saya/rekomendasi', 'nav.recommendations'],
    ['/saya/lamaran', 'nav.myApplications'],
    ['/saya/profil', 'nav.profile'],
    ['/saya/sudah-bekerja', 'nav.hired'],
  ],
  employer: [
    ['/perusahaan', 'nav.company'],
    ['/perusahaan/lowongan', 'nav.ourVacancies'],
    ['/perusahaan/cek-kartu', 'nav.checkCard'],
    ['/perusahaan/penempatan', 'nav.directPlacement'],
    ['/perusahaan/staf', 'nav.staff'],
  ],
  officer: [
    ['/petugas', 'nav.dashboard'],
    ['/petugas/perusahaan', 'nav.employerQueue'],
    ['/petugas/kartu/permohonan', 'nav.cardQueue'],
    ['/petugas/kartu', 'nav.cardRegister'],
    ['/petugas/pencari-kerja/baru', 'nav.walkIn'],
    ['/petugas/kartu/impor', 'nav.cardImport'],
    ['/petugas/lowongan', 'nav.officerVacancies'],
    ['/petugas/penjangkauan', 'nav.outreach'],
    ['/petugas/ipk', 'nav.ipk'],
    ['/petugas/audit', 'nav.audit'],
  ],
};

export interface LayoutOptions {
  /** Extra class on <body>, e.g. `print-card` for the printable card. */
  bodyClass?: string;
}

/** The page frame: skip link, header with navigation, language switch and sign-out, then the page. */
export function layout(c: ConsoleContext, title: string, body: Renderable, opts: LayoutOptions = {}): SafeHtml {
  const t = c.t;
  const items = NAV[c.user?.role ?? 'public'];
  const here = c.path.split('?')[0];
  const nav = items.map(([href, key]) => {
    const current = here === href || (href !== '/' && href.length > 1 && here.startsWith(`${href}/`) && !items.some(([h]) => h !== href && h.startsWith(href) && here.startsWith(h)));
    return html`<li><a href="${href}"${current ? html` aria-current="page"` : ''}>${t(key)}</a></li>`;
  });
  const other = c.lang === 'id' ? 'en' : 'id';
  const account = c.user
    ? html`<span class="who">${c.userName ?? c.user.email} · ${t.label('role', c.user.role)}</span>
        <form method="post" action="/keluar" class="inline">${csrfField(c)}<button type="submit" class="linkish">${t('nav.signOut')}</button></form>`
    : html`<a href="/masuk">${t('nav.signIn')}</a>`;
  return html`<!doctype html>
<html lang="${c.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${t('app.name')}</title>
<link rel="stylesheet" href="${ASSET_URLS.css}">
<link rel="icon" href="${ASSET_URLS.logo}" type="image/svg+xml">
<script src="${ASSET_URLS.js}" defer></script>
</head>
<body class="${opts.bodyClass ?? ''}">
<a class="skip" href="#main">${t('app.skip')}</a>
<header class="top">
  <div class="bar">
    <a class="brand" href="/"><img src="${ASSET_URLS.logo}" alt="" width="32" height="32"><span>${t('app.name')}</span></a>
    <div class="account">
      ${account}
      <form method="post" action="/bahasa" class="inline">${csrfField(c)}<input type="hidden" name="lang" value="${other}"><input type="hidden" name="next" value="${c.path}"><button type="submit" class="linkish" lang="${other}">${t('lang.switch')}</button></form>
    </div>
  </div>
  <nav aria-label="${t('nav.label')}"><ul>${nav}</ul></nav>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer><p>${t('app.footer')}</p></footer>
</body>
</html>`;
}
