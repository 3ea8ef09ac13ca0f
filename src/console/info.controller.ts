import { Controller, Get, Res, UseFilters, UseGuards } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { BROWSER_CACHE } from '../common/http/http-caching.js';
import { ApiExcludeController } from '@nestjs/swagger';
import type { HttpReply } from '../common/http/http.js';
import { Public } from '../common/auth/decorators.js';
import { VacancySearchQuery } from '../vacancies/dto/vacancy.dto.js';
import { VacancySearch } from '../search/vacancy-search.js';
import { Ctx, type ConsoleContext } from './http/console-context.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard } from './http/console.guard.js';
import { sendPage } from './http/respond.js';
import { HelpPage } from './views/public/HelpPage.js';
import { PrivacyPage } from './views/public/PrivacyPage.js';

/** Addresses that only signed-in people use: search engines are asked to leave them alone. */
const PRIVATE_PATHS = [
  '/saya',
  '/perusahaan',
  '/petugas',
  '/masuk',
  '/keluar',
  '/bahasa',
  '/cek-kartu',
  '/api/',
  '/docs',
];
/** At most this many vacancies in the sitemap (the protocol allows 50,000 addresses in one file). */
const SITEMAP_MAX = 10_000;

const xmlText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * What anyone may read about the service, and what search engines read: the help page (what the AK1
 * card is, what to bring, where and when the office is open), the privacy notice, /sitemap.xml of
 * the open vacancies and /robots.txt.
 */
@ApiExcludeController()
@Public()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller()
export class InfoConsoleController {
  constructor(private readonly vacancySearch: VacancySearch) {}

  @RouteConfig(BROWSER_CACHE)
  @Get('bantuan')
  help(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    sendPage(res, HelpPage({ c }));
  }

  @RouteConfig(BROWSER_CACHE)
  @Get('privasi')
  privacy(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    sendPage(res, PrivacyPage({ c }));
  }

  /** The public pages worth finding: search, help, privacy, and every vacancy taking applications. */
  @Get('sitemap.xml')
  async sitemap(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    const urls: { loc: string; lastmod?: string }[] = ['/', '/bantuan', '/privasi'].map((p) => ({ loc: c.origin + p }));
    for (let page = 1; urls.length < SITEMAP_MAX; page++) {
      const q = Object.assign(new VacancySearchQuery(), { page, pageSize: 100, sort: 'newest' });
      const found = await this.vacancySearch.search(q);
      for (const v of found.items)
        urls.push({ loc: `${c.origin}/lowongan/${v.id}`, lastmod: v.updatedAt.slice(0, 10) });
      if (page * 100 >= found.total || found.items.length === 0) break;
    }
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ...urls.map(
        (u) => `  <url><loc>${xmlText(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
      ),
      '</urlset>',
      '',
    ].join('\n');
    res.header('Content-Type', 'application/xml; charset=utf-8');
    res.header('Cache-Control', 'public, max-age=3600');
    res.send(body);
  }

  @Get('robots.txt')
  robots(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    const body = [
      'User-agent: *',
      'Allow: /',
      ...PRIVATE_PATHS.map((p) => `Disallow: ${p}`),
      '',
      `Sitemap: ${c.origin}/sitemap.xml`,
      '',
    ].join('\n');
    res.header('Content-Type', 'text/plain; charset=utf-8');
    res.header('Cache-Control', 'public, max-age=86400');
    res.send(body);
  }
}
