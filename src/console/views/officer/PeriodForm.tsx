import type { Children } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import { Field } from '../shared/Field.js';

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
}

/** The from / to dates of a report. */
export function PeriodForm({ c, action, from, to, label, children, before }: PeriodFormProps): JSX.Element {
  const t = c.t;
  return (
    <form novalidate method="get" action={action} aria-label={label}>
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
