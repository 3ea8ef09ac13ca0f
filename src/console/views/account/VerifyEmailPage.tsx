import type { ConsoleContext } from '../../http/console-context.js';
import type { FlashModel } from '../../view-models/flash.js';
import { CsrfField } from '../shared/CsrfField.js';
import { Flash } from '../shared/Flash.js';
import { Hidden } from '../shared/Hidden.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';
import { PostButton } from '../shared/PostButton.js';

/**
 * What the page shows: a mailed link to confirm (a button: mail scanners open links, so a GET never
 * spends it), the outcome of confirming, or the signed-in account's state with "send the link again".
 */
export type VerifyEmailView =
  | { state: 'confirm'; token: string }
  | { state: 'done' }
  | { state: 'invalid' }
  | { state: 'account'; email: string; verified: boolean; flash: FlashModel }
  | { state: 'signedOut' };

export function VerifyEmailPage({ c, vm }: { c: ConsoleContext; vm: VerifyEmailView }): JSX.Element {
  const t = c.t;
  return (
    <Layout c={c} title={t('verify.title')}>
      <h1 safe>{t('verify.title')}</h1>
      {vm.state === 'confirm' ? (
        <>
          <p safe>{t('verify.confirmIntro')}</p>
          <form novalidate method="post" action="/akun/verifikasi-email" class="stack">
            <CsrfField c={c} />
            <Hidden name="token" value={vm.token} />
            <div class="actions">
              <button class="btn primary" type="submit" safe>
                {t('verify.confirm')}
              </button>
            </div>
          </form>
        </>
      ) : vm.state === 'done' ? (
        <Notice kind="success" text={t('verify.done')} />
      ) : vm.state === 'invalid' ? (
        <Notice kind="error" text={t('verify.invalid')} />
      ) : vm.state === 'account' ? (
        <>
          <Flash c={c} flash={vm.flash} />
          {vm.verified ? (
            <p safe>{t('verify.statusVerified', { email: vm.email })}</p>
          ) : (
            <>
              <p safe>{t('verify.statusUnverified', { email: vm.email })}</p>
              <div class="actions">
                <PostButton
                  c={c}
                  action="/akun/verifikasi-email/kirim"
                  label={t('verify.resend')}
                  kind="primary"
                  hidden={{ back: '/akun/verifikasi-email' }}
                />
              </div>
            </>
          )}
        </>
      ) : (
        <p>
          <a href="/masuk?next=%2Fakun%2Fverifikasi-email" safe>
            {t('verify.signInFirst')}
          </a>
        </p>
      )}
    </Layout>
  );
}
