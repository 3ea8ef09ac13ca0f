import { EMPLOYER_STATUSES } from '../../../employers/employer.entity.js';
import { CAMPAIGN_MESSAGE_MAX, CAMPAIGN_TITLE_MAX } from '../../../outreach/dto/outreach.dto.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field, fieldId } from '../shared/Field.js';
import { Layout } from '../shared/Layout.js';
import { kecamatanOptions, options } from '../shared/options.js';

/** The campaign form's fields, named by the API's body paths (`audience.kbli`). */
export const CAMPAIGN_FIELDS = [
  'title',
  'message',
  'audience.participating',
  'audience.silentClosures',
  'audience.from',
  'audience.to',
  'audience.status',
  'audience.kbli',
  'audience.kecamatanCode',
] as const;

/** Characters as people count them (an emoji is one), as the API counts them. */
export const charCount = (s: string): number => [...s].length;

/**
 * "Kirim sosialisasi": the message (title, text with a character counter) and whom it goes to — the
 * outreach list's filters, prefilled from it. Sending the form saves a draft and shows how many
 * employers it reaches; nothing goes out before "Kirim" there.
 */
export function CampaignFormPage({ c, form }: { c: ConsoleContext; form: FormState }): JSX.Element {
  const t = c.t;
  const { values, errors, problem } = form;
  const labels: Record<string, string> = {
    title: t('campaign.title'),
    message: t('campaign.message'),
    'audience.participating': t('campaign.participating'),
    'audience.silentClosures': t('campaign.silentClosures'),
    'audience.from': t('field.from'),
    'audience.to': t('field.to'),
    'audience.status': t('campaign.status'),
    'audience.kbli': t('campaign.kbli'),
    'audience.kecamatanCode': t('campaign.kecamatan'),
  };
  const messageId = fieldId('message');
  const messageErrors = errors?.message ?? null;
  const message = values.message ?? '';
  const counterText = t('campaign.counter', { n: '{n}', max: t.number(CAMPAIGN_MESSAGE_MAX) });
  return (
    <Layout c={c} title={t('campaign.newTitle')}>
      <p class="no-print">
        <a href="/petugas/penjangkauan" safe>
          {`← ${t('nav.outreach')}`}
        </a>
      </p>
      <h1 safe>{t('campaign.newTitle')}</h1>
      <p safe>{t('campaign.newIntro')}</p>
      <ErrorSummary c={c} errors={errors} labels={labels} problem={problem} />
      <form method="post" action="/petugas/penjangkauan/kampanye/baru" class="stack" novalidate>
        <CsrfField c={c} />
        <fieldset>
          <legend safe>{t('campaign.messageLegend')}</legend>
          <Field
            name="title"
            label={labels.title}
            values={values}
            errors={errors}
            required
            hint={t('campaign.titleHint', { max: CAMPAIGN_TITLE_MAX })}
          />
          <div class={['field', messageErrors && 'invalid']}>
            <label for={messageId}>
              <span safe>{labels.message}</span>{' '}
              <span class="req" aria-hidden="true">
                *
              </span>
            </label>
            <p class="hint" id={`${messageId}-hint`} safe>
              {t('campaign.messageHint', { max: t.number(CAMPAIGN_MESSAGE_MAX) })}
            </p>
            <textarea
              id={messageId}
              name="message"
              rows="7"
              required
              data-count={`${messageId}-count`}
              aria-invalid={messageErrors ? 'true' : undefined}
              aria-describedby={[`${messageId}-hint`, `${messageId}-count`, messageErrors ? `${messageId}-err` : '']
                .filter(Boolean)
                .join(' ')}
              safe
            >
              {message}
            </textarea>
            <p
              class="hint counter"
              id={`${messageId}-count`}
              data-max={String(CAMPAIGN_MESSAGE_MAX)}
              data-text={counterText}
              aria-live="polite"
              safe
            >
              {t('campaign.counter', { n: t.number(charCount(message)), max: t.number(CAMPAIGN_MESSAGE_MAX) })}
            </p>
            {messageErrors ? (
              <p class="field-error" id={`${messageId}-err`} safe>
                {messageErrors.join(' ')}
              </p>
            ) : (
              ''
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend safe>{t('campaign.audienceLegend')}</legend>
          <p class="hint" safe>
            {t('campaign.audienceHint')}
          </p>
          <Field
            name="audience.participating"
            label={labels['audience.participating']}
            type="select"
            values={values}
            errors={errors}
            hint={t('campaign.participatingHint')}
            options={[
              { value: '', label: t('campaign.participatingAny') },
              { value: 'false', label: t('campaign.participatingFalse') },
              { value: 'true', label: t('campaign.participatingTrue') },
            ]}
          />
          <Field
            name="audience.silentClosures"
            label={labels['audience.silentClosures']}
            type="select"
            values={values}
            errors={errors}
            hint={t('campaign.silentClosuresHint')}
            options={[
              { value: '', label: t('campaign.silentClosuresAny') },
              { value: 'true', label: t('campaign.silentClosuresTrue') },
              { value: 'false', label: t('campaign.silentClosuresFalse') },
            ]}
          />
          <div class="grid2">
            <Field name="audience.from" label={labels['audience.from']} type="date" values={values} errors={errors} />
            <Field name="audience.to" label={labels['audience.to']} type="date" values={values} errors={errors} />
          </div>
          <Field
            name="audience.status"
            label={labels['audience.status']}
            type="select"
            values={values}
            errors={errors}
            options={options(t, 'employer', EMPLOYER_STATUSES, t('campaign.anyStatus'))}
          />
          <div class="grid2">
            <Field
              name="audience.kbli"
              label={labels['audience.kbli']}
              values={values}
              errors={errors}
              inputmode="numeric"
              hint={t('campaign.kbliHint')}
            />
            <Field
              name="audience.kecamatanCode"
              label={labels['audience.kecamatanCode']}
              type="select"
              values={values}
              errors={errors}
              options={kecamatanOptions(t('campaign.anyKecamatan'))}
            />
          </div>
        </fieldset>
        <p class="hint" safe>
          {t('campaign.previewHint')}
        </p>
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('campaign.preview')}
          </button>
          <a class="btn secondary" href="/petugas/penjangkauan/kampanye" safe>
            {t('campaign.listTitle')}
          </a>
        </div>
      </form>
    </Layout>
  );
}
