import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import type { PublicCheck } from '../../public-card-check.js';
import { Fact } from '../shared/Fact.js';
import { Facts } from '../shared/Facts.js';
import { checkHeadline } from '../shared/phrases.js';
import { Field } from '../shared/Field.js';
import { Layout } from '../shared/Layout.js';

const SCAN_STEPS: MessageKey[] = ['check.scan1', 'check.scan2', 'check.scan3'];

/**
 * The card check page opened from a card's QR code: the result, and on a match only the card
 * number, the masked name and the validity. Opened from the menu, how to check a card: scan its QR
 * code with the phone's camera (step by step), or paste what a scanner app shows.
 */
export function CardCheckPage({ c, check }: { c: ConsoleContext; check: PublicCheck | null }): JSX.Element {
  const t = c.t;
  return (
    <Layout c={c} title={t('check.title')}>
      <h1 safe>{t('check.title')}</h1>
      {check ? (
        <>
          <section
            class={['result', check.valid ? 'valid' : check.result === 'NOT_FOUND' ? 'mismatch' : 'invalid']}
            role="status"
            aria-live="polite"
          >
            <p class="big" safe>
              {checkHeadline(t, check.result)}
            </p>
            <p safe>{t.label('checkResult', check.result)}</p>
            {check.cardNumber ? (
              <Facts>
                <Fact label={t('field.cardNumber')} text={check.cardNumber} />
                <Fact label={t('field.holder')} text={check.holderName ?? '–'} />
                <Fact label={t('field.validUntil')} text={t.date(check.validUntil)} />
                <Fact label={t('check.checkedAt')} text={t.dateTime(check.checkedAt)} />
              </Facts>
            ) : (
              ''
            )}
          </section>
          <p class="meta" safe>
            {t('check.privacy')}
          </p>
        </>
      ) : (
        <>
          <p safe>{t('check.intro')}</p>
          <h2 safe>{t('check.scanTitle')}</h2>
          <ol class="qr-steps">
            {SCAN_STEPS.map((k) => (
              <li safe>{t(k)}</li>
            ))}
          </ol>
          <h2 safe>{t('check.pasteTitle')}</h2>
          <form novalidate method="get" action="/cek-kartu" class="stack">
            <Field name="t" label={t('check.paste')} values={{}} hint={t('check.pasteHint')} />
            <div class="actions">
              <button class="btn primary" type="submit" safe>
                {t('check.submit')}
              </button>
            </div>
          </form>
        </>
      )}
      <p class="meta">
        {escapeHtml(t('check.employers'))}{' '}
        <a href="/masuk?next=%2Fperusahaan%2Fcek-kartu" safe>
          {t('nav.checkCard')}
        </a>
      </p>
    </Layout>
  );
}
