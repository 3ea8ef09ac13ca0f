import { VacancyHeading } from './VacancyHeading.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { VacancyPageView } from '../../view-models/vacancies.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';
import { vacancySummary } from '../shared/phrases.js';
import { ApplyForm } from './ApplyForm.js';
import { AlreadyApplied } from './AlreadyApplied.js';
import { VacancyMeta } from './VacancyMeta.js';

/** A vacancy with every field of the legal report; job seekers apply here. */
export function VacancyPage({ c, vm }: { c: ConsoleContext; vm: VacancyPageView }): JSX.Element {
  const t = c.t;
  const v = vm.vacancy;
  const signIn = `/masuk?next=${encodeURIComponent(`/lowongan/${v.id}`)}`;
  return (
    <Layout
      c={c}
      title={v.title}
      description={vacancySummary(t, v)}
      head={<VacancyMeta c={c} v={v} posting={vm.posting} />}
    >
      <p class="no-print">
        <a href="/" safe>
          {`← ${t('vacancy.backToSearch')}`}
        </a>
      </p>
      <VacancyHeading c={c} v={v} flash={vm.flash} />
      <h2 safe>{t('field.description')}</h2>
      <div class="prose">
        {v.description.split(/\n+/).map((p) => (
          <p safe>{p}</p>
        ))}
      </div>
      {vm.apply === 'signIn' ? (
        <p>
          <a class="btn primary" href={signIn} safe>
            {t('vacancy.signInToApply')}
          </a>
        </p>
      ) : (
        ''
      )}
      {vm.apply === 'form' ? <ApplyForm c={c} v={v} /> : ''}
      {vm.apply === 'applied' && vm.applied ? <AlreadyApplied t={t} applied={vm.applied} /> : ''}
      {vm.apply === 'placed' ? <Notice kind="info" text={t('vacancy.placedNote')} /> : ''}
      {vm.applicantsHref ? (
        <p>
          <a class="btn secondary" href={vm.applicantsHref} safe>
            {t('employer.applicants')}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}
