import type { ConsoleContext } from '../../http/console-context.js';
import type { PrintableCardView } from '../../view-models/cards.js';
import { Layout } from '../shared/Layout.js';

/**
 * The printable AK1 card at ID-1 size (85.60 × 53.98 mm), front and back. The NIK is printed: only
 * the holder and officers reach this page. The QR code carries the card check URL with the signed
 * credential, so any phone camera opens the public check page.
 */
export function PrintableCardPage({ c, vm }: { c: ConsoleContext; vm: PrintableCardView }): JSX.Element {
  const t = c.t;
  const { holder } = vm;
  const employer = vm.placement?.employerName ?? null;
  const tmt = vm.placement?.startDate ?? null;
  const officer = vm.signingOfficer;
  return (
    <Layout c={c} title={t('card.printTitle')} bodyClass="print-card">
      <div class="no-print">
        <p>
          <a href={vm.back} safe>
            {`← ${t('common.back')}`}
          </a>
        </p>
        <h1 safe>{t('card.printTitle')}</h1>
        <p safe>{t('card.printIntro')}</p>
        <p class="meta" safe>
          {t('card.tmtNote')}
        </p>
        <p>
          <button type="button" class="btn primary" data-print safe>
            {t('card.print')}
          </button>{' '}
          <a class="btn" href={vm.pdfUrl} download="" safe>
            {t('card.downloadPdf')}
          </a>
        </p>
      </div>
      <div class="ak1">
        <section class="idcard front" aria-label={t('card.front')}>
          <h2 safe>{t('card.formTitle')}</h2>
          <p class="org" safe>
            {vm.officeName}
          </p>
          <p class="num" safe>
            {vm.number ?? '–'}
          </p>
          {vm.photoUrl ? (
            <img class="photo" src={vm.photoUrl} alt={t('card.photo')} width="60" height="80" />
          ) : (
            <div class="photo placeholder" safe>
              {t('card.photoPlaceholder')}
            </div>
          )}
          <dl>
            <dt safe>{t('field.fullName')}</dt>
            <dd safe>{holder.fullName}</dd>
            <dt safe>{t('field.nik')}</dt>
            <dd safe>{holder.nik}</dd>
            <dt safe>{t('card.born')}</dt>
            <dd safe>{`${holder.birthPlace}, ${t.date(holder.birthDate)}`}</dd>
            <dt safe>{t('field.gender')}</dt>
            <dd safe>{t.label('gender', holder.gender)}</dd>
            <dt safe>{t('field.educationLevel')}</dt>
            <dd safe>{t.label('education', holder.educationLevel)}</dd>
            <dt safe>{t('field.validUntil')}</dt>
            <dd safe>{`${t.date(vm.issuedAt)} – ${t.date(vm.expiresAt)}`}</dd>
          </dl>
          {/* The QR library's SVG of a URL we build: trusted markup, shown as it is. */}
          {vm.qrSvg ? <div class="qr">{vm.qrSvg as 'safe'}</div> : ''}
        </section>
        <section class="idcard back" aria-label={t('card.back')}>
          <h2 safe>{t('card.reportsTitle')}</h2>
          <table>
            <thead>
              <tr>
                <th safe>{t('card.report')}</th>
                <th safe>{t('card.due')}</th>
                <th safe>{t('card.reportedOn')}</th>
                <th safe>{t('card.reportOfficer')}</th>
              </tr>
            </thead>
            <tbody>
              {vm.marks.map((mark, i) => (
                <tr>
                  <td>{i + 1}</td>
                  <td safe>{t.date(mark.due)}</td>
                  <td safe>{mark.reportedAt === null ? '' : t.date(mark.reportedAt)}</td>
                  <td safe>{mark.reportedAt === null ? '' : (mark.officer ?? '–')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="placed" safe>
            {`${t('card.placedWith')}: ${employer ?? '………………………'}`}
          </p>
          <p class="placed" safe>
            {`TMT: ${tmt ? t.date(tmt) : '………………'}`}
          </p>
          <div class="signer">
            <p safe>{t('card.signedBy')}</p>
            <p class="signer-name" safe>
              {officer.name || '( ……………………………… )'}
            </p>
            <p safe>{`NIP ${officer.nip || '……………………………'}`}</p>
          </div>
          <p class="note" safe>
            {t('card.backNote')}
          </p>
        </section>
      </div>
    </Layout>
  );
}
