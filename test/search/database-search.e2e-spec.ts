import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import { loadConfig } from '../../src/config/config';
import { dataSourceOptions } from '../../src/database/data-source';
import { Transactions } from '../../src/database/transactions';
import { newEmployerRow } from '../../src/employers/employer-rows';
import { Employer } from '../../src/employers/employer.entity';
import { EmployersService } from '../../src/employers/employers.service';
import { SearchableVacancies } from '../../src/search/searchable-vacancies';
import { newVacancyRow } from '../../src/vacancies/vacancy-rows';
import { Vacancy } from '../../src/vacancies/vacancy.entity';
import { VacanciesService } from '../../src/vacancies/vacancies.service';
import { createScratchDatabase, ENGINE, startApp, type TestApp } from '../support/app';
import { uniq } from '../support/factories';
import { world, type EmployerFixture, type World } from '../support/world';

const V = '/api/v1/vacancies';

/**
 * The database driver's own index (searchable_vacancies, its words under FTS5 or FULLTEXT, search_state):
 * written in the transaction of every change to the searchable set, cached per version of that set, seen at
 * once by another instance on the same database, rebuilt by reindex, and filled by its migration.
 */
describe(`database search index (${ENGINE})`, () => {
  let t: TestApp;
  let w: World;
  let vacancies: VacanciesService;
  let employers: EmployersService;
  let searchable: SearchableVacancies;

  beforeAll(async () => {
    // Every instance here asks the database on every search (no fresh window): the cases below are about
    // what the database says; the window has its own case at the end.
    t = await startApp({ SEARCH_DRIVER: 'database', SEARCH_FRESH_MS: '0' });
    w = world(t);
    vacancies = w.get(VacanciesService);
    employers = w.get(EmployersService);
    searchable = w.get(SearchableVacancies);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  /** Ids found by the public search (over HTTP) on the app `on`. */
  const found = async (query: Record<string, string>, on: TestApp = t) =>
    ((await on.http.get(V).query(query).expect(200)).body.items as { id: string }[]).map((v) => v.id).sort();
  const version = async () =>
    ((await t.ds.query('SELECT version FROM search_state WHERE id = 1')) as { version: string }[])[0].version;
  const rowOf = async (vacancyId: string) =>
    ((await t.ds.query('SELECT * FROM searchable_vacancies WHERE vacancy_id = ?', [vacancyId])) as unknown[])[0];
  /** An employer with vacancies whose titles carry a word of its own, so searches see only this test's rows. */
  const employerWith = async (word: string, ...overrides: Record<string, unknown>[]): Promise<EmployerFixture> => {
    let b = w.verifiedEmployer();
    for (const o of overrides) b = b.withVacancy({ title: `Juru ${word}`, ...o });
    return b;
  };

  it('holds a row for each OPEN vacancy of a VERIFIED employer, written in the transaction of each change', async () => {
    const word = uniq('lowongan').toLowerCase();
    const e = await employerWith(word, { quota: 1 }, { quota: 2 }, { status: 'DRAFT' });
    const [one, two, draft] = e.vacancies;
    expect(await found({ q: word })).toEqual([one.id, two.id].sort());
    expect(await rowOf(draft.id)).toBeUndefined();

    await vacancies.publish(e.actor, draft.id);
    expect(await found({ q: word })).toEqual([one.id, two.id, draft.id].sort());

    // A hire that leaves positions open changes nothing search shows: no write, the version stays.
    const before = await version();
    await w.tx((m) => vacancies.countHire(m, null, two.id));
    expect(await version()).toBe(before);
    expect(await rowOf(two.id)).toBeDefined();
    // The hire that takes the last position fills the vacancy and takes it out of search.
    await w.tx((m) => vacancies.countHire(m, null, one.id));
    expect(await version()).not.toBe(before);
    expect(await found({ q: word })).toEqual([two.id, draft.id].sort());

    // An edit is found under its new words only, and its filters follow.
    await vacancies.update(e.actor, two.id, { title: `Tukang ${word}x`, kecamatanCode: '16.71.11' } as never);
    expect(await found({ q: `juru ${word}` })).toEqual([draft.id]);
    expect(await found({ q: `tukang ${word}x`, kecamatanCode: '16.71.11' })).toEqual([two.id]);

    await vacancies.close(e.actor, two.id);
    expect(await found({ q: `tukang ${word}x` })).toEqual([]);

    // Past its closing date, the daily job's close takes it out too.
    const due = (await employerWith(word, { closesAt: inDays(t, 1) })).vacancies[0];
    expect(await found({ q: word })).toContain(due.id);
    t.clock.advanceDays(2);
    await vacancies.closeExpired(t.clock.now());
    expect(await found({ q: word })).not.toContain(due.id);
  });

  it('keeps nothing of a change whose transaction rolls back', async () => {
    const word = uniq('batal').toLowerCase();
    const [v] = (await employerWith(word, {})).vacancies;
    const before = await version();
    await expect(
      w.tx(async (m) => {
        await m.query(`UPDATE vacancies SET status = 'CLOSED' WHERE id = ?`, [v.id]);
        await searchable.vacancyChanged(m, v.id);
        // Inside the transaction the row is already gone and the version changed…
        expect(await m.query('SELECT seq FROM searchable_vacancies WHERE vacancy_id = ?', [v.id])).toEqual([]);
        expect((await m.query('SELECT version FROM search_state WHERE id = 1'))[0].version).not.toBe(before);
        throw new Error('the use case fails after its search update');
      }),
    ).rejects.toThrow('fails after');
    // …and after the rollback neither happened.
    expect(await version()).toBe(before);
    expect(await found({ q: word })).toEqual([v.id]);
  });

  it("follows its employer's suspension, reinstatement and new legal name", async () => {
    const word = uniq('pabrik').toLowerCase();
    const e = await employerWith(word, {}, {});
    const officer = await w.officer();
    const both = e.vacancies.map((v) => v.id).sort();
    expect(await found({ q: word })).toEqual(both);

    await employers.suspend(officer, e.id, 'Diperiksa');
    expect(await found({ q: word })).toEqual([]);
    await employers.reinstate(officer, e.id);
    expect(await found({ q: word })).toEqual(both);

    // No use case renames a company yet; one that does calls the owner in its transaction, as here.
    const name = uniq('Sentosa');
    await w.tx(async (m) => {
      await m.query('UPDATE employers SET legal_name = ? WHERE id = ?', [`PT ${name}`, e.id]);
      await searchable.employerChanged(m, e.id);
    });
    expect(await found({ q: name })).toEqual(both);
    expect(await found({ q: e.legalName })).toEqual([]);
  });

  it('answers a repeated search from its cache until the searchable set changes', async () => {
    const word = uniq('arsip').toLowerCase();
    const [v] = (await employerWith(word, { kecamatanCode: '16.71.03' })).vacancies;
    const query = { q: word, kecamatanCode: '16.71.03' };
    expect(await found(query)).toEqual([v.id]);
    // Behind the owner's back (no new version): the cached answer stands…
    await t.ds.query(`UPDATE searchable_vacancies SET kecamatan_code = '16.71.04' WHERE vacancy_id = ?`, [v.id]);
    expect(await found(query)).toEqual([v.id]);
    // …until any change to the set gives it a new version.
    await employerWith(uniq('lain'), {});
    expect(await found(query)).toEqual([]);
    await w.tx((m) => searchable.rebuild(m));
    expect(await found(query)).toEqual([v.id]);
  });

  it("reads a vacancy's view again whenever it changes, also when search does not see the change", async () => {
    const word = uniq('kurir').toLowerCase();
    const e = await employerWith(word, { quota: 3, location: 'Pasar 16 Ilir' });
    const [v] = e.vacancies;
    const shown = async () =>
      ((await t.http.get(V).query({ q: word }).expect(200)).body.items as { remaining: number; location: string }[])[0];
    expect(await shown()).toMatchObject({ remaining: 3, location: 'Pasar 16 Ilir' });
    const before = await version();
    await w.tx((m) => vacancies.countHire(m, null, v.id));
    expect(await shown()).toMatchObject({ remaining: 2 });
    await vacancies.update(e.actor, v.id, { location: 'Pasar Kuto' } as never);
    expect(await shown()).toMatchObject({ remaining: 2, location: 'Pasar Kuto' });
    // Neither changed what search reads: the cached results stayed.
    expect(await version()).toBe(before);
    // The view is kept between searches: a change that skips the owner is not seen…
    await w.tx((m) => m.query(`UPDATE vacancies SET location = 'Jakabaring' WHERE id = ?`, [v.id]));
    expect(await shown()).toMatchObject({ location: 'Pasar Kuto' });
    // …until the owner hears of one.
    await w.tx((m) => searchable.vacancyChanged(m, v.id));
    expect(await shown()).toMatchObject({ location: 'Jakabaring' });
  });

  it('is seen at once by another instance on the same database, whichever writes', async () => {
    const other = await startApp({
      SEARCH_DRIVER: 'database',
      SEARCH_FRESH_MS: '0',
      ...(ENGINE === 'sqlite' ? { DB_PATH: t.config.db.path! } : {}),
    });
    try {
      const word = uniq('montir').toLowerCase();
      const e = await employerWith(word, {});
      const [v] = e.vacancies;
      // Both instances have answered (and cached) the search before each change.
      const both = async () => [await found({ q: word }), await found({ q: word }, other)];
      expect(await both()).toEqual([[v.id], [v.id]]);

      const added = (await vacancies.create(e.actor, reportFor(t, `Juru ${word}`))).id;
      expect(await both()).toEqual([[v.id, added].sort(), [v.id, added].sort()]);
      await vacancies.close(e.actor, v.id);
      expect(await both()).toEqual([[added], [added]]);

      // The other instance writes; this one sees it.
      const officer = await world(other).officer();
      await other.app.get(EmployersService).suspend(officer, e.id, 'Diperiksa');
      expect(await both()).toEqual([[], []]);
      await other.app.get(EmployersService).reinstate(officer, e.id);
      expect(await both()).toEqual([[added], [added]]);
    } finally {
      await other.close();
    }
  });

  it("within SEARCH_FRESH_MS answers a repeat without the database, sees its own writes at once and another instance's after the window", async () => {
    const FRESH = 400;
    const onSame: Record<string, string> = ENGINE === 'sqlite' ? { DB_PATH: t.config.db.path! } : {};
    const a = await startApp({ SEARCH_DRIVER: 'database', SEARCH_FRESH_MS: String(FRESH), ...onSame });
    const b = await startApp({ SEARCH_DRIVER: 'database', SEARCH_FRESH_MS: String(FRESH), ...onSame });
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    try {
      const word = uniq('pandu').toLowerCase();
      const [v] = (await employerWith(word, {})).vacancies;
      expect(await found({ q: word }, a)).toEqual([v.id]);
      // Behind every owner's back, with a new version of the set: inside the window the answer is the one
      // given (no statement was run to notice); after it, the database is asked again.
      await t.ds.query('DELETE FROM searchable_vacancies WHERE vacancy_id = ?', [v.id]);
      await t.ds.query("UPDATE search_state SET version = 'behind-the-back' WHERE id = 1");
      expect(await found({ q: word }, a)).toEqual([v.id]);
      await pause(FRESH + 100);
      expect(await found({ q: word }, a)).toEqual([]);
      await w.tx((m) => w.get(SearchableVacancies).rebuild(m));

      // Both have answered; a write through instance a is seen by a at once (its own commit), by b after
      // the window at the latest.
      const e = await employerWith(word, {});
      const both = [v.id, e.vacancies[0].id].sort();
      await pause(FRESH + 100);
      expect(await found({ q: word }, a)).toEqual(both);
      expect(await found({ q: word }, b)).toEqual(both);
      await a.app.get(VacanciesService).close(e.actor, e.vacancies[0].id);
      expect(await found({ q: word }, a)).toEqual([v.id]);
      await pause(FRESH + 100);
      expect(await found({ q: word }, b)).toEqual([v.id]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('ends in step after an employer and its vacancies change side by side', async () => {
    const word = uniq('serentak').toLowerCase();
    const e = await employerWith(word, {}, {}, {}, {}, {}, { status: 'DRAFT' });
    const officer = await w.officer();
    const ops: (() => Promise<unknown>)[] = [];
    for (let round = 0; round < 4; round++) {
      ops.push(() => employers.suspend(officer, e.id, 'Diperiksa'));
      ops.push(() => employers.reinstate(officer, e.id));
      for (const [i, v] of e.vacancies.entries()) {
        ops.push(() => vacancies.update(e.actor, v.id, { title: `Juru ${word} ${round}${i}` } as never));
        if (round === 2 && i % 2 === 1) ops.push(() => vacancies.close(e.actor, v.id));
      }
    }
    ops.push(() => vacancies.publish(e.actor, e.vacancies[5].id));
    // Refusals (suspending a suspended employer, editing a closed vacancy) are expected; nothing else is.
    const results = await Promise.allSettled(ops.map((op) => op()));
    for (const r of results)
      if (r.status === 'rejected') expect((r.reason as { code?: string }).code).toBe('INVALID_STATE_TRANSITION');

    const rowsNow = async () =>
      (await t.ds.query(
        `SELECT s.vacancy_id AS id, t.search_text AS text FROM searchable_vacancies s
           JOIN searchable_texts t ON t.seq = s.seq WHERE s.employer_id = ? ORDER BY s.vacancy_id`,
        [e.id],
      )) as { id: string; text: string }[];
    const written = await rowsNow();
    await w.tx((m) => searchable.rebuild(m));
    expect(written).toEqual(await rowsNow());
  });

  (ENGINE === 'mysql' ? it : it.skip)(
    "on MySQL, an edit made while its employer's reinstatement is uncommitted waits for it, then writes its row",
    async () => {
      const word = uniq('giliran').toLowerCase();
      const e = await employerWith(word, {});
      const [v] = e.vacancies;
      await employers.suspend(await w.officer(), e.id, 'Diperiksa');
      const begin = async () => {
        const qr = t.ds.createQueryRunner();
        await qr.connect();
        await qr.startTransaction('READ COMMITTED');
        return qr;
      };
      const reinstate = await begin();
      const edit = await begin();
      try {
        await reinstate.query(`UPDATE employers SET status = 'VERIFIED' WHERE id = ?`, [e.id]);
        await searchable.employerChanged(reinstate.manager, e.id);
        // Without the reinstatement's lock on its vacancies the edit would go ahead, see the employer still
        // suspended, write nothing, and leave the reinstatement's row with the old title.
        const editing = (async () => {
          await edit.query('UPDATE vacancies SET title = ?, search_text = ? WHERE id = ?', [
            `Juru ${word} baru`,
            `juru ${word} baru`,
            v.id,
          ]);
          await searchable.vacancyChanged(edit.manager, v.id);
        })();
        const waited = await Promise.race([
          editing.then(() => false),
          new Promise<boolean>((ok) => setTimeout(() => ok(true), 500)),
        ]);
        expect(waited).toBe(true);
        await reinstate.commitTransaction();
        await editing;
        await edit.commitTransaction();
      } finally {
        if (reinstate.isTransactionActive) await reinstate.rollbackTransaction();
        if (edit.isTransactionActive) await edit.rollbackTransaction();
        await reinstate.release();
        await edit.release();
      }
      expect(await found({ q: `${word} baru` })).toEqual([v.id]);
      expect(await found({ q: `juru ${word}` })).toEqual([v.id]);
    },
  );

  it('rebuilds the index from the vacancies and employers (npm run search:reindex)', async () => {
    const word = uniq('bengkel').toLowerCase();
    const e = await employerWith(word, {}, {});
    const [kept, closed] = e.vacancies;
    await vacancies.close(e.actor, closed.id);
    // Damage: a searchable row lost, a stale one put back for a closed vacancy.
    await t.ds.query('DELETE FROM searchable_vacancies WHERE vacancy_id = ?', [kept.id]);
    await w.tx((m) => m.query(`UPDATE vacancies SET status = 'OPEN' WHERE id = ?`, [closed.id]));
    await w.tx((m) => searchable.vacancyChanged(m, closed.id));
    await w.tx((m) => m.query(`UPDATE vacancies SET status = 'CLOSED' WHERE id = ?`, [closed.id]));
    expect(await rowOf(kept.id)).toBeUndefined();
    expect(await rowOf(closed.id)).toBeDefined();
    // The closed one is never shown (items are read fresh), but the open one is not found.
    expect(await found({ q: word })).toEqual([]);

    const rows = await w.get(Transactions).run((m) => searchable.rebuild(m));
    expect(rows).toBe(await searchableCount(t.ds));
    expect(await found({ q: word })).toEqual([kept.id]);
    expect(await rowOf(closed.id)).toBeUndefined();
    const ids = (await t.ds.query('SELECT vacancy_id AS id FROM searchable_vacancies')) as { id: string }[];
    const expected = (await t.ds.query(
      `SELECT v.id FROM vacancies v JOIN employers e ON e.id = v.employer_id WHERE v.status = 'OPEN' AND e.status = 'VERIFIED'`,
    )) as { id: string }[];
    expect(ids.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
  });
});

describe(`the searchable vacancies migration (${ENGINE})`, () => {
  it('fills the index from the vacancies already there', async () => {
    const file = join(tmpdir(), `ak1-mig-search-${process.pid}.sqlite`);
    const base =
      ENGINE === 'mysql'
        ? await createScratchDatabase(process.env.DB_URL ?? 'mysql://root@127.0.0.1:3306/ak1_test')
        : { url: '', drop: async () => ['', '-wal', '-shm'].forEach((s) => rmSync(file + s, { force: true })) };
    const config = loadConfig({
      NODE_ENV: 'test',
      ...(ENGINE === 'mysql' ? { DB_TYPE: 'mysql', DB_URL: base.url } : { DB_TYPE: 'sqlite', DB_PATH: file }),
    });
    const ours = migrations.findIndex((m) => m.name === 'SearchableVacancies1764231900000');
    const open = async (upTo: number) => {
      const ds = new DataSource({
        ...dataSourceOptions(config),
        entities: [Employer, Vacancy],
        migrations: migrations.slice(0, upTo),
      } as DataSourceOptions);
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      return ds;
    };
    let ds = await open(ours);
    try {
      const now = new Date('2026-11-01T03:00:00.000Z');
      const employer = (status: Employer['status'], name: string) =>
        newEmployerRow({
          id: randomUUID(),
          legalName: name,
          nib: String(Math.floor(Math.random() * 1e13)).padStart(13, '0'),
          kbli: '47111',
          address: 'Jl. Uji',
          phone: '0711',
          status,
          createdAt: now,
        });
      const verified = employer('VERIFIED', 'PT Maju Bersama');
      const suspended = employer('SUSPENDED', 'PT Tertunda');
      // The rows as this migration's schema has them: columns added by later migrations (the employer's
      // kind, 1764232900000; offices, 1764233400000) are not there yet.
      const later = new Set(['kind', 'officeId']);
      const insertAsThen = async (entity: typeof Employer | typeof Vacancy, table: string, list: object[]) => {
        const columns = ds.getMetadata(entity).columns.filter((c) => !later.has(c.propertyName));
        for (const row of list)
          await ds.query(
            `INSERT INTO ${table} (${columns.map((c) => c.databaseName).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
            columns.map((c) => ds.driver.preparePersistentValue(c.getEntityValue(row), c) as unknown),
          );
      };
      await insertAsThen(Employer, 'employers', [verified, suspended]);
      const vacancy = (employerId: string, status: Vacancy['status'], title: string) =>
        newVacancyRow({
          id: randomUUID(),
          employerId,
          status,
          title,
          description: 'Deskripsi, dengan tanda baca!',
          occupationCode: null,
          educationMin: 'SMA',
          major: null,
          skills: ['Excel'],
          experienceYearsMin: null,
          ageMin: null,
          ageMax: null,
          genderRequirement: 'ANY',
          employmentType: 'FULL_TIME',
          salaryMin: 3_000_000,
          salaryMax: null,
          kecamatanCode: null,
          location: 'Palembang',
          quota: 1,
          closesAt: '2026-12-31',
          requiresAk1: true,
          publishedAt: status === 'DRAFT' ? null : now,
          createdBy: randomUUID(),
          createdAt: now,
        });
      const searchableOne = vacancy(verified.id, 'OPEN', 'Kasir Minimarket');
      const expectedId = searchableOne.id; // the repository's multi-row insert may rewrite the objects
      const rows = [
        searchableOne,
        vacancy(verified.id, 'CLOSED', 'Kasir Tutup'),
        vacancy(verified.id, 'DRAFT', 'Kasir Draf'),
        vacancy(suspended.id, 'OPEN', 'Kasir Ditangguhkan'),
      ];
      // Written the way rows were written before this migration: search_text with its punctuation.
      for (const r of rows) r.searchText = `${r.title} ${r.description} excel`.toLowerCase();
      await insertAsThen(Vacancy, 'vacancies', rows);
      await ds.destroy();

      ds = await open(migrations.length);
      const indexed = (await ds.query(
        'SELECT vacancy_id AS id, pay, education_rank AS rank FROM searchable_vacancies',
      )) as {
        id: string;
        pay: number | string;
        rank: number | string;
      }[];
      expect(indexed.map((r) => [r.id, Number(r.pay), Number(r.rank)])).toEqual([[expectedId, 3_000_000, 3]]);
      const match =
        ENGINE === 'mysql'
          ? `SELECT seq FROM searchable_texts WHERE MATCH (search_text) AGAINST (? IN BOOLEAN MODE)`
          : `SELECT rowid AS seq FROM searchable_texts_fts WHERE searchable_texts_fts MATCH ?`;
      for (const q of ENGINE === 'mysql' ? ['+kasir +bersama*', '+tanda +baca'] : ['"kasir" "bersama"*', '"baca"'])
        expect(await ds.query(match, [q])).toHaveLength(1);
      if (ENGINE === 'mysql') {
        // Short words are matched in the stored words with LIKE, so the text is kept as words between spaces.
        const [{ text }] = (await ds.query('SELECT search_text AS text FROM searchable_texts')) as { text: string }[];
        expect(text).toBe(' kasir minimarket deskripsi dengan tanda baca excel PT Maju Bersama ');
      }
    } finally {
      await ds.destroy();
      await base.drop();
    }
  });
});

function inDays(t: TestApp, days: number): string {
  const [y, m, d] = t.clock.today().split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A complete report for VacanciesService.create. */
function reportFor(t: TestApp, title: string) {
  return {
    title,
    description: 'Merawat kendaraan.',
    occupationCode: '7231',
    educationMin: 'SMA',
    skills: ['mesin'],
    employmentType: 'FULL_TIME',
    location: 'Palembang',
    quota: 1,
    closesAt: inDays(t, 20),
  } as never;
}

async function searchableCount(ds: DataSource): Promise<number> {
  return Number(((await ds.query('SELECT COUNT(*) AS n FROM searchable_vacancies')) as { n: number }[])[0].n);
}
