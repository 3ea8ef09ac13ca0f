import type { PipelineItemView } from '../../applications/applications.service.js';
import type { CardValidationView } from '../../card-validation/card-validation.entity.js';
import type { ValidationReply } from '../../card-validation/card-validation.service.js';
import type { Page } from '../../common/http/pagination.js';
import { KECAMATAN } from '../../common/reference/kecamatan.js';
import type { EmployerView } from '../../employers/employer.entity.js';
import type { StaffMember } from '../../employers/employers.service.js';
import { EDUCATION_LEVELS } from '../../common/reference/education.js';
import { EMPLOYMENT_TYPES, GENDER_REQUIREMENTS, type VacancyView } from '../../vacancies/vacancy.entity.js';
import type { ConsoleContext } from '../http/console-context.js';
import type { FormValues } from '../http/forms.js';
import { html, type SafeHtml } from '../http/html.js';
import { badge, csrfField, errorSummary, facts, field, flash, notice, options, pager, postButton } from './components.js';
import { layout } from './layout.js';
import { salaryRange } from './public.js';

export function companyPage(c: ConsoleContext, e: EmployerView, query: Record<string, unknown>): SafeHtml {
  const t = c.t;
  const status =
    e.status === 'PENDING'
      ? notice('warning', html`<strong>${t('company.pendingTitle')}</strong><br>${t('company.pending')}`)
      : e.status === 'VERIFIED'
        ? notice('success', t('company.verified', { date: t.date(e.verifiedAt) }))
        : e.status === 'REJECTED'
          ? notice('error', html`${t('company.rejected')}${e.statusReason ? html`<br>${t('company.reason')}: ${e.statusReason}` : ''}`)
          : notice('error', html`${t('company.suspended')}${e.statusReason ? html`<br>${t('company.reason')}: ${e.statusReason}` : ''}`);
  const next =
    e.status === 'VERIFIED'
      ? html`<div class="actions"><a class="btn primary" href="/perusahaan/lowongan/baru">${t('employer.newVacancy')}</a> <a class="btn secondary" href="/perusahaan/cek-kartu">${t('nav.checkCard')}</a></div>`
      : e.status === 'PENDING'
        ? html`<h2>${t('company.meanwhile')}</h2><ul><li>${t('company.meanwhile1')}</li><li>${t('company.meanwhile2')}</li><li>${t('company.meanwhile3')}</li></ul>`
        : '';
  return layout(
    c,
    t('nav.company'),
    html`<h1>${e.legalName}</h1>${flash(c, query)}
    <p>${badge(t, 'employer', e.status)}</p>${status}${next}
    <h2>${t('company.data')}</h2>
    ${facts([
      [t('field.nib'), e.nib],
      [t('field.npwp'), e.npwp ?? '–'],
      [t('field.kbli'), e.kbli],
      [t('field.companyAddress'), e.address],
      [t('field.kecamatan'), t.kecamatan(e.kecamatanCode)],
      [t('field.companyPhone'), e.phone],
      [t('company.registeredAt'), t.date(e.createdAt)],
    ])}`,
  );
}

