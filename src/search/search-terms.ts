/** At most this many words of `q` are matched (the rest are ignored), as before. */
export const MAX_TERMS = 8;

/**
 * The words of a text, as search sees them: compatibility-normalised (fullwidth and ligature forms become
 * plain letters), lower-cased, cut at anything that is not a letter, digit or combining mark (punctuation,
 * quotes and query operators are separators, never syntax). A word starts with a letter or a digit.
 */
export function searchWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? []
  );
}

/** The words of a free-text query that every driver matches: the first 8. */
export function searchTerms(q: string | undefined): string[] {
  return q ? searchWords(q).slice(0, MAX_TERMS) : [];
}

/**
 * The FTS5 query of the terms: every term must be present (implicit AND), each quoted (a term is never
 * read as FTS5 syntax), the last also as a prefix (`kasi` finds `kasir`). FTS5's unicode61 tokenizer with
 * remove_diacritics folds case and diacritics on both sides.
 */
export function fts5Query(terms: string[]): string {
  return terms.map((t, i) => `"${t.replace(/"/g, '""')}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

/** What InnoDB's FULLTEXT index of the searchable rows can look up (read from the server at start). */
export interface InnodbFulltext {
  /** innodb_ft_min_token_size / innodb_ft_max_token_size, in characters. */
  minTokenSize: number;
  maxTokenSize: number;
  /** Words the index leaves out (InnoDB's default list, or the server's stopword table). */
  stopwords: ReadonlySet<string>;
}

/** InnoDB's built-in stopword list (INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD), the same on MySQL and MariaDB. */
export const INNODB_DEFAULT_STOPWORDS = [
  'a',
  'about',
  'an',
  'are',
  'as',
  'at',
  'be',
  'by',
  'com',
  'de',
  'en',
  'for',
  'from',
  'how',
  'i',
  'in',
  'is',
  'it',
  'la',
  'of',
  'on',
  'or',
  'that',
  'the',
  'this',
  'to',
  'und',
  'was',
  'what',
  'when',
  'where',
  'who',
  'will',
  'with',
  'www',
];

export const INNODB_DEFAULTS: InnodbFulltext = {
  minTokenSize: 3,
  maxTokenSize: 84,
  stopwords: new Set(INNODB_DEFAULT_STOPWORDS),
};

/**
 * How MySQL finds the terms: a boolean-mode `AGAINST` for those the FULLTEXT index can look up (`+word`, the
 * last `+word*`), and a LIKE pattern over the row's words (stored as ` word word `) for the others — words
 * shorter than the minimum token size, longer than the maximum, stopwords, and a last word that begins a
 * stopword (`abo` must find `about`, which the index does not hold). The LIKE patterns only test the rows the
 * other conditions already narrowed, unless every term needs one. Terms hold only letters, digits and marks
 * (see searchTerms), so neither boolean-mode operators nor LIKE wildcards can reach the database.
 *
 * A term with a letter outside the Latin script also goes to LIKE: the server's FULLTEXT parser knows letters
 * only from its own, older Unicode tables, and reads a letter it does not know (such as U+9FA6, or U+2C65 from
 * Latin Extended-C) as a separator — `kasir龦*` would find every `kasir`. The LIKE over the row's words, which
 * searchWords cut, agrees with the other drivers.
 */
/** Digits and the letters of Basic Latin, Latin-1, Latin Extended-A/B and Latin Extended Additional (lower case). */
const FULLTEXT_LETTERS = /^[0-9a-z\u00c0-\u024f\u1e00-\u1eff]+$/;

export function mysqlTextPlan(terms: string[], ft: InnodbFulltext): { against: string | null; likes: string[] } {
  const indexed: string[] = [];
  const likes: string[] = [];
  terms.forEach((t, i) => {
    const last = i === terms.length - 1;
    const length = [...t].length;
    const lookable =
      FULLTEXT_LETTERS.test(t) &&
      length >= ft.minTokenSize &&
      length <= ft.maxTokenSize &&
      !ft.stopwords.has(t) &&
      !(last && [...ft.stopwords].some((s) => s.startsWith(t)));
    if (lookable) indexed.push(last ? `+${t}*` : `+${t}`);
    else likes.push(last ? `% ${t}%` : `% ${t} %`);
  });
  return { against: indexed.length > 0 ? indexed.join(' ') : null, likes };
}
