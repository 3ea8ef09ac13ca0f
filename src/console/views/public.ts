import { KECAMATAN } from '../../common/reference/kecamatan.js';
import type { VacancySearchResult } from '../../search/vacancy-search.js';
import { EDUCATION_LEVELS } from '../../common/reference/education.js';
import { EMPLOYMENT_TYPES, type VacancyView } from '../../vacancies/vacancy.entity.js';
import { MARITAL_STATUSES } from '../../seekers/profile.js';
import type { ConsoleContext } from '../http/console-context.js';
import type { FormValues } from '../http/forms.js';
import { html, type SafeHtml } from '../http/html.js';
import type { PublicCheck } from '../public-card-check.js';
import { EXPERIENCE_MAX, experienceCount } from '../http/experience.js';
import { badge, csrfField, errorSummary, facts, field, flash, notice, options, pager } from './components.js';
import { layout } from './layout.js';

const SORTS = ['newest', 'closing', 'salary'] as const;

export function salaryRange(c: ConsoleContext, v: Pick<VacancyView, 'salaryMin' | 'salaryMax'>): string {
  if (v.salaryMin !== null && v.salaryMax !== null) return v.salaryMin === v.salaryMax ? c.t.money(v.salaryMin) : `${c.t.money(v.salaryMin)} – ${c.t.money(v.salaryMax)}`;
  if (v.salaryMin !== null) return c.t('vacancy.salaryFrom', { amount: c.t.money(v.salaryMin) });
  if (v.salaryMax !== null) return c.t('vacancy.salaryUpTo', { amount: c.t.money(v.salaryMax) });
  return c.t('vacancy.salaryUnstated');
}

export function vacancyListItem(c: ConsoleContext, v: VacancyView, extra?: SafeHtml): SafeHtml {
  const t = c.t;
  return html`<li class="card">
    <h3><a href="/lowongan/${v.id}">${v.title}</a></h3>
    <p class="meta">${v.employer.legalName} · ${v.location}${v.kecamatanCode ? html` (${t.kecamatan(v.kecamatanCode)})` : ''}</p>
    <p class="meta">${t.label('employment', v.employmentType)} · ${salaryRange(c, v)} · ${t('vacancy.educationMinShort', { level: t.label('education', v.educationMin) })}</p>
    <p class="meta">${t('vacancy.closesOn', { date: t.date(v.closesAt) })} · ${t('vacancy.remaining', { n: v.remaining })}${v.requiresAk1 ? html` · <strong>${t('vacancy.requiresAk1')}</strong>` : ''}</p>
    ${extra ?? ''}
  </li>`;
}

function facetList(c: ConsoleContext, title: string, param: string, counts: Record<string, number>, label: (code: string) => string, query: Record<string, string>): SafeHtml | null {
  const entries = Object.entries(counts).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  const link = (code: string) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v && k !== 'page') p.set(k, v);
    p.set(param, code);
    return `/?${p.toString()}`;
  };
  return html`<h3 class="meta">${title}</h3><ul class="facet">${entries.map(([code, n]) =>
    code === 'UNSPECIFIED' ? html`<li><span>${c.t('facet.unspecified')}</span><span>${n}</span></li>` : html`<li><a href="${link(code)}">${label(code)}</a><span>${n}</span></li>`,
  )}</ul>`;
}