export function ourVacanciesPage(c: ConsoleContext, page: Page<VacancyView>, query: Record<string, unknown>): SafeHtml {
  const t = c.t;
  const rows = page.items.map(
    (v) => html`<tr>
      <td><a href="/lowongan/${v.id}">${v.title}</a><br><span class="meta">${t('vacancy.closesOn', { date: t.date(v.closesAt) })}</span></td>
      <td>${badge(t, 'vacancy', v.status)}</td>
      <td class="num">${v.filled} / ${v.quota}</td>
      <td><div class="actions">
        <a class="btn secondary" href="/perusahaan/lowongan/${v.id}/pelamar">${t('employer.applicants')}</a>
        ${v.status === 'DRAFT' || v.status === 'OPEN' ? html`<a class="btn secondary" href="/perusahaan/lowongan/${v.id}/ubah">${t('common.edit')}</a>` : ''}
        ${v.status === 'DRAFT' ? postButton(c, `/perusahaan/lowongan/${v.id}/terbitkan`, t('employer.publish'), { kind: 'primary' }) : ''}
        ${v.status === 'DRAFT' || v.status === 'OPEN' ? postButton(c, `/perusahaan/lowongan/${v.id}/tutup`, t('employer.close'), { kind: 'danger', confirm: t('employer.closeConfirm') }) : ''}
      </div></td></tr>`,
  );
  return layout(
    c,
    t('nav.ourVacancies'),
    html`<h1>${t('nav.ourVacancies')}</h1>${flash(c, query)}
    <p><a class="btn primary" href="/perusahaan/lowongan/baru">${t('employer.newVacancy')}</a></p>
    ${rows.length ? html`<div class="table-wrap"><table class="stacked"><thead><tr><th>${t('field.title')}</th><th>${t('field.status')}</th><th class="num">${t('employer.filledQuota')}</th><th>${t('common.actions')}</th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<p>${t('employer.noVacancies')}</p>`}
    ${pager(c, '/perusahaan/lowongan', query as Record<string, string>, page.page, page.pageSize, page.total)}`,
  );
}

export const VACANCY_LABEL_KEYS = {
  title: 'field.title',
  description: 'field.description',
  occupationCode: 'field.occupationCode',
  educationMin: 'field.educationMin',
  major: 'field.major',
  skills: 'field.skills',
  experienceYearsMin: 'field.experienceYearsMin',
  ageMin: 'field.ageMin',
  ageMax: 'field.ageMax',
  genderRequirement: 'field.genderRequirement',
  employmentType: 'field.employmentType',
  salaryMin: 'field.salaryMin',
  salaryMax: 'field.salaryMax',
  kecamatanCode: 'field.kecamatan',
  location: 'field.location',
  quota: 'field.quota',
  closesAt: 'field.closesAt',
  requiresAk1: 'field.requiresAk1',
} as const;

/** The legal vacancy report (Perpres 57/2023): every field of the API, grouped as the report is. */
export function vacancyFormPage(c: ConsoleContext, mode: { kind: 'new' } | { kind: 'edit'; vacancy: VacancyView }, values: FormValues, errors: Record<string, string[]> | null, problem: string | null): SafeHtml {
  const t = c.t;
  const labels: Record<string, string> = Object.fromEntries(Object.entries(VACANCY_LABEL_KEYS).map(([k, v]) => [k, t(v)]));
  const f = (name: keyof typeof VACANCY_LABEL_KEYS, extra: Partial<Parameters<typeof field>[1]> = {}) => field(c, { name, label: labels[name], values, errors, ...extra });
  const title = mode.kind === 'new' ? t('employer.newVacancy') : t('employer.editVacancy');
  const action = mode.kind === 'new' ? '/perusahaan/lowongan/baru' : `/perusahaan/lowongan/${mode.vacancy.id}/ubah`;
  const buttons =
    mode.kind === 'new'
      ? html`<button class="btn primary" type="submit" name="status" value="OPEN">${t('employer.saveAndPublish')}</button> <button class="btn secondary" type="submit" name="status" value="DRAFT">${t('employer.saveDraft')}</button>`
      : html`<button class="btn primary" type="submit">${t('common.save')}</button>`;
  return layout(
    c,
    title,
    html`<p><a href="/perusahaan/lowongan">← ${t('nav.ourVacancies')}</a></p><h1>${title}</h1>
    ${mode.kind === 'edit' ? html`<p>${badge(t, 'vacancy', mode.vacancy.status)} ${t('vacancy.quotaFilled', { quota: mode.vacancy.quota, filled: mode.vacancy.filled, remaining: mode.vacancy.remaining })}</p>` : ''}
    <p>${t('employer.vacancyIntro')}</p>
    ${errorSummary(c, errors, labels, problem)}
    <form method="post" action="${action}" class="stack" novalidate>${csrfField(c)}
      <fieldset><legend>${t('employer.jobInfo')}</legend>
        ${f('title', { required: true })}
        ${f('description', { required: true, type: 'textarea', rows: 5 })}
        ${f('occupationCode', { inputmode: 'numeric', hint: t('hint.kbji') })}
        <div class="grid2">${f('employmentType', { required: true, type: 'select', options: options(t, 'employment', EMPLOYMENT_TYPES, t('common.choose')) })}
        ${f('quota', { required: true, type: 'number', hint: t('hint.quota') })}</div>
        <div class="grid2">${f('salaryMin', { inputmode: 'numeric', hint: t('hint.money') })}
        ${f('salaryMax', { inputmode: 'numeric', hint: t('hint.money') })}</div>
        ${f('location', { required: true })}
        ${f('kecamatanCode', { type: 'select', options: [{ value: '', label: t('common.choose') }, ...KECAMATAN.map((k) => ({ value: k.code, label: k.name }))] })}
        ${f('closesAt', { required: true, type: 'date', hint: t('hint.closesAt') })}
      </fieldset>
      <fieldset><legend>${t('employer.requirements')}</legend>
        <div class="grid2">${f('educationMin', { required: true, type: 'select', options: options(t, 'education', EDUCATION_LEVELS, t('common.choose')) })}
        ${f('major')}</div>
        ${f('skills', { type: 'textarea', rows: 2, hint: t('hint.skills') })}
        <div class="grid2">${f('ageMin', { type: 'number' })}${f('ageMax', { type: 'number' })}</div>
        <div class="grid2">${f('genderRequirement', { type: 'select', options: options(t, 'genderReq', GENDER_REQUIREMENTS) })}
        ${f('experienceYearsMin', { type: 'number' })}</div>
        ${f('requiresAk1', { type: 'checkbox', hint: t('hint.requiresAk1') })}
      </fieldset>
      <div class="actions">${buttons}</div>
    </form>`,
  );
}

