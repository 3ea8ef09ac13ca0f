import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { PersonalData } from '../../src/common/personal-data';
import { loadConfig } from '../../src/config/config';
import { openDataSource } from '../../src/database/data-source';
import { ipkIII1, type FlowRow } from '../../src/monitoring/ipk-report';
import { MONTHLY_KEY } from '../../src/statistics/labour-rows';
import { runSeed, type SeedAccounts } from '../../src/seed/seed';
import { educationRank, type EducationLevel } from '../../src/common/reference/education';
import { fts5Query, searchTerms } from '../../src/search/search-terms';
import { vacancySearchText } from '../../src/vacancies/vacancy.entity';

/**
 * The seed generator against a fresh SQLite file (whatever DB_TYPE the suite runs with): the rows it
 * writes must agree with each other the way the service keeps them agreeing — placements, cards,
 * seekers and vacancy counts, application states, and the labour-market history behind the IPK
 * reports, whose monthly roll-up must equal the events and whose stock must equal the register today.
 */
const TODAY = '2026-11-28';

describe('seed generator (small world on SQLite)', () => {
  const file = join(tmpdir(), `ak1-seed-spec-${process.pid}.sqlite`);
  let ds: DataSource;
  let accounts: SeedAccounts;
  const num = async (sql: string, params: unknown[] = []) =>
    Number(((await ds.query(sql, params)) as Record<string, unknown>[])[0].n);

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', DB_TYPE: 'sqlite', DB_PATH: file });
    ds = await openDataSource(config);
    accounts = await runSeed(
      ds,
      new PersonalData(config),
      {
        scale: 'city',
        seed: 7,
        cards: 3_000,
        employers: 150,
        vacancies: 1_500,
        openVacancies: 300,
        validations: 6_000,
        today: TODAY,
        regionCode: config.regionCode,
        accountsFile: join(tmpdir(), `ak1-seed-spec-${process.pid}.json`),
        password: 'Seed-Passw0rd!',
        // Never used to sign in here: argon2 is left out to keep the test fast.
        passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2VlZHNlZWRzZWVk$placeholder',
      },
      () => undefined,
    );
  });

  afterAll(async () => {
    await ds?.destroy();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    rmSync(join(tmpdir(), `ak1-seed-spec-${process.pid}.json`), { force: true });
  });

  it('writes every kind in the sizes asked for', async () => {
    expect(await num('SELECT COUNT(*) AS n FROM cards')).toBe(3_000);
    expect(await num('SELECT COUNT(*) AS n FROM vacancies')).toBe(1_500);
    expect(await num(`SELECT COUNT(*) AS n FROM vacancies WHERE status = 'OPEN'`)).toBeGreaterThan(250);
    const validations = await num('SELECT COUNT(*) AS n FROM card_validations');
    expect(validations).toBeGreaterThan(4_500);
    expect(validations).toBeLessThan(7_500);
    expect(await num(`SELECT COUNT(*) AS n FROM applications WHERE status = 'HIRED'`)).toBeGreaterThan(50);
    expect(accounts.counts.labour_events).toBeGreaterThan(3_000);
  });

  it('keeps placements, cards, seekers and vacancies consistent', async () => {
    // One placement per PLACED card, none otherwise; seekers.placed_at set exactly for those seekers.
    expect(
      await num(
        `SELECT COUNT(*) AS n FROM cards c LEFT JOIN placements p ON p.card_id = c.id WHERE c.status = 'PLACED' AND p.id IS NULL`,
      ),
    ).toBe(0);
    expect(
      await num(`SELECT COUNT(*) AS n FROM placements p JOIN cards c ON c.id = p.card_id WHERE c.status <> 'PLACED'`),
    ).toBe(0);
    expect(
      await num(
        'SELECT COUNT(*) AS n FROM (SELECT seeker_id FROM placements GROUP BY seeker_id HAVING COUNT(*) > 1) t',
      ),
    ).toBe(0);
    expect(
      await num(
        `SELECT COUNT(*) AS n FROM seekers s WHERE (s.placed_at IS NOT NULL) <> EXISTS (SELECT 1 FROM placements p WHERE p.seeker_id = s.id)`,
      ),
    ).toBe(0);
    // filled = placements against the vacancy, never above quota; FILLED exactly at quota.
    expect(
      await num(
        `SELECT COUNT(*) AS n FROM vacancies v WHERE v.filled <> (SELECT COUNT(*) FROM placements p WHERE p.vacancy_id = v.id)`,
      ),
    ).toBe(0);
    expect(await num('SELECT COUNT(*) AS n FROM vacancies WHERE filled > quota')).toBe(0);
    expect(await num(`SELECT COUNT(*) AS n FROM vacancies WHERE (status = 'FILLED') <> (filled = quota)`)).toBe(0);
    expect(await num(`SELECT COUNT(*) AS n FROM vacancies WHERE status = 'FILLED'`)).toBeGreaterThan(0);
    // A hire through an application: the application is HIRED, of that vacancy and seeker.
    expect(await num(`SELECT COUNT(*) AS n FROM applications WHERE status = 'HIRED'`)).toBe(
      await num('SELECT COUNT(*) AS n FROM placements WHERE application_id IS NOT NULL'),
    );
    expect(
      await num(
        `SELECT COUNT(*) AS n FROM placements p JOIN applications a ON a.id = p.application_id WHERE a.status <> 'HIRED' OR a.vacancy_id <> p.vacancy_id OR a.seeker_id <> p.seeker_id`,
      ),
    ).toBe(0);
    // Undecided applications only on OPEN vacancies and for seekers not placed.
    expect(
      await num(`SELECT COUNT(*) AS n FROM applications a JOIN vacancies v ON v.id = a.vacancy_id JOIN seekers s ON s.id = a.seeker_id
                 WHERE a.status IN ('SUBMITTED', 'SHORTLISTED') AND (v.status <> 'OPEN' OR s.placed_at IS NOT NULL)`),
    ).toBe(0);
    expect(
      await num('SELECT COUNT(*) AS n FROM applications WHERE decided_at IS NOT NULL AND decided_at < applied_at'),
    ).toBe(0);
  });

  it('stores search_text and education_rank as the vacancy service computes them', async () => {
    const rows: {
      title: string;
      description: string;
      skills: string;
      search_text: string;
      education_min: EducationLevel;
      education_rank: number;
    }[] = await ds.query(
      'SELECT title, description, skills, search_text, education_min, education_rank FROM vacancies',
    );
    const wrong = rows.filter(
      (v) =>
        v.search_text !==
          vacancySearchText({ title: v.title, description: v.description, skills: JSON.parse(v.skills) as string[] }) ||
        Number(v.education_rank) !== educationRank(v.education_min),
    );
    expect(wrong).toEqual([]);
  });

  it('fills the search index: one row per OPEN vacancy of a VERIFIED employer, with its words under FTS5', async () => {
    const expected: Record<string, unknown>[] = await ds.query(
      `SELECT v.id, v.employer_id, v.employment_type, v.kecamatan_code, v.education_rank, v.education_min,
              v.requires_ak1, COALESCE(v.salary_max, v.salary_min) AS pay, v.published_at, v.closes_at,
              v.search_text || ' ' || e.legal_name AS text
         FROM vacancies v JOIN employers e ON e.id = v.employer_id
        WHERE v.status = 'OPEN' AND e.status = 'VERIFIED' ORDER BY v.id`,
    );
    const indexed: Record<string, unknown>[] = await ds.query(
      `SELECT s.vacancy_id AS id, s.employer_id, s.employment_type, s.kecamatan_code, s.education_rank, s.education_min,
              s.requires_ak1, s.pay, s.published_at, s.closes_at, t.search_text AS text, s.seq
         FROM searchable_vacancies s JOIN searchable_texts t ON t.seq = s.seq ORDER BY s.vacancy_id`,
    );
    expect(expected.length).toBeGreaterThan(100);
    expect(indexed.map(({ seq: _seq, ...row }) => row)).toEqual(expected);
    // The FTS5 index agrees with its rows, and finds each vacancy by words of its title.
    await ds.query(`INSERT INTO searchable_texts_fts (searchable_texts_fts) VALUES ('integrity-check')`);
    const titles: { seq: number; title: string }[] = await ds.query(
      `SELECT s.seq, v.title FROM searchable_vacancies s JOIN vacancies v ON v.id = s.vacancy_id ORDER BY s.seq LIMIT 25`,
    );
    for (const { seq, title } of titles) {
      const hits: { rowid: number }[] = await ds.query(
        'SELECT rowid FROM searchable_texts_fts WHERE searchable_texts_fts MATCH ?',
        [fts5Query(searchTerms(title))],
      );
      expect(hits.map((h) => h.rowid)).toContain(seq);
    }
    expect(await num('SELECT COUNT(*) AS n FROM search_state')).toBe(1);
  });

  it('rolls labour_monthly up exactly from labour_events', async () => {
    const key = MONTHLY_KEY.slice(1).join(', ');
    const order = MONTHLY_KEY.map((_, i) => i + 1).join(', ');
    const fromEvents = await ds.query(
      `SELECT SUBSTR(event_date, 1, 7) AS month, ${key}, SUM(positions) AS total
         FROM labour_events GROUP BY SUBSTR(event_date, 1, 7), ${key} ORDER BY ${order}`,
    );
    const monthly = await ds.query(`SELECT month, ${key}, total FROM labour_monthly ORDER BY ${order}`);
    const norm = (rows: Record<string, unknown>[]) => rows.map((r) => ({ ...r, total: Number(r.total) }));
    expect(norm(monthly)).toEqual(norm(fromEvents));
    expect(await num(`SELECT COUNT(*) AS n FROM labour_events WHERE event_date >= ?`, [TODAY])).toBe(0);
  });

  it("gives IPK III/1 tables that balance month to month and end at today's register", async () => {
    const rows = (where: string, month: string): Promise<FlowRow[]> =>
      ds
        .query(
          `SELECT subject, kind, sex, age_band AS ageBand, education, SUM(total) AS total FROM labour_monthly WHERE month ${where} ? GROUP BY subject, kind, sex, age_band, education`,
          [month],
        )
        .then((r: Record<string, unknown>[]) =>
          r.map((x) => ({ ...(x as unknown as FlowRow), total: Number(x.total) })),
        );
    const report = async (month: string) => ipkIII1(await rows('<', month), await rows('=', month));
    const months = ['2025-06', '2025-07', '2026-02', '2026-03', '2026-10', '2026-11'];
    const reports = new Map<string, Awaited<ReturnType<typeof report>>>();
    for (const m of months) reports.set(m, await report(m));

    for (const [m, r] of reports) {
      const s = r.seekers;
      expect(s.A.total.LP).toBe(s.carriedOver.total.LP + s.registered.total.LP);
      expect(s.B.total.LP).toBe(s.placed.total.LP + s.removed.total.LP);
      expect(s.remaining.total.LP).toBe(s.A.total.LP - s.B.total.LP);
      expect(s.remaining.total.LP).toBeGreaterThanOrEqual(0);
      expect(r.vacancies.remaining.LP).toBeGreaterThanOrEqual(0);
      expect(s.registered.total.LP).toBeGreaterThan(0); // every month of the last two years has new cards
      expect(m).toBeTruthy();
    }
    // Row 5 of a month is row 1 of the next, cell by cell.
    for (const [a, b] of [
      ['2025-06', '2025-07'],
      ['2026-02', '2026-03'],
      ['2026-10', '2026-11'],
    ]) {
      expect(reports.get(b)!.seekers.carriedOver).toEqual(reports.get(a)!.seekers.remaining);
      expect(reports.get(b)!.vacancies.carriedOver).toEqual(reports.get(a)!.vacancies.remaining);
    }
    // The stock after this month's flows is the register today: ACTIVE cards, open unfilled positions.
    const now = reports.get('2026-11')!;
    expect(now.seekers.remaining.total.LP).toBe(await num(`SELECT COUNT(*) AS n FROM cards WHERE status = 'ACTIVE'`));
    expect(now.vacancies.remaining.LP).toBe(
      await num(`SELECT COALESCE(SUM(quota - filled), 0) AS n FROM vacancies WHERE status = 'OPEN'`),
    );
  });

  it('gives the IPK fields active codes of the lists: education of the level, occupations, kinds, placement types (issue 19)', async () => {
    const codes = async (list: string) =>
      new Map(
        (
          (await ds.query('SELECT code, parent FROM reference_codes WHERE list = ? AND active = 1', [list])) as {
            code: string;
            parent: string | null;
          }[]
        ).map((r) => [r.code, r.parent]),
      );
    const education = await codes('education');
    const kbji = await codes('kbji');
    const kinds = await codes('employer-kinds');
    const seekers = (await ds.query(
      'SELECT education_level AS level, education_code AS code, desired_occupation_code AS want FROM seekers',
    )) as {
      level: string;
      code: string | null;
      want: string | null;
    }[];
    const withCode = seekers.filter((s) => s.code !== null);
    expect(withCode.length).toBeGreaterThan(seekers.length / 2);
    expect(withCode.filter((s) => education.get(s.code!) !== s.level)).toEqual([]);
    expect(new Set(withCode.map((s) => s.code)).size).toBeGreaterThan(20);
    expect(seekers.filter((s) => s.want !== null && !(kbji.has(s.want) && s.want.length === 4))).toEqual([]);
    expect(seekers.some((s) => s.want !== null)).toBe(true);

    const vacancyCodes = (await ds.query('SELECT DISTINCT occupation_code AS code FROM vacancies')) as {
      code: string;
    }[];
    expect(vacancyCodes.filter((v) => !kbji.has(v.code))).toEqual([]);
    expect(new Set(vacancyCodes.map((v) => v.code[0])).size).toBeGreaterThanOrEqual(6);

    const employerKinds = (await ds.query('SELECT kind, COUNT(*) AS n FROM employers GROUP BY kind')) as {
      kind: string;
    }[];
    expect(employerKinds.filter((e) => !kinds.has(e.kind))).toEqual([]);
    expect(employerKinds.length).toBeGreaterThanOrEqual(4);

    const placements = (await ds.query(
      'SELECT placement_type AS type, employer_kind AS kind, vacancy_id AS vacancyId FROM placements',
    )) as { type: string; kind: string; vacancyId: string | null }[];
    expect(new Set(placements.map((p) => p.type))).toEqual(new Set(['AKL', 'AKAD', 'AKAN']));
    expect(placements.filter((p) => p.vacancyId !== null && p.type !== 'AKL')).toEqual([]);
    expect(placements.filter((p) => p.kind !== '-' && !kinds.has(p.kind))).toEqual([]);
  });

  it('gives the labour events the IPK dimensions: codes, sectors, placement types, channels (issue 19)', async () => {
    const count = (where: string) => num(`SELECT COUNT(*) AS n FROM labour_events WHERE ${where}`);
    // Seekers: detailed education codes and desired occupations on most registrations; every later event
    // of a card carries its registration's.
    expect(await count(`subject = 'SEEKER' AND kind = 'REGISTERED' AND education_code <> '-'`)).toBeGreaterThan(100);
    expect(await count(`subject = 'SEEKER' AND kind = 'REGISTERED' AND occupation <> '-'`)).toBeGreaterThan(100);
    expect(
      await count(
        `subject = 'SEEKER' AND kind <> 'REGISTERED' AND education_code <> (SELECT r.education_code FROM labour_events r WHERE r.ref_id = labour_events.ref_id AND r.kind = 'REGISTERED')`,
      ),
    ).toBe(0);
    // Vacancies: an occupation group and a sector from the employer's KBLI.
    expect(await count(`subject = 'VACANCY' AND (occupation = '-' OR sector = '-')`)).toBe(0);
    // Placements: a type, a channel matching whether a vacancy was filled, the placement's id.
    const placed = await count(`subject = 'SEEKER' AND kind = 'PLACED'`);
    expect(await count(`subject = 'SEEKER' AND kind = 'PLACED' AND placement_type IN ('AKL', 'AKAD', 'AKAN')`)).toBe(
      placed,
    );
    expect(await count(`subject = 'SEEKER' AND kind = 'PLACED' AND placement_type = 'AKAD'`)).toBeGreaterThan(0);
    expect(await count(`subject = 'SEEKER' AND kind = 'PLACED' AND placement_id IS NULL`)).toBe(0);
    expect(await count(`subject = 'SEEKER' AND kind = 'PLACED' AND channel = 'V'`)).toBe(
      await count(`subject = 'VACANCY' AND kind = 'FILLED'`),
    );
    expect(
      await num(
        `SELECT COUNT(*) AS n FROM labour_events e JOIN placements p ON p.id = e.placement_id
          WHERE e.kind = 'PLACED' AND (p.placement_type <> e.placement_type OR p.employer_kind <> e.employer_kind)`,
      ),
    ).toBe(0);
    expect(await count(`office <> '${'1671'}'`)).toBe(0);
  });

  it('ends most closed cards silently, and gives some closed vacancies an outcome (issue 17)', async () => {
    const byStatus = async (status: string) => num(`SELECT COUNT(*) AS n FROM cards WHERE status = ?`, [status]);
    const [expired, placed, withdrawn, revoked] = await Promise.all(
      ['EXPIRED', 'PLACED', 'WITHDRAWN', 'REVOKED'].map(byStatus),
    );
    expect(withdrawn).toBeGreaterThan(0);
    expect(revoked).toBeGreaterThan(0);
    // Most cards that end, end by running out.
    expect(expired).toBeGreaterThan(placed + withdrawn + revoked);
    expect(
      await num(
        `SELECT COUNT(*) AS n FROM cards WHERE status = 'WITHDRAWN' AND (status_reason IS NULL OR closed_at IS NULL OR active_nik_hash IS NOT NULL)`,
      ),
    ).toBe(0);
    // Withdrawn cards leave the register as REMOVED, so the IPK stock stays the ACTIVE cards (checked above).
    // Outcomes only for published vacancies that closed with positions unfilled, recorded after they closed.
    const outcomes = await num('SELECT COUNT(*) AS n FROM vacancy_outcomes');
    expect(outcomes).toBeGreaterThan(0);
    expect(
      await num(`SELECT COUNT(*) AS n FROM vacancy_outcomes o JOIN vacancies v ON v.id = o.vacancy_id
                 WHERE v.status <> 'CLOSED' OR v.filled >= v.quota OR v.published_at IS NULL OR o.recorded_at < v.closed_at
                    OR o.employer_id <> v.employer_id`),
    ).toBe(0);
    const closedUnfilled = await num(`SELECT COUNT(*) AS n FROM vacancies WHERE status = 'CLOSED' AND filled < quota`);
    expect(outcomes).toBeLessThan(closedUnfilled / 2); // most say nothing
    expect(
      await num(`SELECT COUNT(*) AS n FROM vacancy_outcomes WHERE unfilled_reason = 'HIRED_WITHOUT_AK1'`),
    ).toBeGreaterThan(0);
  });
});
