import type { VacancyView } from '../../../vacancies/vacancy.entity.js';
import type { ConsoleContext } from '../../http/console-context.js';
import { jobPosting, scriptJson } from '../../view-models/job-posting.js';
import { attributeValue } from '../shared/attribute.js';
import { vacancySummary } from '../shared/phrases.js';

/**
 * The <head> of a public vacancy page (texts escaped in full, as in inputs): Open Graph tags, so a link shared in a WhatsApp group shows a
 * proper preview (title, company, place, wage, a picture), and — while it takes applications — the
 * schema.org JobPosting as JSON-LD for search engines' job listings.
 */
export function VacancyMeta({ c, v, posting }: { c: ConsoleContext; v: VacancyView; posting: boolean }) {
  const url = `${c.origin}/lowongan/${v.id}`;
  const locality = v.kecamatanCode ? c.t.kecamatan(v.kecamatanCode) : null;
  // Escaped for a script element by scriptJson (no "<", ">" or "&" left): raw on purpose.
  const json = posting ? scriptJson(jobPosting(v, url, locality)) : null;
  return (
    <>
      <link rel="canonical" href={url} />
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={attributeValue(c.t('app.name'))} />
      <meta property="og:locale" content={c.lang === 'id' ? 'id_ID' : 'en_US'} />
      <meta property="og:title" content={attributeValue(`${v.title} · ${v.employer.legalName}`)} />
      <meta property="og:description" content={attributeValue(vacancySummary(c.t, v))} />
      <meta property="og:url" content={url} />
      <meta property="og:image" content={`${c.origin}/assets/og.png`} />
      <meta property="og:image:width" content="1200" />
      <meta property="og:image:height" content="630" />
      <meta property="og:image:alt" content={attributeValue(c.t('app.name'))} />
      <meta name="twitter:card" content="summary_large_image" />
      {json !== null ? <script type="application/ld+json">{json as 'safe'}</script> : ''}
    </>
  );
}
