import { escapeHtml } from '@kitajs/html';

export interface Kpi {
  label: string;
  value: string;
}

/** Key figures as tiles: the number large, what it counts below. */
export function KpiList({ kpis }: { kpis: Kpi[] }): JSX.Element {
  return (
    <ul class="kpis">
      {kpis.map((k) => (
        <li>
          <strong safe>{k.value}</strong>
          {escapeHtml(k.label)}
        </li>
      ))}
    </ul>
  );
}
