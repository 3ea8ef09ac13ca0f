import type { MessageKey, Translator } from '../../i18n/i18n.js';
import { DataTable } from '../shared/DataTable.js';

const REQUIRED = [
  'cardNumber',
  'nik',
  'fullName',
  'birthPlace',
  'birthDate',
  'gender',
  'address',
  'educationLevel',
  'issuedAt',
  'status',
];
const OPTIONAL = [
  'expiresAt',
  'nextReportDue',
  'maritalStatus',
  'phone',
  'kecamatanCode',
  'major',
  'graduationYear',
  'skills',
  'placementEmployerName',
  'placementStartDate',
  'statusReason',
];

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
        {REQUIRED.map((n) => row(n, true))}
        {OPTIONAL.map((n) => row(n, false))}
      </DataTable>
    </details>
  );
}
