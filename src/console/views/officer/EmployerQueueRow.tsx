import type { ConsoleContext } from '../../http/console-context.js';
import type { EmployerRow } from '../../view-models/employers.js';
import { ConfirmAction } from '../shared/ConfirmAction.js';
import { PostButton } from '../shared/PostButton.js';
import { ReasonForm } from '../shared/ReasonForm.js';
import { StatusBadge } from '../shared/StatusBadge.js';

/** A company in the queue: its registration data, status and the officer's possible decisions. */
export function EmployerQueueRow({ c, row, back }: { c: ConsoleContext; row: EmployerRow; back: string }) {
  const t = c.t;
  const { employer: e, actions } = row;
  const path = `/petugas/perusahaan/${e.id}`;
  const ids = `NIB ${e.nib}${e.npwp ? ` · NPWP ${e.npwp}` : ''} · KBLI ${e.kbli}`;
  return (
    <tr>
      <td>
        <strong safe>{e.legalName}</strong>
        <br />
        <span class="meta" safe>
          {ids}
        </span>
        <br />
        <span class="meta" safe>
          {`${e.address} · ${e.phone}`}
        </span>
      </td>
      <td safe>{t.date(e.createdAt)}</td>
      <td>
        <StatusBadge t={t} group="employer" code={e.status} />
        {e.statusReason ? (
          <>
            <br />
            <span class="meta" safe>
              {e.statusReason}
            </span>
          </>
        ) : (
          ''
        )}
      </td>
      <td>
        {actions.verify ? (
          <ConfirmAction
            c={c}
            action={`${path}/verifikasi`}
            label={t('officer.verify')}
            question={t('officer.verifyQuestion', { name: e.legalName, nib: e.nib })}
            confirm={t('officer.verifyConfirm')}
            hidden={{ back }}
          />
        ) : (
          ''
        )}
        {actions.reject ? (
          <ReasonForm c={c} action={`${path}/tolak`} button={t('officer.reject')} hidden={{ back }} />
        ) : (
          ''
        )}
        {actions.suspend ? (
          <ReasonForm c={c} action={`${path}/tangguhkan`} button={t('officer.suspend')} hidden={{ back }} />
        ) : (
          ''
        )}
        {actions.reinstate ? (
          <PostButton c={c} action={`${path}/pulihkan`} label={t('officer.reinstate')} hidden={{ back }} />
        ) : (
          ''
        )}
      </td>
    </tr>
  );
}
