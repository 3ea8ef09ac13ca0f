import { escapeHtml } from '@kitajs/html';
import type { VacancyOutcomeReply } from '../../../placements/dto/vacancy-outcome.reply.js';
import type { VacancyView } from '../../../vacancies/vacancy.entity.js';
import { UNFILLED_REASONS } from '../../../vacancies/vacancy-outcome.entity.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import type { MessageKey } from '../../i18n/i18n.js';
import type { FlashModel } from '../../view-models/flash.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Fact } from '../shared/Fact.js';
import { Facts } from '../shared/Facts.js';
import { Field, fieldId } from '../shared/Field.js';
import { Flash } from '../shared/Flash.js';
import { Hidden } from '../shared/Hidden.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';

export interface VacancyOutcomeView {
  flash: FlashModel;
  vacancy: VacancyView;
  /** What is on record, or null before the first statement. */
  outcome: VacancyOutcomeReply | null;
  /** The form, while the vacancy is CLOSED and the company may act (verified); null otherwise. */
  form: FormState | null;
  /** How many hire rows the form shows (the positions still unfilled, at most a few). */
  rows: number;
  /** Whether the company may record hires now (VERIFIED, as for a direct placement). */
  verified: boolean;
  /** The form's one-time key: a double submit records the hires once. */
  idem: string;
}

/** Why the page shows no form. */
function noFormReason(vm: VacancyOutcomeView): MessageKey {
  const v = vm.vacancy;
  if (v.status === 'OPEN') return 'outcome.stillOpen';
  if (v.status !== 'CLOSED') return 'outcome.notClosed';
  if (v.remaining === 0) return 'outcome.allFilled';
  return 'outcome.notVerified';
}

const reasonLabel = (c: ConsoleContext, r: string) => c.t(`outcome.reason.${r}` as MessageKey);

/**
 * "Catat hasil lowongan": a closed vacancy with positions unfilled — who the company hired (card number,
 * NIK, start date per row, like the direct placement form) and why the rest stayed open; and what is
 * already on record. The VACANCY_OUTCOME message links here.
 */
export function VacancyOutcomePage({ c, vm }: { c: ConsoleContext; vm: VacancyOutcomeView }): JSX.Element {
  const t = c.t;
  const v = vm.vacancy;
  const title = `${t('outcome.title')}: ${v.title}`;
  return (
    <Layout c={c} title={title}>
      <h1 safe>{title}</h1>
      <Flash c={c} flash={vm.flash} />
      <p>
        <strong safe>{t('outcome.filled', { filled: v.filled, positions: v.quota })}</strong>
      </p>
      {vm.outcome ? <Recorded c={c} outcome={vm.outcome} /> : ''}
      {vm.form ? (
        <OutcomeForm c={c} vm={vm} form={vm.form} />
      ) : (
        <Notice kind="info">{escapeHtml(t(noFormReason(vm)))}</Notice>
      )}
      <p>
        <a href="/perusahaan/lowongan" safe>
          {t('outcome.back')}
        </a>
      </p>
    </Layout>
  );
}

function Recorded({ c, outcome: o }: { c: ConsoleContext; outcome: VacancyOutcomeReply }): JSX.Element {
  const t = c.t;
  return (
    <section aria-labelledby="outcome-recorded">
      <h2 id="outcome-recorded" safe>
        {t('outcome.recorded')}
      </h2>
      <Facts>
        <Fact
          label={t('outcome.reason')}
          text={o.unfilledReason ? reasonLabel(c, o.unfilledReason) : t('outcome.noReason')}
        />
        {o.note ? <Fact label={t('outcome.note')} text={o.note} /> : ''}
        <Fact label={t('outcome.recordedAt')} text={t.dateTime(o.updatedAt)} />
      </Facts>
      {o.hires.length ? (
        <ul class="stack">
          {o.hires.map((h) => (
            <li safe>{[h.cardNumber ?? '–', h.position ?? '', t.date(h.startDate)].filter(Boolean).join(' · ')}</li>
          ))}
        </ul>
      ) : (
        <p safe>{t('outcome.noHires')}</p>
      )}
    </section>
  );
}

