import type { ParticipationRow } from '../../../monitoring/monitoring.service.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { PagerModel } from '../../view-models/pager.js';
import { DataTable } from '../shared/DataTable.js';
import { Field } from '../shared/Field.js';
import { Layout } from '../shared/Layout.js';
import { Pager } from '../shared/Pager.js';
import { OfficePicker, PlaceHeading, placeQuery, type ReportPlace } from './OfficePicker.js';
import { PeriodForm } from './PeriodForm.js';

export interface OutreachView {
  from: string;
  to: string;
  /** Only employers that closed vacancies in the period without saying who they hired. */
  silentClosures: boolean;
  rows: ParticipationRow[];
  total: number;
  pager: PagerModel;
  /** The office whose employers are listed (and the picker, for an officer with offices below). */
  place?: ReportPlace;
}

/** "Kirim sosialisasi" starts from this list's filters: verified employers not taking part in the period (or silent). */
const campaignQuery = (from: string, to: string, silent: boolean) =>
  new URLSearchParams({
    ...(silent ? { silentClosures: 'true' } : { participating: 'false' }),
    status: 'VERIFIED',
    from,
    to,
  }).toString();

/** Verified employers that did not take part in the period: whom the office should call. */
export function OutreachPage({ c, vm }: { c: ConsoleContext; vm: OutreachView }): JSX.Element {
  const t = c.t;
  const { from, to, silentClosures } = vm;
  const filter = (silentClosures ? '&silentClosures=true' : '') + placeQuery(vm.place);
  const columns = [
    { label: t('field.employer') },
    { label: t('field.companyPhone') },
    { label: t('outreach.vacancies'), num: true },
    { label: t('outreach.validations'), num: true },
    { label: t('outreach.hires'), num: true },
    { label: t('outreach.lastActivity') },
  ];
  return (
    <Layout c={c} title={t('nav.outreach')}>
      <PlaceHeading c={c} title={t('nav.outreach')} place={vm.place} />
      <p safe>{t(silentClosures ? 'outreach.silentClosuresHint' : 'outreach.intro')}</p>
      <OfficePicker
        c={c}
        place={vm.place}
        action="/petugas/penjangkauan"
        keep={{ from, to, silentClosures: silentClosures ? 'true' : undefined }}
      />
      <PeriodForm
        c={c}
        action="/petugas/penjangkauan"
        from={from}
        to={to}
        place={vm.place}
        before={
          <Field
            name="silentClosures"
            label={t('outreach.silentClosures')}
            type="checkbox"
            values={{ silentClosures: silentClosures ? 'true' : '' }}
            hint={t('outreach.silentClosuresHint')}
          />
        }
      >
        {' '}
        <a class="btn secondary" href={`/petugas/penjangkauan.csv?from=${from}&to=${to}${filter}`} download="" safe>
          {t('outreach.csv')}
        </a>
      </PeriodForm>
      <p role="status">
        <strong safe>
          {t(silentClosures ? 'outreach.silentCount' : 'outreach.count', {
            n: vm.total,
            from: t.date(from),
            to: t.date(to),
          })}
        </strong>
      </p>
      <div class="actions">
        <a
          class="btn primary"
          href={`/petugas/penjangkauan/kampanye/baru?${campaignQuery(from, to, silentClosures)}`}
          safe
        >
          {t('outreach.send')}
        </a>
        <a class="btn secondary" href="/petugas/penjangkauan/kampanye" safe>
          {t('outreach.history')}
        </a>
      </div>
      {vm.rows.length ? (
        <DataTable columns={columns} stacked={false}>
          {vm.rows.map((e) => (
            <tr>
              <td>
                <strong safe>{e.legalName}</strong>
                <br />
                <span class="meta" safe>
                  {`KBLI ${e.kbli} · ${t.kecamatan(e.kecamatanCode)}`}
                </span>
              </td>
              <td>
                <a href={`tel:${e.phone.replace(/[^0-9+]/g, '')}`} safe>
                  {e.phone}
                </a>
              </td>
              <td class="num">{e.vacanciesPosted}</td>
              <td class="num">{e.validations}</td>
              <td class="num">{e.hires}</td>
              <td safe>{e.lastActivityAt === null ? '–' : t.date(e.lastActivityAt)}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        ''
      )}
      <Pager c={c} pager={vm.pager} />
    </Layout>
  );
}
