import type { CardView } from '../../../cards/card-view.js';
import type { VacancyView } from '../../../vacancies/vacancy.entity.js';
import type { Translator } from '../../i18n/i18n.js';

/** A vacancy's wage as people say it: one amount, a range, "from", "up to" or "not stated". */
export function salaryRange(t: Translator, v: Pick<VacancyView, 'salaryMin' | 'salaryMax'>): string {
  if (v.salaryMin !== null && v.salaryMax !== null) {
    return v.salaryMin === v.salaryMax ? t.money(v.salaryMin) : `${t.money(v.salaryMin)} – ${t.money(v.salaryMax)}`;
  }
  if (v.salaryMin !== null) return t('vacancy.salaryFrom', { amount: t.money(v.salaryMin) });
  if (v.salaryMax !== null) return t('vacancy.salaryUpTo', { amount: t.money(v.salaryMax) });
  return t('vacancy.salaryUnstated');
}

/** "Kuota 2, terisi 1, sisa 1". */
export function quotaFilled(t: Translator, v: Pick<VacancyView, 'quota' | 'filled' | 'remaining'>): string {
  return t('vacancy.quotaFilled', { quota: v.quota, filled: v.filled, remaining: v.remaining });
}

/** Why a job seeker matches a vacancy (or not): a skill by name, or a requirement's label. */
export function matchReason(t: Translator, code: string): string {
  if (code.startsWith('skill:')) return t('match.skill', { name: code.slice(6) });
  return t.label('match', code);
}

/** A card's validity, `1 Januari 2026 – 1 Januari 2028`, or `–` before it is issued. */
export function validity(t: Translator, card: { issuedAt: string | null; expiresAt: string | null }): string {
  return card.issuedAt ? `${t.date(card.issuedAt)} – ${t.date(card.expiresAt)}` : '–';
}

/** Where and since when a card's holder works ("mulai bekerja (TMT) …"), and how it was recorded. */
export function placementText(t: Translator, p: NonNullable<CardView['placement']>): string {
  const since = t('card.placedSince', { date: t.date(p.startDate) });
  return `${p.employerName ?? '–'} · ${since} (${t.label('placementSource', p.source)})`;
}

/** A vacancy in one line for link previews and search engines: company, place, wage, then its text (≤ 200). */
export function vacancySummary(t: Translator, v: VacancyView): string {
  const head = [v.employer.legalName, v.location, salaryRange(t, v)].join(' · ');
  const line = `${head}. ${v.description.replace(/\s+/g, ' ').trim()}`;
  return line.length > 200 ? `${line.slice(0, 197).trimEnd()}…` : line;
}

/**
 * The headline of a card check: valid; "Data tidak cocok" when no card has that number with that NIK
 * (often a typing slip, so not an accusation); otherwise the card is not (or no longer) valid.
 */
export function checkHeadline(t: Translator, result: string): string {
  if (result === 'VALID') return t('check.valid');
  if (result === 'NOT_FOUND') return t('check.mismatch');
  return t('check.notValid');
}
