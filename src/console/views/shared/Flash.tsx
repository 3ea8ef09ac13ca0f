import type { ConsoleContext } from '../../http/console-context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import type { FlashModel } from '../../view-models/flash.js';
import { Notice } from './Notice.js';
import { PostButton } from './PostButton.js';

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
  if (flash.err === 'EMAIL_NOT_VERIFIED' && c.user) {
    // Not a dead end: the explanation comes with the button that sends the link, then back here.
    return (
      <Notice kind="warning" role="alert">
        <p safe>{t('error.EMAIL_NOT_VERIFIED')}</p>
        <PostButton
          c={c}
          action="/akun/verifikasi-email/kirim"
          label={t('verify.send')}
          kind="primary"
          hidden={{ back: withoutErr(c.path) }}
        />
      </Notice>
    );
  }
  if (flash.err) {
    // A one-field form refused: that field's sentence ("Tulis alasannya, minimal 3 karakter.").
    const field = flash.err === 'VALIDATION_FAILED' && flash.field ? `fielderr.${flash.field}` : null;
    const text = field && t.has(field) ? t(field as MessageKey) : (t.error(flash.err) ?? t('error.generic'));
    return <Notice kind="error" text={text} />;
  }
  return '';
}

/** This page's address without its `err`, to come back to once the link is sent. */
function withoutErr(path: string): string {
  const u = new URL(path, 'http://console.invalid');
  u.searchParams.delete('err');
  return `${u.pathname}${u.search}`;
}
