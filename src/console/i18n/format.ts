import { jakartaDate } from '../../common/dates.js';

const MONTHS = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

export type Lang = keyof typeof MONTHS;

export function monthName(month: number, lang: Lang): string {
  return MONTHS[lang][month - 1] ?? String(month);
}

/**
 * A calendar date (`2026-11-27`) or an instant (ISO timestamp, shown as its Asia/Jakarta date) as
 * `27 November 2026`: the same day-month-year order in both languages, as on Indonesian documents.
 */
export function formatDate(value: string | Date | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '–';
  const day = value instanceof Date ? jakartaDate(value) : value.length > 10 ? jakartaDate(new Date(value)) : value;
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${monthName(m, lang)} ${y}`;
}

/** An instant as `27 November 2026 15.04 WIB` (Indonesian time style, hours.minutes). */
export function formatDateTime(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return '–';
  const at = value instanceof Date ? value : new Date(value);
  const wib = new Date(at.getTime() + 7 * 3600_000);
  const hh = String(wib.getUTCHours()).padStart(2, '0');
  const mm = String(wib.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(at, lang)} ${hh}.${mm} WIB`;
}

/** `4500000` → `4.500.000` (dots group thousands in Indonesian). */
export function groupThousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Rupiah: `Rp 4.500.000`. */
export function formatMoney(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  return `Rp ${groupThousands(n)}`;
}

/** A share 0..1 as `42,5%` (comma decimal in Indonesian, point in English). */
export function formatPercent(share: number | null | undefined, lang: Lang): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '–';
  const s = (Math.round(share * 1000) / 10).toFixed(1);
  return `${lang === 'id' ? s.replace('.', ',') : s}%`;
}

export const LANGS: readonly Lang[] = ['id', 'en'];

export function isLang(v: unknown): v is Lang {
  return v === 'id' || v === 'en';
}
