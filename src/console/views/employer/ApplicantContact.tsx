import type { PipelineItemView } from '../../../applications/applications.service.js';
import type { Translator } from '../../i18n/i18n.js';

/** A phone number as a `tel:` address: its digits, with a leading + kept. */
function telHref(phone: string): string {
  return `tel:${phone.replace(/(?!^\+)[^\d]/g, '')}`;
}

/**
 * How HR reaches an applicant: phone and email only when the applicant agreed to share them
 * (UU PDP No. 27/2022); otherwise a sentence saying they have not.
 */
export function ApplicantContact({ t, item }: { t: Translator; item: PipelineItemView }): JSX.Element {
  const { phone, email } = item.applicant;
  if (!item.shareContact) {
    return (
      <p class="meta" safe>
        {t('employer.noContact')}
      </p>
    );
  }
  return (
    <p class="contact">
      {phone ? (
        <>
          <span safe>{`${t('employer.phone')}: `}</span>
          <a href={telHref(phone)} safe>
            {phone}
          </a>
          <br />
        </>
      ) : (
        ''
      )}
      {email ? (
        <>
          <span safe>{`${t('employer.email')}: `}</span>
          <a href={`mailto:${email}`} safe>
            {email}
          </a>
        </>
      ) : (
        ''
      )}
    </p>
  );
}
