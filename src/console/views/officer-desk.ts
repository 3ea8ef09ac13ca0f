import type { ImportReport } from '../../cards/card-import.service.js';
import type { Page } from '../../common/http/pagination.js';
import type { Candidate } from '../../matching/matching.service.js';
import type { SeekerView } from '../../seekers/seeker.entity.js';
import type { VacancyView } from '../../vacancies/vacancy.entity.js';
import type { ConsoleContext } from '../http/console-context.js';
import type { FormValues } from '../http/forms.js';
import { html, type SafeHtml } from '../http/html.js';
import { badge, csrfField, errorSummary, facts, field, flash, notice, pager, postButton } from './components.js';
import { layout } from './layout.js';
import { experienceFields, experienceLabels, seekerIdentityFields, seekerProfileFields, SEEKER_LABEL_KEYS, vacancyFacts, vacancyListItem } from './public.js';
import { matchReason } from './seeker.js';

/** The walk-in registration at the counter: the seeker's identity, profile and work experience (POST /seekers). */
export function walkInPage(c: ConsoleContext, values: FormValues, errors: Record<string, string[]> | null, problem: string | null): SafeHtml {
  const t = c.t;
  const labels: Record<string, string> = { ...Object.fromEntries(Object.entries(SEEKER_LABEL_KEYS).map(([k, v]) => [k, t(v)])), ...experienceLabels(c, values) };
  return layout(
    c,
    t('nav.walkIn'),
    html`<h1>${t('nav.walkIn')}</h1>
    <p>${t('walkIn.intro')}</p>
    ${errorSummary(c, errors, labels, problem)}
    <form method="post" action="/petugas/pencari-kerja/baru" class="stack" novalidate>
      ${csrfField(c)}
      <fieldset><legend>${t('register.identity')}</legend>${seekerIdentityFields(c, values, errors, labels)}</fieldset>
      <fieldset><legend>${t('register.profile')}</legend>${seekerProfileFields(c, values, errors, labels)}</fieldset>
      <fieldset><legend>${t('experience.title')}</legend>${experienceFields(c, values, errors)}</fieldset>
      <div class="actions"><button class="btn primary" type="submit">${t('walkIn.submit')}</button></div>
    </form>`,
  );
}

/** A job seeker as the officer sees it (GET /seekers/:id), with "issue a card" at the counter (POST /cards). */
export function seekerDeskPage(c: ConsoleContext, s: SeekerView, query: Record<string, unknown>): SafeHtml {
  const t = c.t;
  const refused = query.err === 'CARD_ALREADY_HELD' ? notice('error', t('walkIn.alreadyHolds')) : flash(c, query);
  return layout(
    c,
    s.fullName,
    html`<p><a href="/petugas/pencari-kerja/baru">← ${t('nav.walkIn')}</a></p>
    <h1>${s.fullName}</h1>${refused}
    ${facts([
      [t('field.nik'), s.nik],
      [t('card.born'), `${s.birthPlace}, ${t.date(s.birthDate)}`],
      [t('field.gender'), t.label('gender', s.gender)],
      [t('field.address'), `${s.address}${s.kecamatanCode ? ` (${t.kecamatan(s.kecamatanCode)})` : ''}`],
      [t('field.phone'), s.phone ?? '–'],
      [t('field.maritalStatus'), t.label('marital', s.maritalStatus)],
      [t('field.educationLevel'), `${t.label('education', s.educationLevel)}${s.major ? ` · ${s.major}` : ''}${s.graduationYear ? ` (${s.graduationYear})` : ''}`],
      [t('field.skills'), s.skills.length ? s.skills.join(', ') : '–'],
      [
        t('experience.title'),
        s.experience.length
          ? html`<ul>${s.experience.map((e) => html`<li>${e.position}, ${e.company} (${e.fromYear}–${e.toYear ?? t('experience.now')})</li>`)}</ul>`
          : '–',
      ],
    ])}
    <h2>${t('walkIn.cardTitle')}</h2>
    <p>${t('walkIn.cardIntro')}</p>
    <div class="actions">${postButton(c, `/petugas/pencari-kerja/${s.id}/kartu`, t('walkIn.issue'), { kind: 'primary', confirm: t('walkIn.issueConfirm', { name: s.fullName }) })}</div>`,
  );
}

