import { createHash } from 'node:crypto';
import { APP_CSS } from './app-css.js';
import { APP_JS } from './app-js.js';
import { LOGO_SVG } from './logo-svg.js';

export interface Asset {
  body: string;
  type: string;
  etag: string;
}

function asset(body: string, type: string): Asset {
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
}

export const ASSETS: Record<string, Asset> = {
  'app.css': asset(APP_CSS, 'text/css; charset=utf-8'),
  'app.js': asset(APP_JS, 'text/javascript; charset=utf-8'),
  'logo.svg': asset(LOGO_SVG, 'image/svg+xml'),
};

/** URLs carry a hash of the content, so assets can be cached for a year and still change on deploy. */
const v = (name: string) => `/assets/${name}?v=${ASSETS[name].etag.slice(1, 9)}`;
export const ASSET_URLS = { css: v('app.css'), js: v('app.js'), logo: v('logo.svg') };
