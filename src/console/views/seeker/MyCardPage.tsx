import type { ConsoleContext } from '../../http/console-context.js';
import type { MyCardView } from '../../view-models/cards.js';
import { DataTable } from '../shared/DataTable.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';
import { validity } from '../shared/phrases.js';
import { PostButton } from '../shared/PostButton.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import type { DocumentsView } from '../../../documents/documents.service.js';
import { DocumentsPanel } from '../shared/DocumentsPanel.js';
import { CurrentCard } from './CurrentCard.js';
import { LatestCard } from './LatestCard.js';

/** "Kartu AK1 saya": the card held now (or the latest and the request button), then older cards. */
export function MyCardPage({ c, vm, docs }: { c: ConsoleContext; vm: MyCardView; docs: DocumentsView }): JSX.Element {
  const t = c.t;
  return (
    <Layout c={c} title={t('nav.myCard')}>
      <h1 safe>{t('nav.myCard')}</h1>
      <Flash c={c} flash={vm.flash} />
      {vm.current ? <CurrentCard c={c} card={vm.current} /> : ''}
      {vm.latest ? <LatestCard t={t} card={vm.latest} /> : ''}
      {vm.request === 'offer' ? (
        <>
          <h2 safe>{t('card.requestTitle')}</h2>
          <p safe>{t('card.requestIntro')}</p>
          <PostButton c={c} action="/saya/kartu/ajukan" label={t('card.requestSubmit')} kind="primary" />
        </>
      ) : (
        ''
      )}
      {vm.request === 'again' ? (
        <details>
          <summary safe>{t('card.lookingAgain')}</summary>
          <p safe>{t('card.lookingAgainIntro')}</p>
          <PostButton
            c={c}
            action="/saya/kartu/ajukan"
            label={t('card.requestAgain')}
            confirm={t('card.requestAgainConfirm')}
          />
        </details>
      ) : (
        ''
      )}
      {docs.checklist.length || docs.items.length || vm.request === 'offer' || vm.current?.status === 'PENDING' ? (
        <DocumentsPanel
          c={c}
          docs={docs}
          mode="seeker"
          uploadAction="/saya/dokumen"
          fileBase="/saya/dokumen"
          back="/saya/kartu"
        />
      ) : (
        ''
      )}
      {vm.history.length ? (
        <>
          <h2 safe>{t('card.history')}</h2>
          <DataTable
            columns={[{ label: t('field.cardNumber') }, { label: t('field.status') }, { label: t('field.validity') }]}
          >
            {vm.history.map((h) => (
              <tr>
                <td safe>{h.number ?? '–'}</td>
                <td>
                  <StatusBadge t={t} group="card" code={h.status} />
                </td>
                <td safe>{validity(t, h)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
