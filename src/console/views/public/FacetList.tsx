import type { ConsoleContext } from '../../http/console-context.js';

export interface FacetListProps {
  c: ConsoleContext;
  title: string;
  /** The search parameter a facet sets. */
  param: string;
  counts: Record<string, number>;
  label: (code: string) => string;
  /** The current search, kept in each facet's link. */
  query: Record<string, string>;
}

/** The counts of one facet of the search results, each a link narrowing the search to it. */
export function FacetList({ c, title, param, counts, label, query }: FacetListProps): JSX.Element {
  const entries = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return '';
  const link = (code: string) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v && k !== 'page') p.set(k, v);
    p.set(param, code);
    return `/?${p.toString()}`;
  };
  return (
    <>
      <h3 class="meta" safe>
        {title}
      </h3>
      <ul class="facet">
        {entries.map(([code, n]) =>
          code === 'UNSPECIFIED' ? (
            <li>
              <span safe>{c.t('facet.unspecified')}</span>
              <span>{n}</span>
            </li>
          ) : (
            <li>
              <a href={link(code)} safe>
                {label(code)}
              </a>
              <span>{n}</span>
            </li>
          ),
        )}
      </ul>
    </>
  );
}