export function vacancyValues(v: VacancyView): FormValues {
  const s = (n: number | null) => (n === null ? '' : String(n));
  return {
    title: v.title,
    description: v.description,
    occupationCode: v.occupationCode ?? '',
    educationMin: v.educationMin,
    major: v.major ?? '',
    skills: v.skills.join(', '),
    experienceYearsMin: s(v.experienceYearsMin),
    ageMin: s(v.ageMin),
    ageMax: s(v.ageMax),
    genderRequirement: v.genderRequirement,
    employmentType: v.employmentType,
    salaryMin: s(v.salaryMin),
    salaryMax: s(v.salaryMax),
    kecamatanCode: v.kecamatanCode ?? '',
    location: v.location,
    quota: String(v.quota),
    closesAt: v.closesAt,
    requiresAk1: v.requiresAk1 ? 'true' : 'false',
  };
}

export function applicantsPage(c: ConsoleContext, v: VacancyView, page: Page<PipelineItemView>, query: Record<string, unknown>, today: string, idem: () => string): SafeHtml {
  const t = c.t;
  const undecided = (a: PipelineItemView) => a.status === 'SUBMITTED' || a.status === 'SHORTLISTED';
  const rows = page.items.map((a) => {
    const card = a.card
      ? html`${a.card.cardNumber ?? '–'}<br>${badge(t, 'card', a.card.status)}${a.card.reportOverdue ? html` <span class="badge b-pending">${t('card.overdueShort')}</span>` : ''}`
      : html`<span class="badge b-none">${t('employer.noCard')}</span>`;
    const decide = undecided(a)
      ? html`<div class="actions">
          ${a.status === 'SUBMITTED' ? postButton(c, `/perusahaan/lamaran/${a.id}/keputusan`, t('employer.shortlist'), { hidden: { status: 'SHORTLISTED', vacancyId: v.id } }) : ''}
          ${postButton(c, `/perusahaan/lamaran/${a.id}/keputusan`, t('employer.reject'), { hidden: { status: 'REJECTED', vacancyId: v.id }, kind: 'danger', confirm: t('employer.rejectConfirm') })}
        </div>
        <details><summary>${t('employer.hire')}</summary>
          <form method="post" action="/perusahaan/lamaran/${a.id}/terima" class="stack" data-confirm="${t('employer.hireConfirmQ', { name: a.applicant.fullName })}">${csrfField(c)}
            <input type="hidden" name="vacancyId" value="${v.id}"><input type="hidden" name="idem" value="${idem()}">
            ${field(c, { name: 'startDate', label: t('field.startDate'), type: 'date', values: { startDate: today }, required: true })}
            ${field(c, { name: 'position', label: t('field.position'), values: { position: v.title } })}
            ${field(c, { name: 'confirm', label: t('employer.hireConfirm', { name: a.applicant.fullName }), type: 'checkbox', values: {}, required: true })}
            <button class="btn primary" type="submit">${t('employer.recordHire')}</button>
          </form></details>`
      : '';
    return html`<tr><td><strong>${a.applicant.fullName}</strong><br><span class="meta">${t.label('education', a.applicant.educationLevel)}${a.applicant.skills.length ? ` · ${a.applicant.skills.join(', ')}` : ''}</span>
        ${a.coverLetter ? html`<details><summary>${t('vacancy.coverLetter')}</summary><p>${a.coverLetter}</p></details>` : ''}</td>
      <td>${t.date(a.appliedAt)}</td><td>${card}</td>
      <td>${badge(t, 'application', a.status)}${a.closedReason ? html`<br><span class="meta">${t.label('closedReason', a.closedReason)}</span>` : ''}</td>
      <td>${decide}</td></tr>`;
  });
  return layout(
    c,
    `${t('employer.applicants')}: ${v.title}`,
    html`<p><a href="/perusahaan/lowongan">← ${t('nav.ourVacancies')}</a></p>
    <h1>${t('employer.applicants')}: ${v.title}</h1>${flash(c, query)}
    <p>${badge(t, 'vacancy', v.status)} ${t('vacancy.quotaFilled', { quota: v.quota, filled: v.filled, remaining: v.remaining })} · ${salaryRange(c, v)}</p>
    <p class="meta">${t('employer.liveCard')}</p>
    ${rows.length ? html`<div class="table-wrap"><table class="stacked"><thead><tr><th>${t('employer.applicant')}</th><th>${t('application.appliedAt')}</th><th>${t('employer.cardNow')}</th><th>${t('field.status')}</th><th>${t('common.actions')}</th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<p>${t('employer.noApplicants')}</p>`}
    ${pager(c, `/perusahaan/lowongan/${v.id}/pelamar`, query as Record<string, string>, page.page, page.pageSize, page.total)}`,
  );
}

