import type { MyApplicationView } from '../../applications/applications.service.js';
import type { CardView } from '../../cards/card-view.js';
import type { Page } from '../../common/http/pagination.js';
import type { Recommendation } from '../../matching/matching.service.js';
import type { SeekerView } from '../../seekers/seeker.entity.js';
import type { ConsoleContext } from '../http/console-context.js';
import type { FormValues } from '../http/forms.js';
import { html, type SafeHtml } from '../http/html.js';
import type { Translator } from '../i18n/i18n.js';
import { badge, csrfField, errorSummary, facts, field, flash, notice, pager, postButton } from './components.js';
import { layout } from './layout.js';
import { experienceFields, experienceLabels, seekerProfileFields, SEEKER_LABEL_KEYS, vacancyListItem } from './public.js';

function cardFacts(c: ConsoleContext, card: CardView): SafeHtml {
  const t = c.t;
  const rows: [string, SafeHtml | string][] = [
    [t('field.status'), badge(t, 'card', card.status)],
    [t('field.cardNumber'), card.cardNumber ?? t('card.numberPending')],
  ];
  if (card.issuedAt) rows.push([t('field.validity'), `${t.date(card.issuedAt)} – ${t.date(card.expiresAt)}`]);
  if (card.status === 'ACTIVE') rows.push([t('field.nextReportDue'), t.date(card.nextReportDue)]);
  if (card.placement) rows.push([t('card.placedAt'), `${card.placement.employerName ?? '–'} · TMT ${t.date(card.placement.startDate)} (${t.label('placementSource', card.placement.source)})`]);
  return facts(rows);
}

export function myCardPage(c: ConsoleContext, mine: { current: CardView | null; history: CardView[] }, query: Record<string, unknown>): SafeHtml {
  const t = c.t;
  const current = mine.current;
  let main: SafeHtml;
  if (current) {
    const overdue = current.reportOverdue
      ? notice('warning', html`<strong>${t('card.overdueTitle')}</strong> ${t('card.overdue', { date: t.date(current.nextReportDue) })}`, 'alert')
      : '';
    const actions =
      current.status === 'ACTIVE'
        ? html`<h2>${t('card.reportTitle')}</h2><p>${t('card.reportIntro')}</p>
          <form method="post" action="/saya/kartu/lapor" class="stack" data-once>${csrfField(c)}<input type="hidden" name="cardId" value="${current.id}">
            ${field(c, { name: 'note', label: t('card.reportNote'), type: 'textarea', rows: 2, values: {} })}
            <button class="btn primary" type="submit">${t('card.reportSubmit')}</button></form>
          <div class="actions"><a class="btn secondary" href="/saya/kartu/cetak">${t('card.printLink')}</a> <a class="btn secondary" href="/saya/sudah-bekerja">${t('nav.hired')}</a></div>`
        : notice('info', t('card.pendingNote'));
    main = html`<section aria-labelledby="cur-h"><h2 id="cur-h">${t('card.current')}</h2>${overdue}${cardFacts(c, current)}${actions}</section>`;
  } else {
    const last = mine.history[0];
    const lastInfo = last
      ? html`<section aria-labelledby="last-h"><h2 id="last-h">${t('card.latest')}</h2>${last.status === 'PLACED' ? notice('success', t('card.placedNote', { employer: last.placement?.employerName ?? '–', date: t.date(last.placement?.startDate) })) : ''}${cardFacts(c, last)}</section>`
      : '';
    main = html`${lastInfo}<h2>${t('card.requestTitle')}</h2><p>${t('card.requestIntro')}</p>${postButton(c, '/saya/kartu/ajukan', t('card.requestSubmit'), { kind: 'primary' })}`;
  }
  const history = mine.history.filter((h) => h !== mine.history[0] || current);
  return layout(
    c,
    t('nav.myCard'),
    html`<h1>${t('nav.myCard')}</h1>${flash(c, query)}${main}
    ${history.length ? html`<h2>${t('card.history')}</h2><div class="table-wrap"><table class="stacked"><thead><tr><th>${t('field.cardNumber')}</th><th>${t('field.status')}</th><th>${t('field.validity')}</th></tr></thead>
      <tbody>${history.map((h) => html`<tr><td>${h.cardNumber ?? '–'}</td><td>${badge(t, 'card', h.status)}</td><td>${h.issuedAt ? `${t.date(h.issuedAt)} – ${t.date(h.expiresAt)}` : '–'}</td></tr>`)}</tbody></table></div>` : ''}`,
  );
}

export function matchReason(t: Translator, code: string): string {
  if (code.startsWith('skill:')) return t('match.skill', { name: code.slice(6) });
  return t.label('match', code);
}

