import type { ValidationReply } from '../../../card-validation/card-validation.service.js';
import type { Translator } from '../../i18n/i18n.js';
import { Fact } from '../shared/Fact.js';
import { Facts } from '../shared/Facts.js';
import { checkHeadline } from '../shared/phrases.js';

/** The answer of "Cek kartu AK1": valid or not, why, and the card as far as the API shows it. */
export function CheckResult({ t, reply }: { t: Translator; reply: ValidationReply }): JSX.Element {
  return (
    <section
      class={['result', reply.valid ? 'valid' : reply.result === 'NOT_FOUND' ? 'mismatch' : 'invalid']}
      role="status"
      aria-live="polite"
      tabindex="-1"
      data-focus
    >
      <p class="big" safe>
        {checkHeadline(t, reply.result)}
      </p>
      <p safe>{t.label('checkResult', reply.result)}</p>
      {reply.result !== 'NOT_FOUND' ? (
        <Facts>
          <Fact label={t('field.cardNumber')} text={reply.cardNumber ?? '–'} />
          <Fact label={t('field.holder')} text={reply.holderName ?? '–'} />
          <Fact label={t('field.validUntil')} text={t.date(reply.expiresAt)} />
          {reply.reportOverdue ? <Fact label={t('field.nextReportDue')} text={t('check.reportOverdue')} /> : ''}
        </Facts>
      ) : (
        ''
      )}
    </section>
  );
}
