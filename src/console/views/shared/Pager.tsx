import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { PagerModel } from '../../view-models/pager.js';

/** Previous / next links keeping the other query parameters; nothing when everything fits one page. */
export function Pager({ c, pager }: { c: ConsoleContext; pager: PagerModel }): JSX.Element {
  const { base, query, page, pageSize, total } = pager;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return '';
  const link = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (typeof v === 'string' && v !== '' && k !== 'page' && k !== 'ok' && k !== 'err') params.set(k, v);
    }
    params.set('page', String(p));
    return `${base}?${params.toString()}`;
  };
  return (
    <nav class="pager" aria-label={c.t('pager.label')}>
      {page > 1 ? (
        <a href={link(page - 1)} rel="prev">
          ← {escapeHtml(c.t('pager.prev'))}
        </a>
      ) : (
        ''
      )}
      <span safe>{c.t('pager.status', { page, pages })}</span>
      {page < pages ? (
        <a href={link(page + 1)} rel="next">
          {escapeHtml(c.t('pager.next'))} →
        </a>
      ) : (
        ''
      )}
    </nav>
  );
}