/** The CSV import of cards from the earlier system (POST /cards/import): a file or pasted text, then the outcome. */
export function importPage(c: ConsoleContext, csv: string, report: ImportReport | null, errors: Record<string, string[]> | null, problem: string | null): SafeHtml {
  const t = c.t;
  const labels = { file: t('import.file'), csv: t('import.paste'), header: t('import.header') };
  const outcome = report
    ? html`<section aria-labelledby="import-result"><h2 id="import-result">${t('import.result')}</h2>
      ${notice(report.rejected.length ? 'warning' : 'success', t('import.summary', { imported: report.imported, rejected: report.rejected.length }))}
      ${report.rejected.length
        ? html`<div class="table-wrap"><table><caption class="meta">${t('import.rejectedCaption')}</caption><thead><tr><th class="num">${t('import.line')}</th><th>${t('import.column')}</th><th>${t('import.problem')}</th></tr></thead>
          <tbody>${report.rejected.flatMap((r) => r.errors.map((e, i) => html`<tr>${i === 0 ? html`<th scope="row" class="num" rowspan="${r.errors.length}">${r.line}</th>` : ''}<td><code>${e.field}</code></td><td>${e.messages.join('; ')}</td></tr>`))}</tbody></table></div>`
        : ''}</section>`
    : '';
  return layout(
    c,
    t('nav.cardImport'),
    html`<h1>${t('nav.cardImport')}</h1>
    <p>${t('import.intro')}</p>
    <p class="meta">${t('import.columns')}</p>
    ${errorSummary(c, errors, labels, problem)}
    ${outcome}
    <form method="post" action="/petugas/kartu/impor" enctype="multipart/form-data" class="stack" novalidate>
      ${csrfField(c)}
      <div class="field${errors?.file ? ' invalid' : ''}"><label for="f-file">${labels.file}</label><p class="hint" id="f-file-hint">${t('import.fileHint')}</p>
        <input type="file" id="f-file" name="file" accept=".csv,text/csv" aria-describedby="f-file-hint"></div>
      ${field(c, { name: 'csv', label: labels.csv, type: 'textarea', rows: 6, values: { csv }, errors, hint: t('import.pasteHint') })}
      <div class="actions"><button class="btn primary" type="submit">${t('import.submit')}</button></div>
    </form>`,
  );
}

/** Open vacancies (the public search, for the officer): each links to its referral page. */
export function officerVacanciesPage(c: ConsoleContext, result: Page<VacancyView>, query: Record<string, string>): SafeHtml {
  const t = c.t;
  return layout(
    c,
    t('nav.officerVacancies'),
    html`<h1>${t('nav.officerVacancies')}</h1>${flash(c, query)}<p>${t('referral.listIntro')}</p>
    <form method="get" action="/petugas/lowongan" role="search">${field(c, { name: 'q', label: t('search.q'), values: query, hint: t('search.qHint') })}
      <div class="actions"><button class="btn primary" type="submit">${t('search.submit')}</button></div></form>
    <p role="status">${t('search.found', { n: result.total })}</p>
    <ul class="cards">${result.items.map((v) => vacancyListItem(c, v, html`<p><a class="btn secondary" href="/petugas/lowongan/${v.id}">${t('referral.open')}</a></p>`))}</ul>
    ${pager(c, '/petugas/lowongan', query, result.page, result.pageSize, result.total)}`,
  );
}

/**
 * One vacancy for the officer: its legal fields, the ranked candidates (GET /vacancies/:id/candidates)
 * with why they match, and closing it with a reason (POST /vacancies/:id/close as officer).
 */
export function referralPage(c: ConsoleContext, v: VacancyView, candidates: Page<Candidate>, query: Record<string, unknown>): SafeHtml {
  const t = c.t;
  const rows = candidates.items.map(
    (x) => html`<tr><td><strong>${x.seeker.fullName}</strong><br><span class="meta">${t.label('education', x.seeker.educationLevel)} · ${t.kecamatan(x.seeker.kecamatanCode)}</span>
        ${x.seeker.skills.length ? html`<br><span class="meta">${x.seeker.skills.join(', ')}</span>` : ''}</td>
      <td>${x.card.cardNumber ? html`<a href="/petugas/kartu/${x.card.id}">${x.card.cardNumber}</a>` : '–'}</td>
      <td class="num"><strong>${x.score}%</strong></td>
      <td>${x.matched.length ? html`<span class="meta">✔ ${x.matched.map((m) => matchReason(t, m)).join(', ')}</span>` : ''}
        ${x.missing.length ? html`<br><span class="meta">✘ ${x.missing.map((m) => matchReason(t, m)).join(', ')}</span>` : ''}</td></tr>`,
  );
  const closable = v.status === 'OPEN' || v.status === 'DRAFT';
  return layout(
    c,
    v.title,
    html`<p class="no-print"><a href="/petugas/lowongan">← ${t('nav.officerVacancies')}</a></p>
    <h1>${v.title}</h1>${flash(c, query)}
    <p>${badge(t, 'vacancy', v.status)}${v.requiresAk1 ? html` <strong>${t('vacancy.requiresAk1')}</strong>` : ''}</p>
    ${vacancyFacts(c, v)}
    <h2>${t('referral.title')}</h2>
    <p>${t('referral.intro')}</p>
    <p role="status">${t('referral.count', { n: candidates.total })}</p>
    ${rows.length
      ? html`<div class="table-wrap"><table class="stacked"><thead><tr><th>${t('referral.seeker')}</th><th>${t('field.cardNumber')}</th><th class="num">${t('referral.score')}</th><th>${t('referral.why')}</th></tr></thead><tbody>${rows}</tbody></table></div>`
      : html`<p>${t('referral.none')}</p>`}
    ${pager(c, `/petugas/lowongan/${v.id}`, query, candidates.page, candidates.pageSize, candidates.total)}
    ${closable
      ? html`<h2>${t('referral.closeTitle')}</h2><p>${t('referral.closeIntro')}</p>
        <form method="post" action="/petugas/lowongan/${v.id}/tutup" class="stack" data-confirm="${t('referral.closeConfirm')}">${csrfField(c)}
          <div class="field"><label for="f-close-reason">${t('officer.reason')}</label><textarea id="f-close-reason" name="reason" rows="2" required minlength="3" maxlength="500"></textarea></div>
          <div class="actions"><button class="btn danger" type="submit">${t('referral.close')}</button></div></form>`
      : ''}`,
  );
}
