import { escapeHtml } from '@kitajs/html';
import type { Translator } from '../../i18n/i18n.js';
import type { OwnApplication } from '../../my-application.js';
import { Notice } from '../shared/Notice.js';

/** "Anda sudah melamar …": instead of the application form, once the job seeker has applied. */
export function AlreadyApplied({ t, applied }: { t: Translator; applied: OwnApplication }): JSX.Element {
  const text = t('vacancy.alreadyApplied', {
    date: t.date(applied.appliedAt),
    status: t.label('application', applied.status),
  });
  return (
    <Notice kind="info">
      {escapeHtml(text)}{' '}
      <a href="/saya/lamaran" safe>
        {t('nav.myApplications')}
      </a>
    </Notice>
  );
}
