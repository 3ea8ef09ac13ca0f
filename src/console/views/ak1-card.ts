import { addMonths } from '../../common/dates.js';
import type { CardView } from '../../cards/card-view.js';
import type { SeekerView } from '../../seekers/seeker.entity.js';
import type { ConsoleContext } from '../http/console-context.js';
import { html, raw, type SafeHtml } from '../http/html.js';
import { layout } from './layout.js';

/** Report marks of a card: +6, +12, +18 months from issue (the domain brief). */
export function reportMarks(card: Pick<CardView, 'issuedAt'>): string[] {
  return card.issuedAt ? [6, 12, 18].map((m) => addMonths(card.issuedAt!, m)) : [];
}

/**
 * The printable AK1 card at ID-1 size (85.60 × 53.98 mm), front and back. The NIK is printed: only
 * the holder and officers reach this page. The QR code carries the card check URL with the signed
 * credential, so any phone camera opens the public check page.
 */
export function printableCard(c: ConsoleContext, card: CardView, holder: Pick<SeekerView, 'fullName' | 'nik' | 'birthPlace' | 'birthDate' | 'gender' | 'educationLevel'>, qrSvg: string | null, back: string): SafeHtml {
  const t = c.t;
  const marks = reportMarks(card);
  const reports = [...card.reports].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
  return layout(
    c,
    t('card.printTitle'),
    html`<div class="no-print"><p><a href="${back}">← ${t('common.back')}</a></p><h1>${t('card.printTitle')}</h1>
      <p>${t('card.printIntro')}</p><p><button type="button" class="btn primary" data-print>${t('card.print')}</button></p></div>
    <div class="ak1">
      <section class="idcard front" aria-label="${t('card.front')}">
        <h2>${t('card.formTitle')}</h2>
        <p class="org">${t('card.issuer')}</p>
        <p class="num">${card.cardNumber ?? '–'}</p>
        <dl>
          <dt>${t('field.fullName')}</dt><dd>${holder.fullName}</dd>
          <dt>${t('field.nik')}</dt><dd>${holder.nik}</dd>
          <dt>${t('card.born')}</dt><dd>${holder.birthPlace}, ${t.date(holder.birthDate)}</dd>
          <dt>${t('field.gender')}</dt><dd>${t.label('gender', holder.gender)}</dd>
          <dt>${t('field.educationLevel')}</dt><dd>${t.label('education', holder.educationLevel)}</dd>
          <dt>${t('field.validUntil')}</dt><dd>${t.date(card.issuedAt)} – ${t.date(card.expiresAt)}</dd>
        </dl>
        ${qrSvg ? html`<div class="qr">${raw(qrSvg)}</div>` : ''}
      </section>
      <section class="idcard back" aria-label="${t('card.back')}">
        <h2>${t('card.reportsTitle')}</h2>
        <table><thead><tr><th>${t('card.report')}</th><th>${t('card.due')}</th><th>${t('card.reportedOn')}</th></tr></thead>
        <tbody>${marks.map((due, i) => html`<tr><td>${i + 1}</td><td>${t.date(due)}</td><td>${reports[i] ? t.date(reports[i].reportedAt) : ''}</td></tr>`)}</tbody></table>
        <p class="org">${t('card.placedBox')}: ${card.placement ? `${card.placement.employerName ?? ''} / TMT ${t.date(card.placement.startDate)}` : '………………………'}</p>
        <p class="org">${t('card.backNote')}</p>
      </section>
    </div>`,
    { bodyClass: 'print-card' },
  );
}
