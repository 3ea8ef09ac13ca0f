import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The console's stylesheet, script, logo and link-preview picture are plain files next to this module
 * (`app.css`, `app.js`, `logo.svg`, `og.png`; `npm run build` copies them into dist), read once at
 * start and served from memory.
 */
/** Where the files are (src/console/assets, or its copy in dist): served by @fastify/static (http-setup.ts). */
export const ASSETS_DIR = __dirname;

export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

function asset(name: string, type: string): Asset {
  const body = readFileSync(join(__dirname, name));
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
}

export const ASSETS: Record<string, Asset> = {
  'app.css': asset('app.css', 'text/css; charset=utf-8'),
  'app.js': asset('app.js', 'text/javascript; charset=utf-8'),
  'logo.svg': asset('logo.svg', 'image/svg+xml'),
  // The picture of a shared vacancy link (Open Graph, 1200 × 630); its URL has no version, since
  // link previews keep the address they were given.
  'og.png': asset('og.png', 'image/png'),
};

/** URLs carry a hash of the content, so assets can be cached for a year and still change on deploy. */
const v = (name: string) => `/assets/${name}?v=${ASSETS[name].etag.slice(1, 9)}`;
export const ASSET_URLS = { css: v('app.css'), js: v('app.js'), logo: v('logo.svg') };
