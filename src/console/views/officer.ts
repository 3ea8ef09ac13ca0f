import type { AuditEventView } from '../../audit/audit-query.service.js';
import type { CardView } from '../../cards/card-view.js';
import { CARD_STATUSES } from '../../cards/card.entity.js';
import type { Page } from '../../common/http/pagination.js';
import { EMPLOYER_STATUSES, type EmployerView } from '../../employers/employer.entity.js';
import type { SeekerView } from '../../seekers/seeker.entity.js';
import type { ConsoleContext } from '../http/console-context.js';
import type { FormValues } from '../http/forms.js';
import { html, type SafeHtml } from '../http/html.js';
import { badge, csrfField, errorSummary, facts, field, flash, options, pager, postButton } from './components.js';
import { layout } from './layout.js';

function reasonForm(c: ConsoleContext, action: string, button: string, hidden: Record<string, string> = {}): SafeHtml {
  const t = c.t;
  const id = action.replace(/[^a-z0-9]+/gi, '-');
  return html`<details><summary>${button}</summary>
    <form method="post" action="${action}" class="stack">${csrfField(c)}${Object.entries(hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
      <div class="field"><label for="${id}">${t('officer.reason')}</label><textarea id="${id}" name="reason" rows="2" required minlength="3"></textarea></div>
      <button class="btn danger" type="submit">${button}</button></form></details>`;
}

export function employerQueuePage(c: ConsoleContext, page: Page<EmployerView>, query: Record<string, string>): SafeHtml {
  const t = c.t;
  const back = c.path;
  const rows = page.items.map((e) => {
    const actions =
      e.status === 'PENDING'
        ? html`${postButton(c, `/petugas/perusahaan/${e.id}/verifikasi`, t('officer.verify'), { kind: 'primary', hidden: { back } })}${reasonForm(c, `/petugas/perusahaan/${e.id}/tolak`, t('officer.reject'), { back })}`
        : e.status === 'VERIFIED'
          ? reasonForm(c, `/petugas/perusahaan/${e.id}/tangguhkan`, t('officer.suspend'), { back })
          : e.status === 'SUSPENDED'
            ? postButton(c, `/petugas/perusahaan/${e.id}/pulihkan`, t('officer.reinstate'), { hidden: { back } })
            : '';
    return html`<tr><td><strong>${e.legalName}</strong><br><span class="meta">NIB ${e.nib}${e.npwp ? ` · NPWP ${e.npwp}` : ''} · KBLI ${e.kbli}</span><br><span class="meta">${e.address} · ${e.phone}</span></td>
      <td>${t.date(e.createdAt)}</td><td>${badge(t, 'employer', e.status)}${e.statusReason ? html`<br><span class="meta">${e.statusReason}</span>` : ''}</td><td>${actions}</td></tr>`;
  });
  const values: FormValues = { status: query.status ?? '', q: query.q ?? '' };
  return layout(
    c,
    t('nav.employerQueue'),
    html`<h1>${t('nav.employerQueue')}</h1>${flash(c, query)}
    <form method="get" action="/petugas/perusahaan" class="grid2" role="search">
      ${field(c, { name: 'status', label: t('field.status'), type: 'select', values, options: options(t, 'employer', EMPLOYER_STATUSES, t('search.any')) })}
      ${field(c, { name: 'q', label: t('officer.searchEmployer'), values })}
      <div class="actions"><button class="btn primary" type="submit">${t('search.submit')}</button></div></form>
    <p role="status">${t('search.found', { n: page.total })}</p>
    ${rows.length ? html`<div class="table-wrap"><table class="stacked"><thead><tr><th>${t('field.legalName')}</th><th>${t('company.registeredAt')}</th><th>${t('field.status')}</th><th>${t('common.actions')}</th></tr></thead><tbody>${rows}</tbody></table></div>` : ''}
    ${pager(c, '/petugas/perusahaan', query, page.page, page.pageSize, page.total)}`,
  );
}

export interface CardRow {
  card: CardView;
  holder: SeekerView;
}