export function checkCardPage(c: ConsoleContext, values: FormValues, errors: Record<string, string[]> | null, problem: string | null, reply: ValidationReply | null, history: Page<CardValidationView>): SafeHtml {
  const t = c.t;
  const labels = { cardNumber: t('field.cardNumber'), nik: t('field.nik') };
  const result = reply
    ? html`<section class="result ${reply.valid ? 'valid' : 'invalid'}" role="status" aria-live="polite" tabindex="-1" data-focus>
        <p class="big">${reply.valid ? t('check.valid') : t('check.notValid')}</p>
        <p>${t.label('checkResult', reply.result)}</p>
        ${reply.result !== 'NOT_FOUND' ? facts([
          [t('field.cardNumber'), reply.cardNumber ?? '–'],
          [t('field.holder'), reply.holderName ?? '–'],
          [t('field.validUntil'), t.date(reply.expiresAt)],
          ...(reply.reportOverdue ? [[t('field.nextReportDue'), t('check.reportOverdue')] as [string, string]] : []),
        ]) : ''}
      </section>`
    : '';
  return layout(
    c,
    t('nav.checkCard'),
    html`<h1>${t('nav.checkCard')}</h1><p>${t('employer.checkIntro')}</p>
    ${errorSummary(c, errors, labels, problem)}${result}
    <form method="post" action="/perusahaan/cek-kartu" class="stack" novalidate>${csrfField(c)}
      ${field(c, { name: 'cardNumber', label: labels.cardNumber, values, errors, required: true, hint: t('hint.cardNumber') })}
      ${field(c, { name: 'nik', label: labels.nik, values, errors, required: true, inputmode: 'numeric', hint: t('hint.nik') })}
      <div class="actions"><button class="btn primary" type="submit">${t('employer.check')}</button></div></form>
    <h2>${t('employer.recentChecks')}</h2>
    ${history.items.length ? html`<div class="table-wrap"><table class="stacked"><thead><tr><th>${t('check.checkedAt')}</th><th>${t('field.cardNumber')}</th><th>${t('employer.result')}</th></tr></thead>
      <tbody>${history.items.map((h) => html`<tr><td>${t.dateTime(h.checkedAt)}</td><td>${h.cardNumber}</td><td>${badge(t, 'checkResult', h.result)}</td></tr>`)}</tbody></table></div>` : html`<p>${t('employer.noChecks')}</p>`}`,
  );
}

