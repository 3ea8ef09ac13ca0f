import { escapeHtml } from '@kitajs/html';
import type { EmployerView } from '../../../employers/employer.entity.js';
import type { Translator } from '../../i18n/i18n.js';
import { Notice } from '../shared/Notice.js';

/** What the company's status means for its staff, with the officer's reason when there is one. */
export function CompanyStatusNotice({ t, e }: { t: Translator; e: EmployerView }): JSX.Element {
  const reason = e.statusReason ? (
    <>
      <br />
      {escapeHtml(`${t('company.reason')}: ${e.statusReason}`)}
    </>
  ) : (
    ''
  );
  switch (e.status) {
    case 'PENDING':
      return (
        <Notice kind="warning">
          <strong safe>{t('company.pendingTitle')}</strong>
          <br />
          {escapeHtml(t('company.pending'))}
        </Notice>
      );
    case 'VERIFIED':
      return <Notice kind="success" text={t('company.verified', { date: t.date(e.verifiedAt) })} />;
    case 'REJECTED':
      return (
        <Notice kind="error">
          {escapeHtml(t('company.rejected'))}
          {reason}
        </Notice>
      );
    default:
      return (
        <Notice kind="error">
          {escapeHtml(t('company.suspended'))}
          {reason}
        </Notice>
      );
  }
}