function OutcomeForm({ c, vm, form }: { c: ConsoleContext; vm: VacancyOutcomeView; form: FormState }): JSX.Element {
  const t = c.t;
  const { values, errors, problem } = form;
  const rows = Array.from({ length: vm.rows }, (_, i) => i);
  const labels: Record<string, string> = {};
  for (const i of rows) {
    const n = { n: i + 1 };
    labels[`hires.${i}`] = t('outcome.row', n);
    labels[`hires.${i}.cardNumber`] = `${t('outcome.row', n)}: ${t('field.cardNumber')}`;
    labels[`hires.${i}.nik`] = `${t('outcome.row', n)}: ${t('field.nik')}`;
    labels[`hires.${i}.startDate`] = `${t('outcome.row', n)}: ${t('field.startDate')}`;
  }
  labels.hires = t('outcome.hires');
  labels.unfilledReason = t('outcome.reason');
  labels.note = t('outcome.note');
  const reasonErrors = errors?.unfilledReason ?? null;
  return (
    <>
      <p safe>{t('outcome.intro')}</p>
      <ErrorSummary c={c} errors={errors} labels={labels} problem={problem} />
      <form
        method="post"
        action={`/perusahaan/lowongan/${vm.vacancy.id}/hasil`}
        class="stack"
        novalidate
        data-confirm={t('outcome.confirm')}
      >
        <CsrfField c={c} />
        <Hidden name="idem" value={vm.idem} />
        {rows.length ? (
          <fieldset id={fieldId('hires')}>
            <legend safe>{t('outcome.hires')}</legend>
            <p class="hint" safe>
              {t('outcome.hiresHint')}
            </p>
            {rows.map((i) => {
              const rowErrors = errors?.[`hires.${i}`] ?? null;
              return (
                <fieldset id={fieldId(`hires.${i}`)} class={['stack', rowErrors && 'invalid']}>
                  <legend safe>{t('outcome.row', { n: i + 1 })}</legend>
                  {rowErrors ? (
                    <p class="field-error" safe>
                      {rowErrors.join(' ')}
                    </p>
                  ) : (
                    ''
                  )}
                  <Field
                    name={`hires.${i}.cardNumber`}
                    label={t('field.cardNumber')}
                    values={values}
                    errors={errors}
                    hint={i === 0 ? t('hint.cardNumber') : undefined}
                  />
                  <Field
                    name={`hires.${i}.nik`}
                    label={t('field.nik')}
                    values={values}
                    errors={errors}
                    inputmode="numeric"
                  />
                  <Field
                    name={`hires.${i}.startDate`}
                    label={t('field.startDate')}
                    type="date"
                    values={values}
                    errors={errors}
                  />
                </fieldset>
              );
            })}
          </fieldset>
        ) : (
          ''
        )}
        <fieldset id={fieldId('unfilledReason')} class={['field', reasonErrors && 'invalid']}>
          <legend safe>{t('outcome.reason')}</legend>
          <p class="hint" safe>
            {t('outcome.reasonHint')}
          </p>
          {reasonErrors ? (
            <p class="field-error" safe>
              {reasonErrors.join(' ')}
            </p>
          ) : (
            ''
          )}
          {UNFILLED_REASONS.map((r) => (
            <div class="field check">
              <input
                type="radio"
                id={`f-unfilledReason-${r}`}
                name="unfilledReason"
                value={r}
                checked={values.unfilledReason === r}
              />
              <label for={`f-unfilledReason-${r}`} safe>
                {reasonLabel(c, r)}
              </label>
            </div>
          ))}
        </fieldset>
        <Field name="note" label={t('outcome.note')} type="textarea" rows={3} values={values} errors={errors} />
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('outcome.save')}
          </button>
        </div>
      </form>
    </>
  );
}
