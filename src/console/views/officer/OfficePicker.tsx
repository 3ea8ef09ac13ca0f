import type { ConsoleContext } from '../../http/console-context.js';
import { Field } from '../shared/Field.js';

/**
 * Which office a report page is about (the console's side of `ReportScopes`): the office chosen, alone or
 * with every office below it added up, and what the picker offers. Built by `ReportPlaces`.
 */
export interface ReportPlace {
  officeId: string;
  /** The office's name (never its id or code). */
  officeName: string;
  /** `scope=aggregate`: the office and every office below it added up. */
  aggregate: boolean;
  /** Whether the office is the officer's own (only its own officers close its months by default). */
  own: boolean;
  /** The officer's office and those below it, by name; null for an officer with nothing below (no picker). */
  choices: { id: string; name: string }[] | null;
  /** `officeId` and `scope` as the links of the page carry them (empty: the officer's own office alone). */
  query: Record<string, string>;
}

/** The place's query for a link that has a query already (`&officeId=…&scope=aggregate`), or ''. */
export function placeQuery(place: ReportPlace | undefined, lead: '&' | '?' = '&'): string {
  if (!place) return '';
  const pairs = Object.entries(place.query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return pairs.length ? `${lead}${pairs.join('&')}` : '';
}

/** "Dinas … Kota Palembang", or "Gabungan Dinas … Provinsi Sumatera Selatan" for an aggregate. */
export function placeName(c: ConsoleContext, place: ReportPlace): string {
  return place.aggregate ? c.t('place.aggregateOf', { name: place.officeName }) : place.officeName;
}

/** The place as hidden fields of another GET form on the page (the month, the period), so it is kept. */
export function PlaceFields({ place }: { place?: ReportPlace }): JSX.Element {
  if (!place) return '';
  return (
    <>
      {Object.entries(place.query).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** The page's heading: its title, and for an officer with offices below, which office and whether summed. */
export function PlaceHeading({ c, title, place }: { c: ConsoleContext; title: string; place?: ReportPlace }) {
  if (!place?.choices) return <h1 safe>{title}</h1>;
  return (
    <h1>
      <span safe>{title}</span>
      <br />
      <small safe>{placeName(c, place)}</small>
    </h1>
  );
}

/**
 * "Kantor: [own office | each office below] · Cakupan: [this office only | all offices below it added up]"
 * as a small GET form to `action`, keeping the page's other fields (`keep`: the month, the period, a
 * filter). Only for an officer whose office has offices below it; works without script.
 */
export function OfficePicker(props: {
  c: ConsoleContext;
  place?: ReportPlace;
  action: string;
  keep?: Record<string, string | number | undefined>;
}): JSX.Element {
  const { c, place, action, keep = {} } = props;
  if (!place?.choices) return '';
  const t = c.t;
  const values = { officeId: place.officeId, scope: place.aggregate ? 'aggregate' : 'office' };
  return (
    <form novalidate method="get" action={action} class="no-print" aria-label={t('place.legend')}>
      {Object.entries(keep).map(([name, value]) =>
        value === undefined || value === '' ? '' : <input type="hidden" name={name} value={String(value)} />,
      )}
      <div class="grid2">
        <Field
          name="officeId"
          label={t('place.office')}
          type="select"
          values={values}
          options={place.choices.map((o) => ({ value: o.id, label: o.name }))}
        />
        <Field
          name="scope"
          label={t('place.scope')}
          type="select"
          values={values}
          hint={t('place.scopeHint')}
          options={[
            { value: 'office', label: t('place.scopeOffice') },
            { value: 'aggregate', label: t('place.scopeAggregate') },
          ]}
        />
      </div>
      <div class="actions">
        <button class="btn secondary" type="submit" safe>
          {t('place.show')}
        </button>
      </div>
    </form>
  );
}
