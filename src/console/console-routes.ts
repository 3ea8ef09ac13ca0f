import { RequestMethod } from '@nestjs/common';

/** One excluded route, as `setGlobalPrefix(prefix, { exclude })` takes it. */
export interface ExcludedRoute {
  path: string;
  method: RequestMethod;
}

/**
 * The console's top-level paths. They are served without the API's `/api/v1` prefix; everything
 * else keeps it. (Nest matches these against each route's own path when it registers it.)
 */
export const CONSOLE_SECTIONS = [
  'assets',
  'lowongan',
  'masuk',
  'keluar',
  'bahasa',
  'daftar',
  'cek-kartu',
  'saya',
  'perusahaan',
  'petugas',
  'bantuan',
  'privasi',
  'akun',
  'pemberitahuan',
  'sitemap.xml',
  'robots.txt',
] as const;

export const CONSOLE_PREFIX_EXCLUDES: ExcludedRoute[] = [
  { path: '/', method: RequestMethod.GET },
  ...CONSOLE_SECTIONS.flatMap((s): ExcludedRoute[] => [
    { path: s, method: RequestMethod.ALL },
    { path: `${s}/*rest`, method: RequestMethod.ALL },
  ]),
];
