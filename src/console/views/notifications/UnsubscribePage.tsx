import type { ConsoleContext } from '../../http/console-context.js';
import { Hidden } from '../shared/Hidden.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';

export interface UnsubscribeView {
  /** The signed link's parameters, when valid; null: a link that cannot be used. */
  link: { u: string; s: string } | null;
  done: boolean;
}

/**
 * An email's "stop these emails" link. A GET only asks (mail scanners open links); the button posts,
 * and so does a mail program's one-click unsubscribe (RFC 8058) straight to the same address.
 */
export function UnsubscribePage({ c, vm }: { c: ConsoleContext; vm: UnsubscribeView }): JSX.Element {
  const t = c.t;
  return (
    <Layout c={c} title={t('unsubscribe.title')}>
      <h1 safe>{t('unsubscribe.title')}</h1>
      {vm.done ? (
        <Notice kind="success" text={t('unsubscribe.done')} />
      ) : vm.link ? (
        <>
          <p safe>{t('unsubscribe.intro')}</p>
          <form novalidate method="post" action="/pemberitahuan/berhenti">
            <Hidden name="u" value={vm.link.u} />
            <Hidden name="s" value={vm.link.s} />
            <button type="submit" class="btn primary" safe>
              {t('unsubscribe.confirm')}
            </button>
          </form>
        </>
      ) : (
        <Notice kind="error" text={t('unsubscribe.invalid')} />
      )}
    </Layout>
  );
}
