import fc from 'fast-check';
import { In } from 'typeorm';
import { SearchIndexer } from '../../src/search/search-indexer';
import { searchTerms, searchWords } from '../../src/search/search-terms';
import { SearchOutboxEntry } from '../../src/search/search-outbox.entity';
import { Vacancy, type VacancyView } from '../../src/vacancies/vacancy.entity';
import { MeiliStandIn } from '../support/meili-stand-in';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  postVacancy,
  uniq,
  verifiedEmployer,
  type EmployerSession,
  type Session,
} from '../support/factories';

const V = '/api/v1/vacancies';

interface Backend {
  env: Record<string, string>;
  meili: boolean;
  /** How many searches the index itself answered, when the backend can tell. */
  searchesServed?: () => number;
  cleanup?: () => Promise<void>;
}

/** Calendar date `days` after the test clock's today. */
function inDays(t: TestApp, days: number): string {
  const [y, m, d] = t.clock.today().split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A word as every driver compares it: accents folded (the indexes fold them, the stored text keeps them). */
const fold = (w: string) => w.normalize('NFKD').replace(/\p{M}/gu, '');

/** Delivers the outbox until nothing due is left (no-op with the database driver). */
async function sync(t: TestApp): Promise<void> {
  const indexer = t.app.get(SearchIndexer);
  if (!indexer.enabled) return;
  for (let i = 0; i < 20; i++) {
    const r = await indexer.drainOnce();
    if (r.failed > 0) throw new Error('outbox delivery failed during sync');
    if (r.delivered === 0) return;
  }
}

/**
 * One search behaviour, run against every driver: a fixture of four searchable vacancies of one
 * employer (plus ones that must never show), and the filters, sorts, facets and pages over it.
 * Queries name the fixture's employer so data of other tests in a shared database cannot interfere.
 */
function searchBehaviour(name: string, backend: () => Promise<Backend>) {
  describe(`vacancy search behaviour (${name})`, () => {
    let t: TestApp;
    let be: Backend;
    let officer: Session;
    let emp: EmployerSession;
    let token: string;
    const ids: Record<string, string> = {};

    let searches = 0;
    const search = async (query: Record<string, string | number | boolean>) => {
      const res = await t.http.get(V).query({ employerId: emp.employerId, ...query });
      if (res.status !== 200) throw new Error(`search failed: ${res.status} ${JSON.stringify(res.body)}`);
      searches += 1;
      return res.body as {
        items: { id: string }[];
        total: number;
        page: number;
        pageSize: number;
        facets: Record<string, Record<string, number>>;
      };
    };
    const names = (body: { items: { id: string }[] }) =>
      body.items.map((v) => Object.keys(ids).find((k) => ids[k] === v.id) ?? v.id);

    beforeAll(async () => {
      be = await backend();
      t = await startApp(be.env);
      officer = await makeOfficer(t);
      token = uniq('zq').toLowerCase();
      emp = await verifiedEmployer(t, officer, { legalName: `PT Sinar ${token}` });
      t.clock.set(new Date());
      const step = () => t.clock.advance(60_000);
      ids.supir = (
        await postVacancy(t, emp, {
          title: 'Supir Truk Ekspedisi',
          description: 'Mengantar barang antar kota di Sumatera Selatan.',
          skills: ['SIM B1', 'mengemudi'],
          employmentType: 'FULL_TIME',
          kecamatanCode: '16.71.05',
          educationMin: 'SMA',
          salaryMin: 4_000_000,
          salaryMax: 5_000_000,
          requiresAk1: true,
          closesAt: inDays(t, 20),
        })
      ).id;
      step();
      ids.kasir = (
        await postVacancy(t, emp, {
          title: 'Kasir Minimarket',
          description: 'Melayani pembayaran pelanggan dengan ramah.',
          skills: ['kasir', 'pelayanan pelanggan'],
          employmentType: 'PART_TIME',
          kecamatanCode: '16.71.06',
          educationMin: 'SMP',
          salaryMin: 2_500_000,
          salaryMax: 3_000_000,
          requiresAk1: false,
          closesAt: inDays(t, 10),
        })
      ).id;
      step();
      ids.admin = (
        await postVacancy(t, emp, {
          title: 'Staf Administrasi Gudang',
          description: 'Mencatat stok barang, menguasai Microsoft Excel.',
          skills: ['excel', 'arsip'],
          employmentType: 'CONTRACT',
          kecamatanCode: undefined,
          educationMin: 'D3',
          salaryMin: 4_500_000,
          salaryMax: undefined,
          requiresAk1: true,
          closesAt: inDays(t, 40),
        })
      ).id;
      step();
      ids.teknisi = (
        await postVacancy(t, emp, {
          title: 'Teknisi Listrik',
          description: 'Memasang dan merawat instalasi listrik gedung.',
          skills: ['listrik', 'instalasi'],
          employmentType: 'FULL_TIME',
          kecamatanCode: '16.71.05',
          educationMin: 'SMK',
          salaryMin: undefined,
          salaryMax: undefined,
          requiresAk1: true,
          closesAt: inDays(t, 5),
        })
      ).id;
      step();
      // Never searchable: a draft, and one closed after it was published.
      ids.draft = (await postVacancy(t, emp, { title: 'Supir Draft', status: 'DRAFT' })).id;
      ids.closed = (await postVacancy(t, emp, { title: 'Supir Ditutup' })).id;
      await t.http.post(`${V}/${ids.closed}/close`).set(bearer(emp)).send({}).expect(200);
      await sync(t);
    });
    afterAll(async () => {
      await t?.close();
      await be?.cleanup?.();
    });

    it('returns only OPEN vacancies of the employer, newest first, with facets summing to the total', async () => {
      const body = await search({});
      expect(names(body)).toEqual(['teknisi', 'admin', 'kasir', 'supir']);
      expect(body).toMatchObject({ total: 4, page: 1, pageSize: 20 });
      expect(body.facets).toEqual({
        employmentType: { FULL_TIME: 2, PART_TIME: 1, CONTRACT: 1 },
        kecamatanCode: { '16.71.05': 2, '16.71.06': 1, UNSPECIFIED: 1 },
        educationMin: { SMA: 1, SMP: 1, D3: 1, SMK: 1 },
      });
      for (const facet of Object.values(body.facets))
        expect(Object.values(facet).reduce((a, b) => a + b, 0)).toBe(body.total);
    });

    it('shows each item as the API shows a vacancy', async () => {
      const body = await search({ q: 'kasir' });
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({
        id: ids.kasir,
        status: 'OPEN',
        title: 'Kasir Minimarket',
        employer: { id: emp.employerId, legalName: `PT Sinar ${token}` },
        remaining: 2,
      });
    });

    it('matches every word of q, in any order and any case, across title, description, skills and employer name', async () => {
      expect(names(await search({ q: 'truk supir' }))).toEqual(['supir']);
      expect(names(await search({ q: 'SUPIR Truk' }))).toEqual(['supir']);
      expect(names(await search({ q: 'excel gudang' }))).toEqual(['admin']); // description + title
      expect(names(await search({ q: 'instalasi' }))).toEqual(['teknisi']); // skills (and description)
      expect(names(await search({ q: 'mengemudi' }))).toEqual(['supir']); // skills only
      expect(names(await search({ q: `${token} kasir` }))).toEqual(['kasir']); // employer name + title
      expect((await search({ q: `${token.toUpperCase()}` })).total).toBe(4);
      expect((await search({ q: 'supir kasir' })).total).toBe(0); // every word must match one vacancy
    });

    it('filters by education: open to someone with that level (SMA and SMK rank equal)', async () => {
      expect(names(await search({ educationLevel: 'SMA' }))).toEqual(['teknisi', 'kasir', 'supir']);
      expect(names(await search({ educationLevel: 'SMK' }))).toEqual(['teknisi', 'kasir', 'supir']);
      expect(names(await search({ educationLevel: 'S1' }))).toEqual(['teknisi', 'admin', 'kasir', 'supir']);
      expect((await search({ educationLevel: 'SD' })).total).toBe(0);
    });

    it('filters by kecamatan, employment type, AK1 requirement, minimum salary and employer', async () => {
      expect(names(await search({ kecamatanCode: '16.71.05' }))).toEqual(['teknisi', 'supir']);
      // The regency of the work place (kecamatan 16.71.xx); one without a kecamatan is in none.
      expect(names(await search({ regencyCode: '1671' }))).toEqual(['teknisi', 'kasir', 'supir']);
      expect((await search({ regencyCode: '1672' })).total).toBe(0);
      expect(names(await search({ employmentType: 'PART_TIME' }))).toEqual(['kasir']);
      expect(names(await search({ requiresAk1: false }))).toEqual(['kasir']);
      expect(names(await search({ requiresAk1: true }))).toEqual(['teknisi', 'admin', 'supir']);
      // Top of the range reaches the amount: salaryMax, else salaryMin; no stated wage never matches.
      expect(names(await search({ salaryMin: 4_500_000 }))).toEqual(['admin', 'supir']);
      expect(names(await search({ salaryMin: 5_000_001 }))).toEqual([]);
      const other = await verifiedEmployer(t, officer);
      expect((await search({ employerId: other.employerId })).total).toBe(0);
    });

    it('combines filters, and counts facets over the filtered set', async () => {
      const body = await search({
        employmentType: 'FULL_TIME',
        kecamatanCode: '16.71.05',
        educationLevel: 'SMA',
        salaryMin: 4_000_000,
        q: 'truk',
      });
      expect(names(body)).toEqual(['supir']);
      const wide = await search({ requiresAk1: true, kecamatanCode: '16.71.05' });
      expect(wide.facets).toEqual({
        employmentType: { FULL_TIME: 2 },
        kecamatanCode: { '16.71.05': 2 },
        educationMin: { SMA: 1, SMK: 1 },
      });
    });

    it('sorts by newest, closing soonest and salary (no stated wage last)', async () => {
      expect(names(await search({ sort: 'newest' }))).toEqual(['teknisi', 'admin', 'kasir', 'supir']);
      expect(names(await search({ sort: 'closing' }))).toEqual(['teknisi', 'kasir', 'supir', 'admin']);
      expect(names(await search({ sort: 'salary' }))).toEqual(['supir', 'admin', 'kasir', 'teknisi']);
    });

    it('pages through the results, with the total and facets of the whole set', async () => {
      const p2 = await search({ pageSize: 3, page: 2 });
      expect(names(p2)).toEqual(['supir']);
      expect(p2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(p2.facets.employmentType).toEqual({ FULL_TIME: 2, PART_TIME: 1, CONTRACT: 1 });
      expect((await search({ pageSize: 3, page: 3 })).items).toEqual([]);
    });

    it('follows edits and closes', async () => {
      const v = await postVacancy(t, emp, { title: 'Barista Kopi', closesAt: inDays(t, 15) });
      await sync(t);
      expect(names(await search({ q: 'barista' }))).toEqual([v.id]);
      await t.http.patch(`${V}/${v.id}`).set(bearer(emp)).send({ title: 'Peracik Kopi' }).expect(200);
      await sync(t);
      expect((await search({ q: 'barista' })).total).toBe(0);
      expect(names(await search({ q: 'peracik' }))).toEqual([v.id]);
      await t.http.post(`${V}/${v.id}/close`).set(bearer(officer)).send({}).expect(200);
      await sync(t);
      expect((await search({ q: 'peracik' })).total).toBe(0);
    });

    it("drops a suspended employer's vacancies from search and brings them back on reinstatement", async () => {
      const e = await verifiedEmployer(t, officer);
      const v = await postVacancy(t, e, { closesAt: inDays(t, 15) });
      await sync(t);
      expect(names(await search({ employerId: e.employerId }))).toEqual([v.id]);
      await t.http
        .post(`/api/v1/employers/${e.employerId}/suspend`)
        .set(bearer(officer))
        .send({ reason: 'Perlu diperiksa' })
        .expect(200);
      await sync(t);
      expect(await search({ employerId: e.employerId })).toMatchObject({ total: 0, items: [] });
      await t.http.post(`/api/v1/employers/${e.employerId}/reinstate`).set(bearer(officer)).expect(200);
      await sync(t);
      expect(names(await search({ employerId: e.employerId }))).toEqual([v.id]);
    });

    it('matches whole words, the last one also as a prefix, whatever their case or accents', async () => {
      const e = await verifiedEmployer(t, officer);
      const cafe = (
        await postVacancy(t, e, {
          title: 'Barista Café Kopi Susu',
          description: 'Menyajikan minuman untuk tamu.',
          skills: ['Espresso'],
        })
      ).id;
      const roti = (
        await postVacancy(t, e, { title: 'Kasir Toko Roti', description: 'Melayani pembeli.', skills: ['kasir'] })
      ).id;
      await sync(t);
      const found = async (q: string) =>
        (await search({ employerId: e.employerId, q })).items
          .map((v) => ({ [cafe]: 'cafe', [roti]: 'roti' })[v.id] ?? v.id)
          .sort();
      expect(await found('kasi')).toEqual(['roti']); // the last word is also a prefix
      expect(await found('roti kasi')).toEqual(['roti']);
      expect(await found('kasi roti')).toEqual([]); // any other word is a whole word
      expect(await found('ROTI kasir TOKO')).toEqual(['roti']);
      expect(await found('cafe')).toEqual(['cafe']); // accents fold on either side
      expect(await found('CAFÉ kopi')).toEqual(['cafe']);
      expect(await found('kopi cafe\u0301')).toEqual(['cafe']); // é written as e + combining accent
      // Letters beyond the Basic Multilingual Plane are letters of their own: a query's 𐌭 (Gothic) does not find
      // another such letter (a MySQL collation that weighs them all alike once made it; property-found).
      const gothic = (await postVacancy(t, e, { title: 'Penjaga 𐍈𐍈 Toko', description: 'Menjaga toko.' })).id;
      await sync(t);
      expect(await found('penjaga 𐌭')).toEqual([]);
      expect(await found('penjaga 𐍈')).toEqual([gothic]);
      expect(await found('espres')).toEqual(['cafe']);
      expect(await found('espres kopi')).toEqual([]);
    });

    it('finds short words and the words MySQL full-text leaves out (stopwords) like any other', async () => {
      const e = await verifiedEmployer(t, officer);
      const ids = {
        gudang: (
          await postVacancy(t, e, {
            title: 'Operator Forklift di Gudang',
            description: 'Shift pagi.',
            skills: ['forklift'],
          })
        ).id,
        dinas: (
          await postVacancy(t, e, { title: 'Admin Dinas Sosial', description: 'Arsip surat.', skills: ['excel'] })
        ).id,
        coffee: (
          await postVacancy(t, e, {
            title: 'Barista for the Coffee Shop',
            description: 'Work in a team with us, all about coffee.',
            skills: ['IT'],
          })
        ).id,
      };
      await sync(t);
      const found = async (q: string) =>
        (await search({ employerId: e.employerId, q })).items
          .map((v) => Object.keys(ids).find((k) => ids[k as keyof typeof ids] === v.id))
          .sort();
      expect(await found('di gudang')).toEqual(['gudang']); // "di" whole: not "dinas"
      expect(await found('gudang di')).toEqual(['gudang']);
      expect(await found('admin di')).toEqual(['dinas']); // last: a prefix of "dinas"
      expect(await found('di admin')).toEqual([]);
      expect(await found('di')).toEqual(['dinas', 'gudang']);
      expect(await found('a')).toEqual(['coffee', 'dinas']); // "a", "admin", "arsip", "all", "about"
      expect(await found('for the coffee')).toEqual(['coffee']);
      expect(await found('with us in a team')).toEqual(['coffee']);
      expect(await found('the')).toEqual(['coffee']);
      expect(await found('it')).toEqual(['coffee']);
      expect(await found('coffee abo')).toEqual(['coffee']); // a prefix of the stopword "about"
      expect(await found('for gudang')).toEqual([]);
    });

    it('reads quotes, operators and odd characters as separators, never as query syntax', async () => {
      expect(await names(await search({ q: "kasir' OR '1'='1" }))).toEqual([]); // or, 1 and 1 are words to find too
      const kasir = async (q: string) => names(await search({ q }));
      for (const q of ['"kasir', 'kasir"', '+kasir', 'kasir*', '(kasir)', '~kasir', '@kasir', '<kasir>', 'kasir;--'])
        expect(await kasir(q)).toEqual(['kasir']);
      for (const q of ['%kasir%', "kasir';--", 'kasir\\', 'ｋａｓｉｒ', 'kasir🙂', '\u200bkasir', 'KASIR!!!'])
        expect(await kasir(q)).toEqual(['kasir']);
      expect(await kasir('+kasir -supir')).toEqual([]); // every word must match: "-" is no operator
      // One word whose last letter MariaDB's FULLTEXT parser does not know (it would read `kasir` + separator).
      for (const q of ['kasir龦', 'kasirⱥ', 'ⱥkasir']) expect(await kasir(q)).toEqual([]);
      expect(await kasir('"supir truk" | kasir')).toEqual([]);
      // No words at all: no text condition.
      for (const q of ['!!!', '"', '*', '+-~<>()@', '%_', '\u200b', '🙂', '\u0301', '\\'])
        expect((await search({ q })).total).toBe(4);
      for (const q of ['x'.repeat(200), '𝕏'.repeat(100), 'كاشير', '收银员', 'ก'.repeat(50), "' OR 1=1 --"])
        expect((await search({ q })).total).toBe(0);
      // At most 8 words count: the ninth is ignored.
      expect(await kasir('kasir minimarket pelayanan pelanggan dengan ramah kasir kasir zzzz')).toEqual(['kasir']);
    });

    it('answers any q with items that hold every word, and facets that sum to the total', async () => {
      const vocabulary = ['kasir', 'supir', 'truk', 'listrik', 'barang', 'gudang', 'ka', 'excel', 'sinar', token];
      const q = fc.array(
        fc.oneof(
          fc.constantFrom(...vocabulary),
          fc.constantFrom('"', '+', '-', '*', '(', ')', '~', '@', '<', '>', '%', '_', "'", '\\', 'É', 'Ｋ', '🙂'),
          fc.string({ unit: 'binary', maxLength: 5 }),
        ),
        { maxLength: 6 },
      );
      await fc.assert(
        fc.asyncProperty(q, fc.constantFrom(' ', '', '-', '  '), async (parts, glue) => {
          const text = parts.join(glue);
          const body = await search({ q: text.slice(0, 200) });
          const terms = searchTerms(text.slice(0, 200));
          for (const item of body.items as unknown as VacancyView[]) {
            const words = searchWords(
              [item.title, item.description, ...item.skills, item.employer.legalName].join(' '),
            ).map(fold);
            terms.map(fold).forEach((term, i) => {
              const last = i === terms.length - 1;
              expect(words.some((w) => w === term || (last && w.startsWith(term)))).toBe(true);
            });
          }
          for (const facet of Object.values(body.facets))
            expect(Object.values(facet).reduce((a, b) => a + b, 0)).toBe(body.total);
        }),
        { numRuns: 40 },
      );
    });

    it('pages through every sort without overlap or gap', async () => {
      for (const sort of ['newest', 'closing', 'salary']) {
        const whole = names(await search({ sort, pageSize: 20 }));
        const paged: string[] = [];
        for (let page = 1; page <= 5; page++) paged.push(...names(await search({ sort, pageSize: 1, page })));
        expect(paged).toEqual(whole);
      }
    });

    it('refuses malformed filters with field-level errors', async () => {
      for (const [field, value] of [
        ['educationLevel', 'SLTA'],
        ['requiresAk1', 'maybe'],
        ['pageSize', '101'],
        ['sort', 'random'],
        ['kecamatanCode', '99.99.99'],
        ['regencyCode', '16.71'],
        ['salaryMin', 'lots'],
      ]) {
        const res = await t.http
          .get(V)
          .query({ [field]: value })
          .expect(400);
        expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      }
    });

    // Declared last so it runs after every search above.
    if (name.includes('stand-in')) {
      it('answered every one of those searches from the index, never by falling back to the database', () => {
        expect(searches).toBeGreaterThan(30);
        expect(be.searchesServed?.()).toBe(searches);
      });
    }
  });
}

searchBehaviour('database driver', async () => ({ env: { SEARCH_DRIVER: 'database' }, meili: false }));

searchBehaviour('meilisearch driver against the local stand-in', async () => {
  const standIn = new MeiliStandIn('stand-in-key');
  await standIn.start();
  return {
    env: {
      SEARCH_DRIVER: 'meilisearch',
      MEILI_HOST: standIn.url,
      MEILI_API_KEY: 'stand-in-key',
      MEILI_INDEX: uniq('vacancies_'),
    },
    meili: true,
    searchesServed: () => standIn.requests.filter((r) => r.path.endsWith('/search')).length,
    cleanup: async () => {
      await standIn.stop();
      expect(standIn.violations).toEqual([]);
    },
  };
});

(process.env.MEILI_HOST ? searchBehaviour : () => undefined)('meilisearch driver against MEILI_HOST', async () => {
  const index = uniq('vacancies_test_');
  return {
    env: { SEARCH_DRIVER: 'meilisearch', MEILI_INDEX: index },
    meili: true,
    cleanup: async () => {
      const { Meilisearch } = await import('meilisearch');
      await new Meilisearch({ host: process.env.MEILI_HOST!, apiKey: process.env.MEILI_API_KEY })
        .deleteIndex(index)
        .waitTask();
    },
  };
});

describe('meilisearch driver: settings, reindex, outage and recovery (stand-in)', () => {
  let standIn: MeiliStandIn;
  let t: TestApp;
  let officer: Session;
  let emp: EmployerSession;
  let indexName: string;

  /** Ids the index holds for this employer, and the ids the database says are searchable. */
  const indexed = () =>
    standIn
      .documents(indexName)
      .filter((d) => d.employerId === emp.employerId)
      .map((d) => String(d.id))
      .sort();
  const searchable = async () =>
    (
      await t.ds
        .getRepository(Vacancy)
        .find({ where: { employerId: emp.employerId, status: 'OPEN' }, select: { id: true } })
    )
      .map((v) => v.id)
      .sort();

  beforeAll(async () => {
    standIn = new MeiliStandIn();
    await standIn.start();
    indexName = uniq('vacancies_');
    t = await startApp({ SEARCH_DRIVER: 'meilisearch', MEILI_HOST: standIn.url, MEILI_INDEX: indexName });
    officer = await makeOfficer(t);
    emp = await verifiedEmployer(t, officer);
    // A shared MySQL database may hold rows left by earlier runs: deliver them now so they do not count.
    t.clock.advanceDays(1);
    await sync(t);
    t.clock.reset();
  });
  afterAll(async () => {
    await t?.close();
    await standIn?.stop();
  });
  afterEach(() => expect(standIn.violations).toEqual([]));

  it('applies the index settings at start: attributes, sort-first ranking and job synonyms', () => {
    const settings = standIn.settingsOf(indexName)!;
    expect(settings.searchableAttributes).toEqual(['title', 'skills', 'employerName', 'description']);
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining([
        'employmentType',
        'kecamatanCode',
        'regencyCode',
        'educationMin',
        'educationRank',
        'requiresAk1',
        'pay',
        'employerId',
      ]),
    );
    expect(settings.sortableAttributes).toEqual(expect.arrayContaining(['publishedAt', 'closesAt', 'pay']));
    expect(settings.rankingRules[0]).toBe('sort');
    expect(settings.synonyms.sopir).toEqual(expect.arrayContaining(['supir', 'driver']));
    expect(settings.synonyms.cashier).toEqual(['kasir']);
    expect(settings.synonyms.admin).toEqual(expect.arrayContaining(['administrasi']));
  });

  it('finds job words by their synonyms', async () => {
    const v = await postVacancy(t, emp, { title: 'Supir Pribadi' });
    await sync(t);
    for (const q of ['sopir', 'driver', 'supir']) {
      const res = await t.http.get(V).query({ q, employerId: emp.employerId }).expect(200);
      expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([v.id]);
    }
  });

  it('polls tasks and sends filters, facets, sort and page as Meilisearch documents them', async () => {
    await t.http
      .get(V)
      .query({
        q: 'supir',
        educationLevel: 'S1',
        requiresAk1: true,
        salaryMin: 1,
        kecamatanCode: '16.71.05',
        sort: 'closing',
        page: 2,
        pageSize: 5,
      })
      .expect(200);
    const req = [...standIn.requests].reverse().find((r) => r.path === `/indexes/${indexName}/search`)!;
    expect(req.body).toEqual({
      q: 'supir',
      filter: ['educationRank <= 8', 'kecamatanCode = "16.71.05"', 'requiresAk1 = true', 'pay >= 1'],
      facets: ['employmentType', 'kecamatanCode', 'educationMin'],
      sort: ['closesAt:asc', 'publishedAt:desc', 'id:asc'],
      page: 2,
      hitsPerPage: 5,
      matchingStrategy: 'all',
      attributesToRetrieve: ['id'],
    });
    expect(standIn.requests.some((r) => /^\/tasks\/\d+$/.test(r.path))).toBe(true);
  });

  it('the stand-in refuses what Meilisearch would refuse', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${standIn.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post(`/indexes/${indexName}/search`, { q: 'x', filter: ['title = "x"'] })).status).toBe(400);
    expect((await post(`/indexes/${indexName}/search`, { q: 'x', sort: ['title:asc'] })).status).toBe(400);
    expect((await post(`/indexes/${indexName}/search`, { q: 'x', facets: ['location'] })).status).toBe(400);
    expect((await post(`/indexes/${indexName}/search`, { query: 'x' })).status).toBe(400);
    expect((await post('/swap-indexes', [{ indexes: [indexName] }])).status).toBe(400);
    expect(standIn.violations).toHaveLength(5);
    standIn.violations.length = 0;
  });

  it('rebuilds the index from the database and swaps it in (npm run search:reindex)', async () => {
    await postVacancy(t, emp);
    await sync(t);
    const lost = indexed()[0];
    standIn.tamper(indexName, (docs) => docs.delete(lost));
    expect(indexed()).not.toContain(lost);
    const pendingBefore = await postVacancy(t, emp); // its outbox row is covered by the rebuild
    const report = await t.app.get(SearchIndexer).reindex();
    expect(report.index).toBe(indexName);
    expect(indexed()).toEqual(await searchable());
    expect(indexed()).toContain(pendingBefore.id);
    expect(standIn.requests.some((r) => r.path === '/swap-indexes')).toBe(true);
    expect(standIn.indexNames().filter((n) => n.startsWith(`${indexName}_rebuild_`))).toEqual([]);
    expect(await t.ds.getRepository(SearchOutboxEntry).countBy({ entityId: pendingBefore.id })).toBe(0);
  });

  it('keeps writing while Meilisearch is down, answers from the database, reports degraded, then converges', async () => {
    const kept = await postVacancy(t, emp, { title: 'Kurir Motor' });
    const toClose = await postVacancy(t, emp, { title: 'Penjaga Toko' });
    await sync(t);
    expect((await t.http.get('/health').expect(200)).body).toEqual({ status: 'ok', db: 'up', search: 'up' });

    await standIn.stop();
    // Writes succeed; their outbox rows wait.
    const created = await postVacancy(t, emp, { title: 'Montir Sepeda Motor' });
    await t.http.patch(`${V}/${kept.id}`).set(bearer(emp)).send({ title: 'Kurir Motor Antar Paket' }).expect(200);
    await t.http.post(`${V}/${toClose.id}/close`).set(bearer(emp)).send({}).expect(200);
    const waiting = await t.ds
      .getRepository(SearchOutboxEntry)
      .countBy({ entityId: In([created.id, kept.id, toClose.id]) });
    expect(waiting).toBe(3);
    const failedDrain = await t.app.get(SearchIndexer).drainOnce();
    expect(failedDrain.failed).toBeGreaterThan(0);
    expect((await t.http.get('/health').expect(200)).body).toEqual({ status: 'ok', db: 'up', search: 'degraded' });

    // Search is served from the database, so it already shows the new state.
    const res = await t.http.get(V).query({ q: 'motor', employerId: emp.employerId }).expect(200);
    expect(res.body.items.map((i: { id: string }) => i.id).sort()).toEqual([created.id, kept.id].sort());
    expect((await t.http.get(V).query({ q: 'penjaga', employerId: emp.employerId }).expect(200)).body.total).toBe(0);

    await standIn.start();
    // Still degraded until the failed deliveries are retried (after their backoff).
    expect((await t.http.get('/health').expect(200)).body.search).toBe('degraded');
    t.clock.advance(10 * 60_000);
    try {
      await sync(t);
    } finally {
      t.clock.reset();
    }
    expect(
      await t.ds.getRepository(SearchOutboxEntry).countBy({ entityId: In([created.id, kept.id, toClose.id]) }),
    ).toBe(0);
    expect(indexed()).toEqual(await searchable());
    expect(standIn.documents(indexName).find((d) => d.id === kept.id)?.title).toBe('Kurir Motor Antar Paket');
    expect((await t.http.get('/health').expect(200)).body).toEqual({ status: 'ok', db: 'up', search: 'up' });
    // And Meilisearch answers searches again.
    const before = standIn.requests.length;
    const again = await t.http.get(V).query({ q: 'motor', employerId: emp.employerId }).expect(200);
    expect(again.body.total).toBe(2);
    expect(standIn.requests.slice(before).some((r) => r.path === `/indexes/${indexName}/search`)).toBe(true);
  });
});