export function directPlacementPage(c: ConsoleContext, values: FormValues, errors: Record<string, string[]> | null, problem: string | null, vacancies: VacancyView[], idem: string, query: Record<string, unknown>): SafeHtml {
  const t = c.t;
  const labels = { cardNumber: t('field.cardNumber'), nik: t('field.nik'), startDate: t('field.startDate'), position: t('field.position'), vacancyId: t('field.vacancy') };
  return layout(
    c,
    t('nav.directPlacement'),
    html`<h1>${t('nav.directPlacement')}</h1>${flash(c, query)}<p>${t('employer.directIntro')}</p>
    ${errorSummary(c, errors, labels, problem)}
    <form method="post" action="/perusahaan/penempatan" class="stack" novalidate data-confirm="${t('employer.directConfirm')}">${csrfField(c)}<input type="hidden" name="idem" value="${idem}">
      ${field(c, { name: 'cardNumber', label: labels.cardNumber, values, errors, required: true, hint: t('hint.cardNumber') })}
      ${field(c, { name: 'nik', label: labels.nik, values, errors, required: true, inputmode: 'numeric' })}
      ${field(c, { name: 'startDate', label: labels.startDate, type: 'date', values, errors, required: true })}
      ${field(c, { name: 'position', label: labels.position, values, errors, required: true })}
      ${field(c, { name: 'vacancyId', label: labels.vacancyId, type: 'select', values, errors, options: [{ value: '', label: t('employer.noVacancy') }, ...vacancies.map((v) => ({ value: v.id, label: v.title }))] })}
      <div class="actions"><button class="btn primary" type="submit">${t('employer.recordHire')}</button></div></form>`,
  );
}

/** The company's HR accounts (GET /employers/me/staff) and the form to add one. */
export function staffPage(c: ConsoleContext, staff: StaffMember[], values: FormValues, errors: Record<string, string[]> | null, problem: string | null, query: Record<string, unknown>): SafeHtml {
  const t = c.t;
  const labels = { fullName: t('field.fullName'), email: t('field.email'), password: t('field.password') };
  return layout(
    c,
    t('nav.staff'),
    html`<h1>${t('nav.staff')}</h1>${flash(c, query)}
    <h2>${t('staff.listTitle')}</h2>
    <p role="status">${t('staff.count', { n: staff.length })}</p>
    <div class="table-wrap"><table class="stacked"><thead><tr><th>${t('field.fullName')}</th><th>${t('field.email')}</th></tr></thead>
      <tbody>${staff.map((s) => html`<tr><td>${s.fullName}${s.id === c.user?.id ? html` <span class="meta">(${t('staff.you')})</span>` : ''}</td><td>${s.email}</td></tr>`)}</tbody></table></div>
    <h2>${t('employer.addStaff')}</h2>
    <p>${t('employer.staffIntro')}</p>
    ${errorSummary(c, errors, labels, problem)}
    <form method="post" action="/perusahaan/staf" class="stack" novalidate>${csrfField(c)}
      ${field(c, { name: 'fullName', label: labels.fullName, values, errors, required: true })}
      ${field(c, { name: 'email', label: labels.email, type: 'email', values, errors, required: true })}
      ${field(c, { name: 'password', label: labels.password, type: 'password', values, errors, required: true, autocomplete: 'new-password', hint: t('hint.password') })}
      <div class="actions"><button class="btn primary" type="submit">${t('employer.addStaff')}</button></div></form>`,
  );
}
