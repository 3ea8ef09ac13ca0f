import type { ConsoleContext } from '../http/console-context.js';
import { html, type Renderable, type SafeHtml } from '../http/html.js';
import type { FormValues } from '../http/forms.js';
import type { MessageKey, Translator } from '../i18n/i18n.js';

export function csrfField(c: ConsoleContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${c.csrf}">`;
}

/** A one-button form posting to `action` (with optional hidden fields and a confirmation question). */
export function postButton(
  c: ConsoleContext,
  action: string,
  label: string,
  opts: { confirm?: string; hidden?: Record<string, string>; kind?: 'primary' | 'secondary' | 'danger' } = {},
): SafeHtml {
  const hidden = Object.entries(opts.hidden ?? {}).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`);
  return html`<form method="post" action="${action}" class="inline"${opts.confirm ? html` data-confirm="${opts.confirm}"` : ''}>${csrfField(c)}${hidden}<button type="submit" class="btn ${opts.kind ?? 'secondary'}">${label}</button></form>`;
}

export function notice(kind: 'info' | 'success' | 'warning' | 'error', text: Renderable, role: 'status' | 'alert' = kind === 'error' ? 'alert' : 'status'): SafeHtml {
  return html`<div class="notice ${kind}" role="${role}">${text}</div>`;
}

/** The outcome of the last action, carried in the redirect's query (`?ok=key` / `?err=CODE`). */
export function flash(c: ConsoleContext, query: Record<string, unknown>): SafeHtml | null {
  const ok = typeof query.ok === 'string' ? `ok.${query.ok}` : null;
  if (ok && c.t.has(ok)) return notice('success', c.t(ok));
  if (typeof query.err === 'string') return notice('error', c.t.error(query.err) ?? c.t('error.generic'));
  return null;
}

/** The message of a refused action in the visitor's language (the API's own sentence as last resort). */
export function errorText(t: Translator, err: { code?: string; message?: string }): string {
  return (err.code && t.error(err.code)) || t('error.generic');
}

export interface FieldOptions {
  name: string;
  label: string;
  values: FormValues;
  errors?: Record<string, string[]> | null;
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'tel' | 'textarea' | 'select' | 'checkbox';
  required?: boolean;
  hint?: string;
  options?: { value: string; label: string }[];
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'tel' | 'email';
  rows?: number;
}

function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/**
 * A labelled input with its hint and, when the API refused it, its errors: the input is marked
 * aria-invalid and described by the error text, so screen readers read why.
 */
export function field(c: ConsoleContext, o: FieldOptions): SafeHtml {
  const id = fieldId(o.name);
  const value = o.values[o.name] ?? '';
  const messages = o.errors?.[o.name] ?? null;
  const describedBy = [o.hint ? `${id}-hint` : '', messages ? `${id}-err` : ''].filter(Boolean).join(' ');
  const common = html` id="${id}" name="${o.name}"${o.required ? html` required` : ''}${messages ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}`;
  const required = o.required ? html` <span class="req" aria-hidden="true">*</span>` : '';
  const hint = o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : '';
  const error = messages ? html`<p class="field-error" id="${id}-err">${messages.join(' ')}</p>` : '';
  if (o.type === 'checkbox') {
    const checked = value === 'true' || value === 'on';
    return html`<div class="field check${messages ? ' invalid' : ''}"><input type="checkbox" value="true"${checked ? html` checked` : ''}${common}><label for="${id}">${o.label}</label>${hint}${error}</div>`;
  }
  let control: SafeHtml;
  if (o.type === 'textarea') {
    control = html`<textarea${common} rows="${o.rows ?? 4}">${value}</textarea>`;
  } else if (o.type === 'select') {
    const opts = (o.options ?? []).map((opt) => html`<option value="${opt.value}"${opt.value === value ? html` selected` : ''}>${opt.label}</option>`);
    control = html`<select${common}>${opts}</select>`;
  } else {
    const type = o.type ?? 'text';
    control = html`<input type="${type === 'number' ? 'text' : type}" value="${type === 'password' ? '' : value}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.inputmode ? html` inputmode="${o.inputmode}"` : type === 'number' ? html` inputmode="numeric"` : ''}${common}>`;
  }
  return html`<div class="field${messages ? ' invalid' : ''}"><label for="${id}">${o.label}${required}</label>${hint}${control}${error}</div>`;
}

/**
 * The API's validation messages are English sentences; in Bahasa Indonesia a field with a known
 * rule gets its Indonesian sentence (`fielderr.<name>`), any other keeps the API's words.
 */
export function localizeErrors(t: Translator, errors: Record<string, string[]> | null): Record<string, string[]> | null {
  if (!errors) return null;
  const out: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(errors)) {
    // Entries of a list share one sentence: `experience.2.fromYear` → `fielderr.experience.fromYear`.
    const key = `fielderr.${name.replace(/\.\d+(?=\.)/g, '')}`;
    out[name] = t.lang === 'id' && t.has(key) ? [t(key as MessageKey)] : [messages.map((m) => m.replace(/\.$/, '')).join('; ') + '.'];
  }
  return out;
}

/** The form-wide summary shown above a refused form, linking to the first field with a problem. */
export function errorSummary(c: ConsoleContext, errors: Record<string, string[]> | null, labels: Record<string, string>, other?: string | null): SafeHtml | null {
  if (!errors && !other) return null;
  const items = Object.keys(errors ?? {}).map((name) => html`<li><a href="#${fieldId(name)}">${labels[name] ?? name}</a>: ${errors![name].join(' ')}</li>`);
  return html`<div class="notice error" role="alert" tabindex="-1" data-focus><p><strong>${other ?? c.t('form.fix')}</strong></p>${items.length ? html`<ul>${items}</ul>` : ''}</div>`;
}

export function badge(t: Translator, group: string, code: string | null | undefined): SafeHtml {
  return html`<span class="badge b-${(code ?? 'none').toLowerCase()}">${t.label(group, code)}</span>`;
}

/** Previous / next links keeping the other query parameters. */
export function pager(c: ConsoleContext, base: string, query: Record<string, unknown>, page: number, pageSize: number, total: number): SafeHtml | null {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const link = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (typeof v === 'string' && v !== '' && k !== 'page' && k !== 'ok' && k !== 'err') params.set(k, v);
    params.set('page', String(p));
    return `${base}?${params.toString()}`;
  };
  return html`<nav class="pager" aria-label="${c.t('pager.label')}">
    ${page > 1 ? html`<a href="${link(page - 1)}" rel="prev">← ${c.t('pager.prev')}</a>` : ''}
    <span>${c.t('pager.status', { page, pages })}</span>
    ${page < pages ? html`<a href="${link(page + 1)}" rel="next">${c.t('pager.next')} →</a>` : ''}
  </nav>`;
}

export function options(t: Translator, group: string, codes: readonly string[], empty?: string): { value: string; label: string }[] {
  const list = codes.map((code) => ({ value: code, label: t.label(group, code) }));
  return empty === undefined ? list : [{ value: '', label: empty }, ...list];
}

/** A definition list of label → value pairs. */
export function facts(rows: [string, Renderable][]): SafeHtml {
  return html`<dl class="facts">${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
}
