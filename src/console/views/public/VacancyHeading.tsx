import type { VacancyView } from '../../../vacancies/vacancy.entity.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FlashModel } from '../../view-models/flash.js';
import { Flash } from '../shared/Flash.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { VacancyFacts } from './VacancyFacts.js';

/** A vacancy's title, the outcome of the last action, its status (and whether it needs the AK1) and its facts. */
export function VacancyHeading({ c, v, flash }: { c: ConsoleContext; v: VacancyView; flash: FlashModel }): JSX.Element {
  const t = c.t;
  return (
    <>
      <h1 safe>{v.title}</h1>
      <Flash c={c} flash={flash} />
      <p>
        <StatusBadge t={t} group="vacancy" code={v.status} />
        {v.requiresAk1 ? (
          <>
            {' '}
            <strong safe>{t('vacancy.requiresAk1')}</strong>
          </>
        ) : (
          ''
        )}
      </p>
      <VacancyFacts t={t} v={v} />
    </>
  );
}