export function cardQueuePage(c: ConsoleContext, page: Page<CardRow>, query: Record<string, string>): SafeHtml {
  const t = c.t;
  const rows = page.items.map(
    ({ card, holder }) => html`<tr><td><strong>${holder.fullName}</strong><br><span class="meta">NIK ${holder.nik}</span></td>
      <td>${holder.birthPlace}, ${t.date(holder.birthDate)} · ${t.label('gender', holder.gender)}<br><span class="meta">${t.label('education', holder.educationLevel)} · ${t.kecamatan(holder.kecamatanCode)}</span></td>
      <td>${badge(t, 'card', card.status)}</td>
      <td><div class="actions">${postButton(c, `/petugas/kartu/${card.id}/setujui`, t('officer.approve'), { kind: 'primary', hidden: { back: '/petugas/kartu/permohonan' } })}</div>
        ${reasonForm(c, `/petugas/kartu/${card.id}/tolak`, t('officer.reject'), { back: '/petugas/kartu/permohonan' })}</td></tr>`,
  );
  return layout(
    c,
    t('nav.cardQueue'),
    html`<h1>${t('nav.cardQueue')}</h1>${flash(c, query)}<p>${t('officer.cardQueueIntro')}</p>
    <p role="status">${t('officer.pendingCount', { n: page.total })}</p>
    ${rows.length ? html`<div class="table-wrap"><table class="stacked"><thead><tr><th>${t('field.holder')}</th><th>${t('officer.identity')}</th><th>${t('field.status')}</th><th>${t('common.actions')}</th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<p>${t('officer.queueEmpty')}</p>`}
    ${pager(c, '/petugas/kartu/permohonan', query, page.page, page.pageSize, page.total)}`,
  );
}

export function cardRegisterPage(c: ConsoleContext, page: Page<CardRow>, query: Record<string, string>): SafeHtml {
  const t = c.t;
  const values: FormValues = { q: query.q ?? '', status: query.status ?? '', reportOverdue: query.reportOverdue ?? '' };
  const rows = page.items.map(
    ({ card, holder }) => html`<tr><td><a href="/petugas/kartu/${card.id}">${card.cardNumber ?? t('card.numberPending')}</a></td><td>${holder.fullName}</td>
      <td>${badge(t, 'card', card.status)}${card.reportOverdue ? html` <span class="badge b-pending">${t('card.overdueShort')}</span>` : ''}</td>
      <td>${card.issuedAt ? `${t.date(card.issuedAt)} – ${t.date(card.expiresAt)}` : '–'}</td></tr>`,
  );
  return layout(
    c,
    t('nav.cardRegister'),
    html`<h1>${t('nav.cardRegister')}</h1>
    <form method="get" action="/petugas/kartu" role="search"><div class="grid2">
      ${field(c, { name: 'q', label: t('officer.searchCard'), values })}
      ${field(c, { name: 'status', label: t('field.status'), type: 'select', values, options: options(t, 'card', CARD_STATUSES, t('search.any')) })}
      ${field(c, { name: 'reportOverdue', label: t('officer.overdueFilter'), type: 'select', values, options: [{ value: '', label: t('search.any') }, { value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }] })}
      </div><div class="actions"><button class="btn primary" type="submit">${t('search.submit')}</button></div></form>
    <p role="status">${t('search.found', { n: page.total })}</p>
    ${rows.length ? html`<div class="table-wrap"><table class="stacked"><thead><tr><th>${t('field.cardNumber')}</th><th>${t('field.holder')}</th><th>${t('field.status')}</th><th>${t('field.validity')}</th></tr></thead><tbody>${rows}</tbody></table></div>` : ''}
    ${pager(c, '/petugas/kartu', query, page.page, page.pageSize, page.total)}`,
  );
}

