import type { DocumentsView } from '../../../documents/documents.service.js';
import type { SeekerView } from '../../../seekers/seeker.entity.js';
import { DocumentsPanel } from '../shared/DocumentsPanel.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FlashModel } from '../../view-models/flash.js';
import { Fact } from '../shared/Fact.js';
import { Facts } from '../shared/Facts.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';
import { PostButton } from '../shared/PostButton.js';

export interface SeekerDeskView {
  flash: FlashModel;
  seeker: SeekerView;
  /** The seeker has no login yet: the officer may make a claim code for them. */
  canClaim: boolean;
  /** The seeker's documents and the checklist the walk-in card needs. */
  docs: DocumentsView;
}

/** A job seeker as the officer sees it (GET /seekers/:id), with "issue a card" at the counter (POST /cards). */
export function SeekerDeskPage({ c, vm }: { c: ConsoleContext; vm: SeekerDeskView }): JSX.Element {
  const t = c.t;
  const s = vm.seeker;
  const address = `${s.address}${s.kecamatanCode ? ` (${t.kecamatan(s.kecamatanCode)})` : ''}`;
  const education = [
    t.label('education', s.educationLevel),
    s.major ? ` · ${s.major}` : '',
    s.graduationYear ? ` (${s.graduationYear})` : '',
  ].join('');
  return (
    <Layout c={c} title={s.fullName}>
      <p>
        <a href="/petugas/pencari-kerja/baru" safe>
          {`← ${t('nav.walkIn')}`}
        </a>
      </p>
      <h1 safe>{s.fullName}</h1>
      {vm.flash.err === 'CARD_ALREADY_HELD' ? (
        <Notice kind="error" text={t('walkIn.alreadyHolds')} />
      ) : (
        <Flash c={c} flash={vm.flash} />
      )}
      <Facts>
        <Fact label={t('field.nik')} text={s.nik} />
        <Fact label={t('card.born')} text={`${s.birthPlace}, ${t.date(s.birthDate)}`} />
        <Fact label={t('field.gender')} text={t.label('gender', s.gender)} />
        <Fact label={t('field.address')} text={address} />
        <Fact label={t('field.phone')} text={s.phone ?? '–'} />
        <Fact label={t('field.maritalStatus')} text={t.label('marital', s.maritalStatus)} />
        <Fact label={t('field.educationLevel')} text={education} />
        <Fact label={t('field.skills')} text={s.skills.length ? s.skills.join(', ') : '–'} />
        <Fact label={t('experience.title')}>
          {s.experience.length ? (
            <ul>
              {s.experience.map((e) => (
                <li safe>{`${e.position}, ${e.company} (${e.fromYear}–${e.toYear ?? t('experience.now')})`}</li>
              ))}
            </ul>
          ) : (
            '–'
          )}
        </Fact>
      </Facts>
      <DocumentsPanel
        c={c}
        docs={vm.docs}
        mode="officer"
        uploadAction={`/petugas/pencari-kerja/${s.id}/dokumen`}
        fileBase="/petugas/dokumen"
        back={`/petugas/pencari-kerja/${s.id}`}
      />
      <h2 safe>{t('walkIn.cardTitle')}</h2>
      <p safe>{t('walkIn.cardIntro')}</p>
      <div class="actions">
        <PostButton
          c={c}
          action={`/petugas/pencari-kerja/${s.id}/kartu`}
          label={t('walkIn.issue')}
          kind="primary"
          confirm={t('walkIn.issueConfirm', { name: s.fullName })}
        />
      </div>
      <h2 safe>{t('claim.deskTitle')}</h2>
      {vm.canClaim ? (
        <>
          <p safe>{t('claim.deskIntro')}</p>
          <div class="actions">
            <PostButton
              c={c}
              action={`/petugas/pencari-kerja/${s.id}/kode-klaim`}
              label={t('claim.issue')}
              confirm={t('claim.issueConfirm', { name: s.fullName })}
            />
          </div>
        </>
      ) : (
        <p safe>{t('claim.deskHasLogin')}</p>
      )}
    </Layout>
  );
}
