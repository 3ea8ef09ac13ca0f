import type { VacancyView } from '../../../vacancies/vacancy.entity.js';
import type { ConsoleContext } from '../../http/console-context.js';
import { CsrfField } from '../shared/CsrfField.js';
import { Field } from '../shared/Field.js';
import { Notice } from '../shared/Notice.js';

/**
 * A job seeker's application to a vacancy: an optional cover letter (the AK1 rule said up front), and
 * whether the company may see their phone and email (UU PDP: asked, never ticked in advance).
 */
export function ApplyForm({ c, v }: { c: ConsoleContext; v: VacancyView }): JSX.Element {
  const t = c.t;
  return (
    <form novalidate method="post" action={`/lowongan/${v.id}/lamar`} class="stack">
      <CsrfField c={c} />
      <Field
        name="coverLetter"
        label={t('vacancy.coverLetter')}
        type="textarea"
        values={{}}
        hint={t('vacancy.coverLetterHint')}
      />
      <Field name="shareContact" label={t('consent.label')} type="checkbox" values={{}} hint={t('consent.hint')} />
      {v.requiresAk1 ? <Notice kind="info" text={t('vacancy.ak1Notice')} /> : ''}
      <button class="btn primary" type="submit" safe>
        {t('vacancy.apply')}
      </button>
    </form>
  );
}