export function searchPage(c: ConsoleContext, query: Record<string, string>, result: VacancySearchResult | null, errors: Record<string, string[]> | null): SafeHtml {
  const t = c.t;
  const values: FormValues = query;
  const filters = html`<form method="get" action="/" class="filters" role="search" aria-label="${t('search.label')}">
    ${field(c, { name: 'q', label: t('search.q'), values, errors, hint: t('search.qHint') })}
    <details class="filters-more"${Object.keys(values).some((k) => k !== 'q' && k !== 'page' && k !== 'ok' && values[k]) || errors ? html` open` : ''}><summary>${t('search.more')}</summary>
    ${field(c, { name: 'educationLevel', label: t('search.education'), type: 'select', values, errors, options: options(t, 'education', EDUCATION_LEVELS, t('search.any')) })}
    ${field(c, { name: 'kecamatanCode', label: t('field.kecamatan'), type: 'select', values, errors, options: [{ value: '', label: t('search.any') }, ...KECAMATAN.map((k) => ({ value: k.code, label: k.name }))] })}
    ${field(c, { name: 'employmentType', label: t('field.employmentType'), type: 'select', values, errors, options: options(t, 'employment', EMPLOYMENT_TYPES, t('search.any')) })}
    ${field(c, { name: 'salaryMin', label: t('search.salaryMin'), values, errors, inputmode: 'numeric', hint: t('search.salaryHint') })}
    ${field(c, { name: 'requiresAk1', label: t('search.requiresAk1'), type: 'select', values, errors, options: [{ value: '', label: t('search.any') }, { value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }] })}
    ${field(c, { name: 'sort', label: t('search.sort'), type: 'select', values, errors, options: SORTS.map((s) => ({ value: s, label: t.label('sort', s) })) })}
    </details>
    <div class="actions"><button class="btn primary" type="submit">${t('search.submit')}</button> <a class="btn secondary" href="/">${t('search.reset')}</a></div>
  </form>`;
  let results: SafeHtml;
  if (!result) {
    results = errorSummary(c, errors, {}) ?? html``;
  } else {
    const f = result.facets;
    results = html`<p role="status"><strong>${t('search.found', { n: result.total })}</strong></p>
      ${result.items.length ? html`<ul class="cards">${result.items.map((v) => vacancyListItem(c, v))}</ul>` : html`<p>${t('search.none')}</p>`}
      ${pager(c, '/', query, result.page, result.pageSize, result.total)}`;
    const facetsHtml = html`<section aria-labelledby="facets-h"><h2 id="facets-h">${t('search.facets')}</h2>
      ${facetList(c, t('field.employmentType'), 'employmentType', f.employmentType, (x) => t.label('employment', x), query)}
      ${facetList(c, t('field.kecamatan'), 'kecamatanCode', f.kecamatanCode, (x) => t.kecamatan(x), query)}
      ${facetList(c, t('search.educationMin'), 'educationLevel', f.educationMin, (x) => t.label('education', x), query)}
    </section>`;
    return layout(c, t('search.title'), html`<h1>${t('search.title')}</h1>${flash(c, query)}<div class="search"><aside>${filters}</aside><section aria-label="${t('search.results')}">${results}${facetsHtml}</section></div>`);
  }
  return layout(c, t('search.title'), html`<h1>${t('search.title')}</h1><div class="search"><aside>${filters}</aside><section>${results}</section></div>`);
}

export function vacancyFacts(c: ConsoleContext, v: VacancyView): SafeHtml {
  const t = c.t;
  const age = v.ageMin !== null || v.ageMax !== null ? `${v.ageMin ?? '–'} – ${v.ageMax ?? '–'} ${t('common.years')}` : t('vacancy.noRequirement');
  return facts([
    [t('field.employer'), v.employer.legalName],
    [t('field.location'), html`${v.location}${v.kecamatanCode ? html` (${t.kecamatan(v.kecamatanCode)})` : ''}`],
    [t('field.employmentType'), t.label('employment', v.employmentType)],
    [t('field.salary'), salaryRange(c, v)],
    [t('field.quota'), t('vacancy.quotaFilled', { quota: v.quota, filled: v.filled, remaining: v.remaining })],
    [t('field.educationMin'), t.label('education', v.educationMin)],
    [t('field.major'), v.major ?? '–'],
    [t('field.skills'), v.skills.length ? v.skills.join(', ') : '–'],
    [t('field.experienceYearsMin'), v.experienceYearsMin !== null ? `${v.experienceYearsMin} ${t('common.years')}` : t('vacancy.noRequirement')],
    [t('field.age'), age],
    [t('field.genderRequirement'), t.label('genderReq', v.genderRequirement)],
    [t('field.occupationCode'), v.occupationCode ?? '–'],
    [t('field.closesAt'), t.date(v.closesAt)],
    [t('field.requiresAk1'), v.requiresAk1 ? t('common.yes') : t('common.no')],
  ]);
}

