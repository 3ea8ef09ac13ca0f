import type { MessageKey, Translator } from '../../i18n/i18n.js';
import { IMPORT_OPTIONAL_COLUMNS, IMPORT_REQUIRED_COLUMNS } from '../../../cards/card-import.service.js';
import { DataTable } from '../shared/DataTable.js';

/** The columns of the import file, what each holds and whether it must be there (folded). */
export function ImportColumns({ t }: { t: Translator }): JSX.Element {
  const row = (name: string, required: boolean) => (
    <tr>
      <td>
        <code safe>{name}</code>
      </td>
      <td safe>{t(`importcol.${name}` as MessageKey)}</td>
      <td safe>{required ? t('common.yes') : t('common.no')}</td>
    </tr>
  );
  return (
    <details>
      <summary safe>{t('import.columnsTitle')}</summary>
      <p class="meta" safe>
        {t('import.columns')}
      </p>
      <DataTable
        columns={[
          { label: t('import.column') },
          { label: t('import.columnMeaning') },
          { label: t('import.columnRequired') },
        ]}
        stacked={false}
      >
        {IMPORT_REQUIRED_COLUMNS.map((n) => row(n, true))}
        {IMPORT_OPTIONAL_COLUMNS.map((n) => row(n, false))}
      </DataTable>
    </details>
  );
}
