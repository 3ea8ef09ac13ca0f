import type { Children } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import { Field } from '../shared/Field.js';
import { PlaceFields, type ReportPlace } from './OfficePicker.js';

export interface PeriodFormProps {
  c: ConsoleContext;
  action: string;
  from: string;
  to: string;
  label?: string;
  /** More buttons after "Tampilkan" (a CSV download). */
  children?: Children;
  /** More fields after the dates (a filter). */
  before?: Children;
  /** The office chosen, kept as hidden fields. */
  place?: ReportPlace;
}

/** The from / to dates of a report. */
export function PeriodForm({ c, action, from, to, label, children, before, place }: PeriodFormProps): JSX.Element {
  const t = c.t;
  return (
    <form novalidate method="get" action={action} aria-label={label}>
      <PlaceFields place={place} />
      <div class="grid2">
        <Field name="from" label={t('field.from')} type="date" values={{ from }} />
        <Field name="to" label={t('field.to')} type="date" values={{ to }} />
      </div>
      {before ?? ''}
      <div class="actions">
        <button class="btn primary" type="submit" safe>
          {t('dash.show')}
        </button>
        {children}
      </div>
    </form>
  );
}
