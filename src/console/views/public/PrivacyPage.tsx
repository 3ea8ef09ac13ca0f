import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { Layout } from '../shared/Layout.js';

/** The notice's sections, each a heading and its paragraphs. */
const SECTIONS: [MessageKey, MessageKey[]][] = [
  ['privacy.whoTitle', ['privacy.who']],
  ['privacy.whatTitle', ['privacy.what1', 'privacy.what2', 'privacy.what3']],
  ['privacy.whyTitle', ['privacy.why1', 'privacy.why2', 'privacy.why3']],
  ['privacy.seeTitle', ['privacy.see1', 'privacy.see2', 'privacy.see3', 'privacy.see4']],
  ['privacy.keepTitle', ['privacy.keep1', 'privacy.keep2']],
  ['privacy.rightsTitle', ['privacy.rights1', 'privacy.rights2', 'privacy.rights3']],
];

/**
 * "Pemberitahuan privasi" (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi): who keeps the data,
 * which data, why, who sees what, how long and how it is protected, and the person's rights — with
 * the office to contact.
 */
export function PrivacyPage({ c }: { c: ConsoleContext }): JSX.Element {
  const t = c.t;
  return (
    <Layout c={c} title={t('privacy.title')} description={t('privacy.intro')}>
      <h1 safe>{t('privacy.title')}</h1>
      <p safe>{t('privacy.intro')}</p>
      {SECTIONS.map(([title, paragraphs]) => (
        <>
          <h2 safe>{t(title)}</h2>
          <ul>
            {paragraphs.map((k) => (
              <li safe>{t(k, { office: c.office.name })}</li>
            ))}
          </ul>
        </>
      ))}
      <h2 safe>{t('privacy.contactTitle')}</h2>
      <p>
        {escapeHtml(t('privacy.contact', { office: c.office.name, address: c.office.address }))}{' '}
        <a href="/bantuan#kantor" safe>
          {t('privacy.contactLink')}
        </a>
      </p>
      <p class="meta" safe>
        {t('privacy.updated')}
      </p>
    </Layout>
  );
}
