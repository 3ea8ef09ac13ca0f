import type { ReferenceListSummary } from '../../../reference/dto/reference.reply.js';
import type { ConsoleContext } from '../../http/console-context.js';
import { formatDate } from '../../i18n/format.js';
import { CsrfField } from '../shared/CsrfField.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';

export interface ReferenceListView extends ReferenceListSummary {
  /** The header line a newer file must have. */
  header: string;
}

export interface ReferenceView {
  lists: ReferenceListView[];
  /** The outcome of the last upload: which list, and a sentence already in the officer's language. */
  outcome: { list: string; kind: 'success' | 'error'; text: string } | null;
  /** Null when this officer may load newer lists; else the name of the office whose officers do. */
  loadedBy: string | null;
}

/** `/petugas/referensi`: the code lists with their counts, and a newer CSV per list. */
export function ReferencePage({ c, vm }: { c: ConsoleContext; vm: ReferenceView }): JSX.Element {
  const t = c.t;
  return (
    <Layout c={c} title={t('reference.title')}>
      <h1 safe>{t('reference.title')}</h1>
      <p safe>{t('reference.intro')}</p>
      {vm.loadedBy ? <Notice kind="info" text={t('reference.topOnly', { office: vm.loadedBy })} /> : ''}
      {vm.lists.map((l) => {
        const id = `ref-${l.list}`;
        const outcome = vm.outcome?.list === l.list ? vm.outcome : null;
        return (
          <section class="card stack" aria-labelledby={`${id}-title`}>
            <h2 id={`${id}-title`} safe>
              {t(`reference.list.${l.list}`)}
            </h2>
            <p safe>{t('reference.counts', { active: l.active, inactive: l.inactive })}</p>
            {l.updatedAt ? <p safe>{t('reference.updatedAt', { date: formatDate(l.updatedAt, c.lang) })}</p> : ''}
            {outcome ? <Notice kind={outcome.kind} text={outcome.text} /> : ''}
            {vm.loadedBy ? (
              ''
            ) : (
              <form
                method="post"
                action={`/petugas/referensi/${l.list}`}
                enctype="multipart/form-data"
                class="stack"
                novalidate
              >
                <CsrfField c={c} />
                <div class="field">
                  <label for={`${id}-file`} safe>
                    {t('reference.file')}
                  </label>
                  <p class="hint" id={`${id}-hint`} safe>
                    {t('reference.header', { header: l.header })}
                  </p>
                  <input
                    type="file"
                    id={`${id}-file`}
                    name="file"
                    accept=".csv,text/csv"
                    aria-describedby={`${id}-hint`}
                  />
                </div>
                <div class="actions">
                  <button class="btn secondary" type="submit" safe>
                    {t('reference.upload')}
                  </button>
                </div>
              </form>
            )}
          </section>
        );
      })}
    </Layout>
  );
}
