import type { ConsoleContext } from '../../http/console-context.js';
import { Field } from '../shared/Field.js';
import { PlaceFields, placeQuery, type ReportPlace } from './OfficePicker.js';

/** The month of an IPK report (keeping the office chosen), with print and the CSV and Excel downloads. */
export function IpkMonthForm(props: {
  c: ConsoleContext;
  path: string;
  year: number;
  month: number;
  place?: ReportPlace;
}): JSX.Element {
  const { c, path, year, month, place } = props;
  const more = placeQuery(place);
  const t = c.t;
  const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t.month(i + 1) }));
  return (
    <form novalidate method="get" action={path} class="no-print">
      <PlaceFields place={place} />
      <div class="grid2">
        <Field name="month" label={t('ipk.month')} type="select" values={{ month: String(month) }} options={months} />
        <Field name="year" label={t('ipk.year')} type="number" values={{ year: String(year) }} />
      </div>
      <div class="actions">
        <button class="btn primary" type="submit" safe>
          {t('dash.show')}
        </button>
        <button type="button" class="btn secondary" data-print safe>
          {t('card.print')}
        </button>
        <a class="btn secondary" href={`${path}.csv?year=${year}&month=${month}${more}`} download="" safe>
          {t('ipk.csv')}
        </a>
        <a class="btn secondary" href={`${path}.xlsx?year=${year}&month=${month}${more}`} download="" safe>
          {t('ipk.xlsx')}
        </a>
      </div>
    </form>
  );
}
