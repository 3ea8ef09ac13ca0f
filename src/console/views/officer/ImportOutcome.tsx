import type { ImportOutcome as Outcome } from '../../../cards/card-import.service.js';
import { importProblemText } from '../../i18n/import-problems.js';
import type { Translator } from '../../i18n/i18n.js';
import { DataTable } from '../shared/DataTable.js';
import { Notice } from '../shared/Notice.js';

/** What an import did: how many cards went in, and each rejected line with its column and reason. */
export function ImportOutcome({ t, report }: { t: Translator; report: Outcome }): JSX.Element {
  const rejected = report.rejected.length;
  const columns = [
    { label: t('import.line'), num: true },
    { label: t('import.column') },
    { label: t('import.problem') },
  ];
  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result" safe>
        {t('import.result')}
      </h2>
      <Notice
        kind={rejected ? 'warning' : 'success'}
        text={t('import.summary', { imported: report.imported, rejected })}
      />
      {rejected ? (
        <DataTable columns={columns} stacked={false} caption={t('import.rejectedCaption')}>
          {report.rejected.flatMap((r) =>
            r.errors.map((e, i) => (
              <tr>
                {i === 0 ? (
                  <th scope="row" class="num" rowspan={r.errors.length}>
                    {r.line}
                  </th>
                ) : (
                  ''
                )}
                <td>
                  <code safe>{e.field}</code>
                </td>
                <td safe>{e.problems.map((p) => importProblemText(t, e.field, p)).join(' ')}</td>
              </tr>
            )),
          )}
        </DataTable>
      ) : (
        ''
      )}
    </section>
  );
}