export function recommendationsPage(c: ConsoleContext, page: Page<Recommendation>, query: Record<string, unknown>): SafeHtml {
  const t = c.t;
  const items = page.items.map((r) =>
    vacancyListItem(
      c,
      r.vacancy,
      html`<p><strong>${t('match.score', { score: r.score })}</strong></p>
      ${r.matched.length ? html`<p class="meta">✔ ${t('match.matched')}: ${r.matched.map((m) => matchReason(t, m)).join(', ')}</p>` : ''}
      ${r.missing.length ? html`<p class="meta">✘ ${t('match.missing')}: ${r.missing.map((m) => matchReason(t, m)).join(', ')}</p>` : ''}`,
    ),
  );
  return layout(
    c,
    t('nav.recommendations'),
    html`<h1>${t('nav.recommendations')}</h1><p>${t('match.intro')}</p>
    ${items.length ? html`<ul class="cards">${items}</ul>` : html`<p>${t('match.none')}</p>`}
    ${pager(c, '/saya/rekomendasi', query as Record<string, string>, page.page, page.pageSize, page.total)}`,
  );
}

export function myApplicationsPage(c: ConsoleContext, page: Page<MyApplicationView>, query: Record<string, unknown>): SafeHtml {
  const t = c.t;
  const rows = page.items.map(
    (a) => html`<tr><td><a href="/lowongan/${a.vacancy.id}">${a.vacancy.title}</a><br><span class="meta">${a.vacancy.employer.legalName}</span></td>
      <td>${t.date(a.appliedAt)}</td>
      <td>${badge(t, 'application', a.status)}${a.closedReason ? html`<br><span class="meta">${t.label('closedReason', a.closedReason)}</span>` : ''}</td>
      <td>${a.status === 'SUBMITTED' || a.status === 'SHORTLISTED' ? postButton(c, `/saya/lamaran/${a.id}/tarik`, t('application.withdraw'), { confirm: t('application.withdrawConfirm'), kind: 'danger' }) : ''}</td></tr>`,
  );
  return layout(
    c,
    t('nav.myApplications'),
    html`<h1>${t('nav.myApplications')}</h1>${flash(c, query)}
    ${rows.length ? html`<div class="table-wrap"><table class="stacked"><thead><tr><th>${t('field.vacancy')}</th><th>${t('application.appliedAt')}</th><th>${t('field.status')}</th><th><span class="sr">${t('common.actions')}</span></th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<p>${t('application.none')} <a href="/">${t('nav.vacancies')}</a></p>`}
    ${pager(c, '/saya/lamaran', query as Record<string, string>, page.page, page.pageSize, page.total)}`,
  );
}

export function profilePage(c: ConsoleContext, seeker: SeekerView, values: FormValues, errors: Record<string, string[]> | null, query: Record<string, unknown>): SafeHtml {
  const t = c.t;
  const labels: Record<string, string> = { ...Object.fromEntries(Object.entries(SEEKER_LABEL_KEYS).map(([k, v]) => [k, t(v)])), ...experienceLabels(c, values) };
  return layout(
    c,
    t('nav.profile'),
    html`<h1>${t('nav.profile')}</h1>${flash(c, query)}
    <h2>${t('register.identity')}</h2>
    ${facts([
      [t('field.fullName'), seeker.fullName],
      [t('field.nik'), seeker.nik],
      [t('card.born'), `${seeker.birthPlace}, ${t.date(seeker.birthDate)}`],
      [t('field.gender'), t.label('gender', seeker.gender)],
    ])}
    <p class="meta">${t('profile.identityNote')}</p>
    <h2>${t('register.profile')}</h2>
    ${errorSummary(c, errors, labels)}
    <form method="post" action="/saya/profil" class="stack" novalidate>${csrfField(c)}${seekerProfileFields(c, values, errors, labels)}
      <fieldset><legend>${t('experience.title')}</legend>${experienceFields(c, values, errors)}</fieldset>
      <div class="actions"><button class="btn primary" type="submit">${t('common.save')}</button></div></form>`,
  );
}

export const SELF_REPORT_LABELS = { employerName: 'field.employerName', startDate: 'field.startDate', position: 'field.position' } as const;

export function hiredPage(c: ConsoleContext, values: FormValues, errors: Record<string, string[]> | null, problem: string | null, idemKey: string): SafeHtml {
  const t = c.t;
  const labels: Record<string, string> = Object.fromEntries(Object.entries(SELF_REPORT_LABELS).map(([k, v]) => [k, t(v)]));
  return layout(
    c,
    t('nav.hired'),
    html`<h1>${t('nav.hired')}</h1><p>${t('hired.intro')}</p>
    ${errorSummary(c, errors, labels, problem)}
    <form method="post" action="/saya/sudah-bekerja" class="stack" novalidate data-confirm="${t('hired.confirm')}">${csrfField(c)}<input type="hidden" name="idem" value="${idemKey}">
      ${field(c, { name: 'employerName', label: labels.employerName, values, errors, required: true })}
      ${field(c, { name: 'startDate', label: labels.startDate, type: 'date', values, errors, required: true })}
      ${field(c, { name: 'position', label: labels.position, values, errors })}
      <div class="actions"><button class="btn primary" type="submit">${t('hired.submit')}</button></div></form>`,
  );
}