export function vacancyPage(c: ConsoleContext, v: VacancyView, query: Record<string, unknown>): SafeHtml {
  const t = c.t;
  let apply: SafeHtml;
  if (!c.user) {
    apply = html`<p><a class="btn primary" href="/masuk?next=${encodeURIComponent(`/lowongan/${v.id}`)}">${t('vacancy.signInToApply')}</a></p>`;
  } else if (c.user.role === 'seeker' && v.status === 'OPEN') {
    apply = html`<form method="post" action="/lowongan/${v.id}/lamar" class="stack" data-once>
      ${csrfField(c)}
      ${field(c, { name: 'coverLetter', label: t('vacancy.coverLetter'), type: 'textarea', values: {}, hint: t('vacancy.coverLetterHint') })}
      ${v.requiresAk1 ? notice('info', t('vacancy.ak1Notice')) : ''}
      <button class="btn primary" type="submit">${t('vacancy.apply')}</button>
    </form>`;
  } else if (c.user.role === 'employer' && c.user.employerId === v.employer.id) {
    apply = html`<p><a class="btn secondary" href="/perusahaan/lowongan/${v.id}/pelamar">${t('employer.applicants')}</a></p>`;
  } else {
    apply = html``;
  }
  return layout(
    c,
    v.title,
    html`<p class="no-print"><a href="/">← ${t('vacancy.backToSearch')}</a></p>
    <h1>${v.title}</h1>${flash(c, query)}
    <p>${badge(t, 'vacancy', v.status)}${v.requiresAk1 ? html` <strong>${t('vacancy.requiresAk1')}</strong>` : ''}</p>
    ${vacancyFacts(c, v)}
    <h2>${t('field.description')}</h2>
    <div class="prose">${v.description.split(/\n+/).map((p) => html`<p>${p}</p>`)}</div>
    ${apply}`,
  );
}

export function signInPage(c: ConsoleContext, values: FormValues, problem: string | null, status?: string): SafeHtml {
  const t = c.t;
  return layout(
    c,
    t('signin.title'),
    html`<h1>${t('signin.title')}</h1>
    ${status ? notice('info', status) : ''}
    ${problem ? html`<div class="notice error" role="alert" tabindex="-1" data-focus>${problem}</div>` : ''}
    <form method="post" action="/masuk" class="stack">
      ${csrfField(c)}<input type="hidden" name="next" value="${values.next ?? '/'}">
      ${field(c, { name: 'email', label: t('field.email'), type: 'email', values, required: true, autocomplete: 'username' })}
      ${field(c, { name: 'password', label: t('field.password'), type: 'password', values, required: true, autocomplete: 'current-password' })}
      <div class="actions"><button class="btn primary" type="submit">${t('signin.submit')}</button></div>
    </form>
    <p>${t('signin.noAccount')} <a href="/daftar/pencari-kerja">${t('nav.registerSeeker')}</a> · <a href="/daftar/perusahaan">${t('nav.registerCompany')}</a></p>`,
  );
}

export const COMPANY_LABEL_KEYS = {
  email: 'field.email',
  password: 'field.password',
  fullName: 'field.hrName',
  'company.legalName': 'field.legalName',
  'company.nib': 'field.nib',
  'company.npwp': 'field.npwp',
  'company.kbli': 'field.kbli',
  'company.address': 'field.companyAddress',
  'company.kecamatanCode': 'field.kecamatan',
  'company.phone': 'field.companyPhone',
} as const;

export function registerCompanyPage(c: ConsoleContext, values: FormValues, errors: Record<string, string[]> | null, problem: string | null): SafeHtml {
  const t = c.t;
  const labels = Object.fromEntries(Object.entries(COMPANY_LABEL_KEYS).map(([k, v]) => [k, t(v)]));
  const f = (name: keyof typeof COMPANY_LABEL_KEYS, extra: Partial<Parameters<typeof field>[1]> = {}) => field(c, { name, label: labels[name], values, errors, ...extra });
  return layout(
    c,
    t('register.companyTitle'),
    html`<h1>${t('register.companyTitle')}</h1>
    <p>${t('register.companyIntro')}</p>
    ${errorSummary(c, errors, labels, problem)}
    <form method="post" action="/daftar/perusahaan" class="stack" novalidate>
      ${csrfField(c)}
      <fieldset><legend>${t('register.company')}</legend>
        ${f('company.legalName', { required: true, autocomplete: 'organization' })}
        ${f('company.nib', { required: true, inputmode: 'numeric', hint: t('hint.nib') })}
        ${f('company.npwp', { inputmode: 'numeric', hint: t('hint.npwp') })}
        ${f('company.kbli', { required: true, inputmode: 'numeric', hint: t('hint.kbli') })}
        ${f('company.address', { required: true, type: 'textarea', rows: 2 })}
        ${f('company.kecamatanCode', { type: 'select', options: [{ value: '', label: t('common.choose') }, ...KECAMATAN.map((k) => ({ value: k.code, label: k.name }))] })}
        ${f('company.phone', { required: true, type: 'tel', autocomplete: 'tel' })}
      </fieldset>
      <fieldset><legend>${t('register.hrAccount')}</legend>
        ${f('fullName', { required: true, autocomplete: 'name' })}
        ${f('email', { required: true, type: 'email', autocomplete: 'email' })}
        ${f('password', { required: true, type: 'password', autocomplete: 'new-password', hint: t('hint.password') })}
      </fieldset>
      <div class="actions"><button class="btn primary" type="submit">${t('register.submit')}</button></div>
    </form>`,
  );
}

