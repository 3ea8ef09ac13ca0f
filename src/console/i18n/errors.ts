import type { MessageKey, Translator } from './i18n.js';

/** The message of a refused action in the visitor's language (a generic sentence when there is none). */
export function errorText(t: Translator, err: { code?: string; message?: string }): string {
  return (err.code && t.error(err.code)) || t('error.generic');
}

export interface LocalizeOptions {
  /** What was typed: a refused field left empty is "wajib diisi" (required), whatever the API said. */
  values?: Record<string, string>;
  /**
   * A form whose fields need their own sentences (`fielderr.<scope>.<name>` before `fielderr.<name>`):
   * HR's card check asks for an NIK without the birth date and sex the general NIK rule speaks of.
   */
  scope?: string;
}

/**
 * The API's validation messages are English sentences; in Bahasa Indonesia a field with a known
 * rule gets its Indonesian sentence (`fielderr.<name>`), any other keeps the API's words. A field
 * left empty gets "Wajib diisi." (the error summary says "<label> wajib diisi.").
 */
export function localizeErrors(
  t: Translator,
  errors: Record<string, string[]> | null,
  opts: LocalizeOptions = {},
): Record<string, string[]> | null {
  if (!errors) return null;
  const out: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(errors)) {
    const typed = opts.values?.[name];
    if (typed !== undefined && typed.trim() === '') {
      out[name] = [t('form.requiredField')];
      continue;
    }
    // Entries of a list share one sentence: `experience.2.fromYear` → `fielderr.experience.fromYear`.
    const base = name.replace(/\.\d+(?=\.)/g, '');
    const scoped = opts.scope ? `fielderr.${opts.scope}.${base}` : null;
    const key = scoped && t.has(scoped) ? scoped : `fielderr.${base}`;
    out[name] =
      t.lang === 'id' && t.has(key)
        ? [t(key as MessageKey)]
        : [messages.map((m) => m.replace(/\.$/, '')).join('; ') + '.'];
  }
  return out;
}
