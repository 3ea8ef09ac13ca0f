import fc from 'fast-check';
import {
  fts5Query,
  INNODB_DEFAULTS,
  MAX_TERMS,
  mysqlTextPlan,
  searchTerms,
  searchWords,
  type InnodbFulltext,
} from '../../src/search/search-terms';

const WORD = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}]*$/u;

describe('searchWords / searchTerms', () => {
  it('cuts at anything but letters, digits and marks, lower-cased, and keeps the first 8 words', () => {
    expect(searchTerms('  Kasir   MINIMARKET ')).toEqual(['kasir', 'minimarket']);
    expect(searchTerms('SIM-B1, "supir" (truk) +antar -kota ~x @y <z> kasir*')).toEqual([
      'sim',
      'b1',
      'supir',
      'truk',
      'antar',
      'kota',
      'x',
      'y',
    ]);
    expect(searchTerms("o'neil snake_case 50%")).toEqual(['o', 'neil', 'snake', 'case', '50']);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(MAX_TERMS);
  });

  it('folds compatibility forms and keeps accented letters whole (the index folds the accents)', () => {
    expect(searchTerms('ｋａｓｉｒ ﬁlter')).toEqual(['kasir', 'filter']);
    expect(searchTerms('Café Ångström')).toEqual(['café', 'ångström']);
    expect(searchTerms('cafe\u0301')).toEqual(['café']); // NFKC composes the mark
  });

  it('finds no words in punctuation, symbols, emoji, invisible characters or nothing', () => {
    for (const q of [undefined, '', '   ', '!!!', '"', '*', '+-~<>()@', '\u200b\u200d', '🙂🙂', '\u0301', '%_!\\'])
      expect(searchTerms(q)).toEqual([]);
  });

  it('gives only words, at most 8, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (q) => {
        const terms = searchTerms(q);
        expect(terms.length).toBeLessThanOrEqual(MAX_TERMS);
        for (const t of terms) expect(t).toMatch(WORD);
      }),
      { numRuns: 500 },
    );
  });

  it('is the same tokenizer the stored text is cut with', () => {
    expect(searchWords('Staf Administrasi (Gudang) — Excel/Word').join(' ')).toBe(
      'staf administrasi gudang excel word',
    );
  });
});

describe('fts5Query', () => {
  it('quotes every term and lets only the last one be a prefix', () => {
    expect(fts5Query(['kasir', 'minim'])).toBe('"kasir" "minim"*');
    expect(fts5Query(['kasi'])).toBe('"kasi"*');
  });

  it('never lets a term out of its quotes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (q) => {
        const terms = searchTerms(q);
        if (terms.length === 0) return;
        expect(fts5Query(terms)).toMatch(/^("[^"]+" )*"[^"]+"\*$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('mysqlTextPlan', () => {
  it('looks up indexable words in the FULLTEXT index, the last as a prefix', () => {
    expect(mysqlTextPlan(['kasir', 'minimarket'], INNODB_DEFAULTS)).toEqual({
      against: '+kasir +minimarket*',
      likes: [],
    });
  });

  it('matches words the index cannot hold with LIKE over the padded words: short ones and stopwords', () => {
    expect(mysqlTextPlan(['di', 'gudang'], INNODB_DEFAULTS)).toEqual({ against: '+gudang*', likes: ['% di %'] });
    expect(mysqlTextPlan(['gudang', 'di'], INNODB_DEFAULTS)).toEqual({ against: '+gudang', likes: ['% di%'] });
    expect(mysqlTextPlan(['for', 'the', 'coffee'], INNODB_DEFAULTS)).toEqual({
      against: '+coffee*',
      likes: ['% for %', '% the %'],
    });
    expect(mysqlTextPlan(['it'], INNODB_DEFAULTS)).toEqual({ against: null, likes: ['% it%'] });
  });

  it('takes a last word that begins a stopword by LIKE: the index holds no "about" for "abo" to find', () => {
    expect(mysqlTextPlan(['kopi', 'abo'], INNODB_DEFAULTS)).toEqual({ against: '+kopi', likes: ['% abo%'] });
    expect(mysqlTextPlan(['abo', 'kopi'], INNODB_DEFAULTS)).toEqual({ against: '+abo +kopi*', likes: [] });
  });

  it('follows the server: token sizes counted in characters, its own stopword list', () => {
    const server: InnodbFulltext = { minTokenSize: 2, maxTokenSize: 5, stopwords: new Set(['dan']) };
    expect(mysqlTextPlan(['di', 'dan', 'ékspor', 'x'], server)).toEqual({
      against: '+di',
      likes: ['% dan %', '% ékspor %', '% x%'],
    });
  });

  it('takes a word with a letter outside the Latin script by LIKE: the server reads letters it does not know as separators', () => {
    // MariaDB's FULLTEXT parser splits `kasir龦` into `kasir` (U+9FA6 is newer than its tables) and would find every kasir.
    expect(mysqlTextPlan(['toko', 'kasir龦'], INNODB_DEFAULTS)).toEqual({ against: '+toko', likes: ['% kasir龦%'] });
    expect(mysqlTextPlan(['ⱥbcd', 'кассир', '收银员'], INNODB_DEFAULTS)).toEqual({
      against: null,
      likes: ['% ⱥbcd %', '% кассир %', '% 收银员%'],
    });
    expect(mysqlTextPlan(['pekerja', 'ékspor', 'ạnh', '2026'], INNODB_DEFAULTS)).toEqual({
      against: '+pekerja +ékspor +ạnh +2026*',
      likes: [],
    });
  });

  it('sends nothing but +word and a final * to the boolean parser', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (q) => {
        const { against, likes } = mysqlTextPlan(searchTerms(q), INNODB_DEFAULTS);
        if (against)
          expect(against).toMatch(/^(\+[\p{L}\p{N}][\p{L}\p{N}\p{M}]* )*\+[\p{L}\p{N}][\p{L}\p{N}\p{M}]*\*?$/u);
        for (const l of likes) expect(l).toMatch(/^% [\p{L}\p{N}][\p{L}\p{N}\p{M}]*( %|%)$/u);
      }),
      { numRuns: 500 },
    );
  });
});
