import type { ConsoleContext } from '../../http/console-context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { Fact } from '../shared/Fact.js';
import { Facts } from '../shared/Facts.js';
import { Layout } from '../shared/Layout.js';

const REQUIREMENTS: MessageKey[] = ['help.req1', 'help.req2', 'help.req3', 'help.req4'];
const STEPS: MessageKey[] = ['help.step1', 'help.step2', 'help.step3', 'help.step4'];
const DUTIES: MessageKey[] = ['help.duty1', 'help.duty2', 'help.duty3'];

/**
 * "Bantuan": what the AK1 card is, who may have one, what to bring, how to get it online or at the
 * counter, what the holder must do, and the office's address, hours and contact (OFFICE_* settings).
 */
export function HelpPage({ c }: { c: ConsoleContext }): JSX.Element {
  const t = c.t;
  const o = c.office;
  return (
    <Layout c={c} title={t('help.title')} description={t('help.what')}>
      <h1 safe>{t('help.title')}</h1>
      <h2 safe>{t('help.whatTitle')}</h2>
      <p safe>{t('help.what')}</p>
      <p safe>{t('help.free')}</p>
      <h2 safe>{t('help.reqTitle')}</h2>
      <ul>
        {REQUIREMENTS.map((k) => (
          <li safe>{t(k)}</li>
        ))}
      </ul>
      <h2 safe>{t('help.howTitle')}</h2>
      <ol>
        {STEPS.map((k) => (
          <li safe>{t(k)}</li>
        ))}
      </ol>
      <p>
        <a class="btn primary" href="/daftar/pencari-kerja" safe>
          {t('nav.registerSeeker')}
        </a>
      </p>
      <h2 safe>{t('help.dutyTitle')}</h2>
      <ul>
        {DUTIES.map((k) => (
          <li safe>{t(k)}</li>
        ))}
      </ul>
      <h2 safe>{t('help.employersTitle')}</h2>
      <p safe>{t('help.employers')}</p>
      <h2 id="kantor" safe>
        {t('help.officeTitle')}
      </h2>
      <Facts>
        <Fact label={t('help.office')} text={o.name} />
        <Fact label={t('help.address')} text={o.address} />
        <Fact label={t('help.hours')} text={o.hours} />
        {o.phone ? (
          <Fact label={t('help.phone')}>
            <a href={`tel:${o.phone.replace(/[^0-9+]/g, '')}`} safe>
              {o.phone}
            </a>
          </Fact>
        ) : (
          ''
        )}
        {o.email ? (
          <Fact label={t('help.email')}>
            <a href={`mailto:${o.email}`} safe>
              {o.email}
            </a>
          </Fact>
        ) : (
          ''
        )}
      </Facts>
      <p class="meta" safe>
        {t('help.bring')}
      </p>
      <p>
        <a href="/privasi" safe>
          {t('nav.privacy')}
        </a>
      </p>
    </Layout>
  );
}