export function cardDetailPage(c: ConsoleContext, card: CardView, holder: SeekerView, query: Record<string, unknown>): SafeHtml {
  const t = c.t;
  const back = `/petugas/kartu/${card.id}`;
  return layout(
    c,
    card.cardNumber ?? t('nav.cardRegister'),
    html`<p><a href="/petugas/kartu">← ${t('nav.cardRegister')}</a></p><h1>${card.cardNumber ?? t('card.numberPending')}</h1>${flash(c, query)}
    ${facts([
      [t('field.status'), badge(t, 'card', card.status)],
      [t('field.holder'), holder.fullName],
      [t('field.nik'), holder.nik],
      [t('card.born'), `${holder.birthPlace}, ${t.date(holder.birthDate)}`],
      [t('field.validity'), card.issuedAt ? `${t.date(card.issuedAt)} – ${t.date(card.expiresAt)}` : '–'],
      [t('field.nextReportDue'), card.status === 'ACTIVE' ? html`${t.date(card.nextReportDue)}${card.reportOverdue ? html` <span class="badge b-pending">${t('card.overdueShort')}</span>` : ''}` : '–'],
      [t('card.placedAt'), card.placement ? `${card.placement.employerName ?? '–'} · TMT ${t.date(card.placement.startDate)} (${t.label('placementSource', card.placement.source)})` : '–'],
      [t('card.reportsTitle'), card.reports.length ? card.reports.map((r) => t.date(r.reportedAt)).join(', ') : '–'],
    ])}
    <div class="actions">
      ${card.status === 'PENDING' ? html`${postButton(c, `/petugas/kartu/${card.id}/setujui`, t('officer.approve'), { kind: 'primary', hidden: { back } })}${reasonForm(c, `/petugas/kartu/${card.id}/tolak`, t('officer.reject'), { back })}` : ''}
      ${card.status === 'ACTIVE' ? html`<a class="btn secondary" href="/petugas/kartu/${card.id}/cetak">${t('card.printLink')}</a>${postButton(c, `/petugas/kartu/${card.id}/lapor`, t('officer.reportFor'), { hidden: { back } })}${reasonForm(c, `/petugas/kartu/${card.id}/cabut`, t('officer.revoke'), { back })}` : ''}
    </div>`,
  );
}

export function auditPage(c: ConsoleContext, values: FormValues, errors: Record<string, string[]> | null, page: Page<AuditEventView> | null, query: Record<string, string>): SafeHtml {
  const t = c.t;
  const labels = { entityType: t('audit.entityType'), entityId: t('audit.entityId'), actorId: t('audit.actorId'), from: t('field.from'), to: t('field.to') };
  const rows = (page?.items ?? []).map(
    (e) => html`<tr><td>${t.dateTime(e.occurredAt)}</td><td>${t.label('auditAction', e.action)}<br><span class="meta"><code>${e.action}</code></span></td><td>${t.label('entity', e.entityType)}<br><span class="meta">${e.entityId}</span></td>
      <td>${e.actorRole ? t.label('role', e.actorRole) : t('audit.system')}<br><span class="meta">${e.actorId ?? ''}</span></td>
      <td><code>${e.before ? JSON.stringify(e.before) : ''}</code> → <code>${e.after ? JSON.stringify(e.after) : ''}</code></td></tr>`,
  );
  return layout(
    c,
    t('nav.audit'),
    html`<h1>${t('nav.audit')}</h1>${errorSummary(c, errors, labels)}
    <form method="get" action="/petugas/audit" role="search"><div class="grid2">
      ${field(c, { name: 'entityType', label: labels.entityType, values, errors, hint: t('audit.entityTypeHint') })}
      ${field(c, { name: 'entityId', label: labels.entityId, values, errors })}
      ${field(c, { name: 'actorId', label: labels.actorId, values, errors })}
      ${field(c, { name: 'from', label: labels.from, type: 'date', values, errors })}
      ${field(c, { name: 'to', label: labels.to, type: 'date', values, errors })}
    </div><div class="actions"><button class="btn primary" type="submit">${t('search.submit')}</button></div></form>
    ${page ? html`<p role="status">${t('search.found', { n: page.total })}</p>` : ''}
    ${rows.length ? html`<div class="table-wrap"><table class="stacked"><thead><tr><th>${t('audit.when')}</th><th>${t('audit.action')}</th><th>${t('audit.entity')}</th><th>${t('audit.actor')}</th><th>${t('audit.change')}</th></tr></thead><tbody>${rows}</tbody></table></div>` : ''}
    ${page ? pager(c, '/petugas/audit', query, page.page, page.pageSize, page.total) : ''}`,
  );
}
