import type { ConsoleContext } from '../../http/console-context.js';
import { placementTypeOptions } from '../shared/CodeDatalist.js';
import { CsrfField } from '../shared/CsrfField.js';
import { Field } from '../shared/Field.js';
import { Hidden } from '../shared/Hidden.js';

export interface HireFormProps {
  c: ConsoleContext;
  applicationId: string;
  applicantName: string;
  /** Its work location, when given, decides the placement's type; without one the form asks. */
  vacancy: { id: string; title: string; kecamatanCode?: string | null };
  /** The default start date. */
  today: string;
  idem: string;
}

/**
 * "Terima bekerja…": the hire closes the applicant's card, so it asks for an explicit confirmation. One
 * per applicant on the page, so its ids carry the application's id.
 */
export function HireForm({ c, applicationId, applicantName, vacancy, today, idem }: HireFormProps): JSX.Element {
  const t = c.t;
  return (
    <details>
      <summary safe>{t('employer.hire')}</summary>
      <form
        method="post"
        action={`/perusahaan/lamaran/${applicationId}/terima`}
        class="stack"
        novalidate
        data-confirm={t('employer.hireConfirmQ', { name: applicantName })}
      >
        <CsrfField c={c} />
        <Hidden name="vacancyId" value={vacancy.id} />
        <Hidden name="idem" value={idem} />
        <Field
          name="startDate"
          label={t('field.startDate')}
          type="date"
          values={{ startDate: today }}
          required
          hint={t('hint.startDate')}
          idPrefix={applicationId}
        />
        <Field
          name="position"
          label={t('field.position')}
          values={{ position: vacancy.title }}
          idPrefix={applicationId}
        />
        {vacancy.kecamatanCode ? (
          ''
        ) : (
          <Field
            name="placementType"
            label={t('field.placementType')}
            type="select"
            values={{}}
            options={placementTypeOptions(t)}
            hint={t('hint.placementType')}
            idPrefix={applicationId}
          />
        )}
        <Field
          name="confirm"
          label={t('employer.hireConfirm', { name: applicantName })}
          type="checkbox"
          values={{}}
          required
          idPrefix={applicationId}
        />
        <button class="btn primary" type="submit" safe>
          {t('employer.recordHire')}
        </button>
      </form>
    </details>
  );
}
