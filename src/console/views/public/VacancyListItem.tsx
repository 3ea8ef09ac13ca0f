import { escapeHtml, type Children } from '@kitajs/html';
import type { VacancyView } from '../../../vacancies/vacancy.entity.js';
import type { ConsoleContext } from '../../http/console-context.js';
import { salaryRange } from '../shared/phrases.js';

/** A vacancy in a list (search, recommendations, the officer's list); `children` adds to its card. */
export function VacancyListItem({ c, v, children }: { c: ConsoleContext; v: VacancyView; children?: Children }) {
  const t = c.t;
  const where = `${v.employer.legalName} · ${v.location}`;
  const what = [
    t.label('employment', v.employmentType),
    salaryRange(t, v),
    t('vacancy.educationMinShort', { level: t.label('education', v.educationMin) }),
  ].join(' · ');
  const when = `${t('vacancy.closesOn', { date: t.date(v.closesAt) })} · ${t('vacancy.remaining', { n: v.remaining })}`;
  return (
    <li class="card">
      <h2>
        <a href={`/lowongan/${v.id}`} safe>
          {v.title}
        </a>
      </h2>
      <p class="meta">
        {escapeHtml(where)}
        {v.kecamatanCode ? escapeHtml(` (${t.kecamatan(v.kecamatanCode)})`) : ''}
      </p>
      <p class="meta" safe>
        {what}
      </p>
      <p class="meta">
        {escapeHtml(when)}
        {v.requiresAk1 ? (
          <>
            {' · '}
            <strong safe>{t('vacancy.requiresAk1')}</strong>
          </>
        ) : (
          ''
        )}
      </p>
      {children}
    </li>
  );
}
