import type { ImportProblem } from '../../cards/card-import.service.js';
import type { MessageKey, Translator } from './i18n.js';

/**
 * A reason the card import gave, in the reader's language: a column's own rule (`fielderr.<column>`,
 * as on the registration form) for an invalid value, else the sentence of its code
 * (`importerr.<code>`) with its values. Never the API's English, never a pointer to the docs.
 */
export function importProblemText(t: Translator, column: string, p: ImportProblem): string {
  const own = `fielderr.${column}`;
  if (p.code === 'invalid' && t.has(own)) return t(own as MessageKey);
  const key = `importerr.${p.code}`;
  const params = { column, ...(p.params ?? {}) };
  return t.has(key) ? t(key as MessageKey, params) : t('importerr.invalid', params);
}
