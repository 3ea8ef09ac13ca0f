import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { ApplicantRow as Row } from '../../view-models/applications.js';
import { OverdueBadge } from '../shared/OverdueBadge.js';
import { PostButton } from '../shared/PostButton.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { ApplicantContact } from './ApplicantContact.js';
import { HireForm } from './HireForm.js';

export interface ApplicantRowProps {
  c: ConsoleContext;
  row: Row;
  vacancy: { id: string; title: string; kecamatanCode?: string | null };
  today: string;
}

/**
 * One applicant: who (and how to reach them, if they allowed it), when, the card as it is now, the
 * application's status and the decisions left.
 */
export function ApplicantRow({ c, row, vacancy, today }: ApplicantRowProps): JSX.Element {
  const t = c.t;
  const { item: a, actions } = row;
  const decide = `/perusahaan/lamaran/${a.id}/keputusan`;
  const skills = a.applicant.skills.length ? ` · ${a.applicant.skills.join(', ')}` : '';
  const profile = t.label('education', a.applicant.educationLevel) + skills;
  return (
    <tr>
      <td>
        <strong safe>{a.applicant.fullName}</strong>
        <br />
        <span class="meta" safe>
          {profile}
        </span>
        <ApplicantContact t={t} item={a} />
        {a.coverLetter ? (
          <details>
            <summary safe>{t('vacancy.coverLetter')}</summary>
            <p safe>{a.coverLetter}</p>
          </details>
        ) : (
          ''
        )}
      </td>
      <td safe>{t.date(a.appliedAt)}</td>
      <td>
        {a.card ? (
          <>
            {escapeHtml(a.card.cardNumber ?? '–')}
            <br />
            <StatusBadge t={t} group="card" code={a.card.status} />
            {a.card.reportOverdue ? (
              <>
                {' '}
                <OverdueBadge t={t} />
              </>
            ) : (
              ''
            )}
          </>
        ) : (
          <span class="badge b-none" safe>
            {t('employer.noCard')}
          </span>
        )}
      </td>
      <td>
        <StatusBadge t={t} group="application" code={a.status} />
        {a.closedReason ? (
          <>
            <br />
            <span class="meta" safe>
              {t.label('closedReason', a.closedReason)}
            </span>
          </>
        ) : (
          ''
        )}
      </td>
      <td>
        {actions.shortlist || actions.reject ? (
          <div class="actions">
            {actions.shortlist ? (
              <PostButton
                c={c}
                action={decide}
                label={t('employer.shortlist')}
                hidden={{ status: 'SHORTLISTED', vacancyId: vacancy.id }}
              />
            ) : (
              ''
            )}
            {actions.reject ? (
              <PostButton
                c={c}
                action={decide}
                label={t('employer.reject')}
                hidden={{ status: 'REJECTED', vacancyId: vacancy.id }}
                kind="danger"
                confirm={t('employer.rejectConfirm')}
              />
            ) : (
              ''
            )}
          </div>
        ) : (
          ''
        )}
        {actions.hire ? (
          <HireForm
            c={c}
            applicationId={a.id}
            applicantName={a.applicant.fullName}
            vacancy={vacancy}
            today={today}
            idem={row.idem}
          />
        ) : (
          ''
        )}
      </td>
    </tr>
  );
}
