import { KECAMATAN } from '../../common/reference/kecamatan.js';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatPercent,
  groupThousands,
  monthName,
  type Lang,
} from './format.js';
import { EN } from './messages.en.js';
import { ID, type MessageKey } from './messages.id.js';

export type { MessageKey };
type Params = Record<string, string | number>;

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { id: ID, en: EN };

/** Everything a view needs to speak the visitor's language. */
export interface Translator {
  lang: Lang;
  (key: MessageKey, params?: Params): string;
  /** A label of a code (`card`, `ACTIVE`): from the dictionary, else the code itself. */
  label(group: string, code: string | null | undefined): string;
  /** A message for an error code, or null when there is no translation for it. */
  error(code: string): string | null;
  has(key: string): key is MessageKey;
  date(v: string | Date | null | undefined): string;
  dateTime(v: string | Date | null | undefined): string;
  money(n: number | null | undefined): string;
  number(n: number | null | undefined): string;
  percent(share: number | null | undefined): string;
  month(m: number): string;
  kecamatan(code: string | null | undefined): string;
}

const KECAMATAN_NAMES = new Map(KECAMATAN.map((k) => [k.code, k.name]));

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

const cache = new Map<Lang, Translator>();

export function translator(lang: Lang): Translator {
  const hit = cache.get(lang);
  if (hit) return hit;
  const dict = DICTIONARIES[lang];
  const t = ((key: MessageKey, params?: Params) => fill(dict[key] ?? key, params)) as Translator;
  t.lang = lang;
  t.has = (key: string): key is MessageKey => key in dict;
  t.label = (group, code) => {
    if (code === null || code === undefined || code === '') return '–';
    const key = `${group}.${code}`;
    return t.has(key) ? dict[key] : code;
  };
  t.error = (code) => {
    const key = `error.${code}`;
    return t.has(key) ? dict[key] : null;
  };
  t.date = (v) => formatDate(v, lang);
  t.dateTime = (v) => formatDateTime(v, lang);
  t.money = (n) => formatMoney(n);
  t.number = (n) => (n === null || n === undefined ? '–' : groupThousands(n));
  t.percent = (s) => formatPercent(s, lang);
  t.month = (m) => monthName(m, lang);
  t.kecamatan = (code) => (code ? (KECAMATAN_NAMES.get(code) ?? code) : '–');
  cache.set(lang, t);
  return t;
}