export const SEEKER_LABEL_KEYS = {
  email: 'field.email',
  password: 'field.password',
  nik: 'field.nik',
  fullName: 'field.fullName',
  birthPlace: 'field.birthPlace',
  birthDate: 'field.birthDate',
  gender: 'field.gender',
  maritalStatus: 'field.maritalStatus',
  phone: 'field.phone',
  address: 'field.address',
  kecamatanCode: 'field.kecamatan',
  educationLevel: 'field.educationLevel',
  major: 'field.major',
  graduationYear: 'field.graduationYear',
  skills: 'field.skills',
} as const;

/** The profile inputs shared by registration and the profile page. */
export function seekerProfileFields(c: ConsoleContext, values: FormValues, errors: Record<string, string[]> | null, labels: Record<string, string>): SafeHtml {
  const t = c.t;
  return html`
    ${field(c, { name: 'phone', label: labels.phone, type: 'tel', values, errors, autocomplete: 'tel' })}
    ${field(c, { name: 'address', label: labels.address, type: 'textarea', rows: 2, values, errors, required: true, autocomplete: 'street-address' })}
    ${field(c, { name: 'kecamatanCode', label: labels.kecamatanCode, type: 'select', values, errors, options: [{ value: '', label: t('common.choose') }, ...KECAMATAN.map((k) => ({ value: k.code, label: k.name }))] })}
    ${field(c, { name: 'maritalStatus', label: labels.maritalStatus, type: 'select', values, errors, options: options(t, 'marital', MARITAL_STATUSES, t('common.choose')) })}
    ${field(c, { name: 'educationLevel', label: labels.educationLevel, type: 'select', values, errors, required: true, options: options(t, 'education', EDUCATION_LEVELS, t('common.choose')) })}
    ${field(c, { name: 'major', label: labels.major, values, errors })}
    ${field(c, { name: 'graduationYear', label: labels.graduationYear, type: 'number', values, errors })}
    ${field(c, { name: 'skills', label: labels.skills, type: 'textarea', rows: 2, values, errors, hint: t('hint.skills') })}`;
}

/** The identity inputs (as on the KTP), shared by registration and the officer's walk-in form. */
export function seekerIdentityFields(c: ConsoleContext, values: FormValues, errors: Record<string, string[]> | null, labels: Record<string, string>): SafeHtml {
  const t = c.t;
  const f = (name: keyof typeof SEEKER_LABEL_KEYS, extra: Partial<Parameters<typeof field>[1]> = {}) => field(c, { name, label: labels[name], values, errors, ...extra });
  return html`
    ${f('nik', { required: true, inputmode: 'numeric', hint: t('hint.nik') })}
    ${f('fullName', { required: true, autocomplete: 'name' })}
    ${f('birthPlace', { required: true })}
    ${f('birthDate', { required: true, type: 'date', autocomplete: 'bday' })}
    ${f('gender', { required: true, type: 'select', options: options(t, 'gender', ['L', 'P'], t('common.choose')) })}`;
}

/** Labels of the work experience inputs, for the error summary ("Pengalaman kerja 2: Tahun mulai"). */
export function experienceLabels(c: ConsoleContext, values: FormValues): Record<string, string> {
  const t = c.t;
  const out: Record<string, string> = {};
  for (let row = 0; row < Math.max(experienceCount(values), 1); row++) {
    const entry = t('experience.entry', { n: row + 1 });
    out[`experience.${row}.position`] = `${entry}: ${t('experience.position')}`;
    out[`experience.${row}.company`] = `${entry}: ${t('experience.company')}`;
    out[`experience.${row}.fromYear`] = `${entry}: ${t('experience.fromYear')}`;
    out[`experience.${row}.toYear`] = `${entry}: ${t('experience.toYear')}`;
  }
  return out;
}

