import type { ConsoleContext } from '../../http/console-context.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';

export interface ClaimCodeView {
  seekerId: string;
  seekerName: string;
  code: string;
  expiresAt: string;
}

/** Groups of four, so the code is easy to read aloud and to copy: `K7PX 3QMA`. */
export const groupedCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ');

/** The claim code just made for a walk-in job seeker (POST /seekers/:id/claim-code), shown this once. */
export function ClaimCodePage({ c, vm }: { c: ConsoleContext; vm: ClaimCodeView }): JSX.Element {
  const t = c.t;
  return (
    <Layout c={c} title={t('claim.codeTitle', { name: vm.seekerName })}>
      <p>
        <a href={`/petugas/pencari-kerja/${vm.seekerId}`} safe>
          {`← ${t('claim.back')}`}
        </a>
      </p>
      <h1 safe>{t('claim.codeTitle', { name: vm.seekerName })}</h1>
      <p class="muted" safe>
        {t('claim.codeLabel')}
      </p>
      <p class="claim-code" data-claim-code safe>
        {groupedCode(vm.code)}
      </p>
      <p safe>{t('claim.codeExpires', { when: t.dateTime(vm.expiresAt) })}</p>
      <Notice kind="info" text={t('claim.codeGive', { name: vm.seekerName, url: `${c.origin}/daftar/klaim` })} />
    </Layout>
  );
}
