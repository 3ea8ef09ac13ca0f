import type { ConsoleContext } from '../../http/console-context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import type { FlashModel } from '../../view-models/flash.js';
import { Notice } from './Notice.js';

/** The outcome of the last action (`?ok=key` / `?err=CODE` of the redirect), or nothing. */
export function Flash({ c, flash }: { c: ConsoleContext; flash: FlashModel }): JSX.Element {
  const t = c.t;
  const ok = flash.ok ? `ok.${flash.ok}` : null;
  if (ok && t.has(ok)) {
    const params = Object.fromEntries(
      Object.entries(flash.params ?? {}).map(([k, v]) => [k, k.endsWith('Date') ? t.date(v) : v]),
    );
    return <Notice kind="success" text={t(ok, params)} />;
  }
  if (flash.err) {
    // A one-field form refused: that field's sentence ("Tulis alasannya, minimal 3 karakter.").
    const field = flash.err === 'VALIDATION_FAILED' && flash.field ? `fielderr.${flash.field}` : null;
    const text = field && t.has(field) ? t(field as MessageKey) : (t.error(flash.err) ?? t('error.generic'));
    return <Notice kind="error" text={text} />;
  }
  return '';
}