/**
 * Work experience entries: the filled rows plus one blank (three blank on an empty form), each a
 * small fieldset of position, company, from and to year. Blank rows are ignored when sent.
 */
export function experienceFields(c: ConsoleContext, values: FormValues, errors: Record<string, string[]> | null): SafeHtml {
  const t = c.t;
  const filled = experienceCount(values);
  const rows = Math.min(EXPERIENCE_MAX, filled === 0 ? 3 : filled + 1);
  return html`<p class="hint">${t('experience.intro')}</p>${Array.from({ length: rows }, (_, row) => {
    const name = (part: string) => `experience.${row}.${part}`;
    return html`<fieldset class="entry"><legend>${t('experience.entry', { n: row + 1 })}</legend><div class="grid2">
      ${field(c, { name: name('position'), label: t('experience.position'), values, errors })}
      ${field(c, { name: name('company'), label: t('experience.company'), values, errors, autocomplete: 'organization' })}
      ${field(c, { name: name('fromYear'), label: t('experience.fromYear'), type: 'number', values, errors })}
      ${field(c, { name: name('toYear'), label: t('experience.toYear'), type: 'number', values, errors, hint: t('experience.toYearHint') })}
    </div></fieldset>`;
  })}`;
}

export function registerSeekerPage(c: ConsoleContext, values: FormValues, errors: Record<string, string[]> | null, problem: string | null): SafeHtml {
  const t = c.t;
  const labels: Record<string, string> = { ...Object.fromEntries(Object.entries(SEEKER_LABEL_KEYS).map(([k, v]) => [k, t(v)])), ...experienceLabels(c, values) };
  const f = (name: keyof typeof SEEKER_LABEL_KEYS, extra: Partial<Parameters<typeof field>[1]> = {}) => field(c, { name, label: labels[name], values, errors, ...extra });
  return layout(
    c,
    t('register.seekerTitle'),
    html`<h1>${t('register.seekerTitle')}</h1>
    <p>${t('register.seekerIntro')}</p>
    ${errorSummary(c, errors, labels, problem)}
    <form method="post" action="/daftar/pencari-kerja" class="stack" novalidate>
      ${csrfField(c)}
      <fieldset><legend>${t('register.identity')}</legend>${seekerIdentityFields(c, values, errors, labels)}</fieldset>
      <fieldset><legend>${t('register.profile')}</legend>${seekerProfileFields(c, values, errors, labels)}</fieldset>
      <fieldset><legend>${t('experience.title')}</legend>${experienceFields(c, values, errors)}</fieldset>
      <fieldset><legend>${t('register.account')}</legend>
        ${f('email', { required: true, type: 'email', autocomplete: 'email' })}
        ${f('password', { required: true, type: 'password', autocomplete: 'new-password', hint: t('hint.password') })}
      </fieldset>
      <div class="actions"><button class="btn primary" type="submit">${t('register.submit')}</button></div>
    </form>`,
  );
}

export function cardCheckPage(c: ConsoleContext, check: PublicCheck | null): SafeHtml {
  const t = c.t;
  let body: SafeHtml;
  if (!check) {
    body = html`<p>${t('check.intro')}</p>`;
  } else {
    const ok = check.valid;
    body = html`<section class="result ${ok ? 'valid' : 'invalid'}" role="status" aria-live="polite">
      <p class="big">${ok ? t('check.valid') : t('check.notValid')}</p>
      <p>${t.label('checkResult', check.result)}</p>
      ${check.cardNumber ? facts([
        [t('field.cardNumber'), check.cardNumber],
        [t('field.holder'), check.holderName ?? '–'],
        [t('field.validUntil'), t.date(check.validUntil)],
        [t('check.checkedAt'), t.dateTime(check.checkedAt)],
      ]) : ''}
    </section>
    <p class="meta">${t('check.privacy')}</p>`;
  }
  return layout(c, t('check.title'), html`<h1>${t('check.title')}</h1>${body}<p class="meta">${t('check.employers')} <a href="/masuk?next=%2Fperusahaan%2Fcek-kartu">${t('nav.checkCard')}</a></p>`);
}
