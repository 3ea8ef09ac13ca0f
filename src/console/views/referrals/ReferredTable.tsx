import type { Translator } from '../../i18n/i18n.js';
import type { ReferredListView } from '../../view-models/referrals.js';
import { DataTable } from '../shared/DataTable.js';

/**
 * The job seekers referred to a vacancy (officers and the vacancy's employer): who, when, the officer's
 * note, and whether they have applied since. No contact details: those come with an application the
 * seeker agreed to share them with.
 */
export function ReferredTable({ t, vm }: { t: Translator; vm: ReferredListView }): JSX.Element {
  if (vm.rows.length === 0) return <p safe>{t('referral.noneReferred')}</p>;
  const columns = [
    { label: t('referral.seeker') },
    { label: t('referral.referredAt') },
    { label: t('referral.note') },
    { label: t('field.status') },
  ];
  return (
    <DataTable columns={columns}>
      {vm.rows.map((r) => (
        <tr>
          <td>
            <strong safe>{r.seeker.fullName}</strong>
            <br />
            <span class="meta" safe>
              {[t.label('education', r.seeker.educationLevel), ...r.seeker.skills].join(' · ')}
            </span>
          </td>
          <td safe>{t.date(r.referredAt)}</td>
          <td safe>{r.note ?? '–'}</td>
          <td safe>{r.applicationId ? t('referral.applied') : t('referral.notApplied')}</td>
        </tr>
      ))}
    </DataTable>
  );
}
