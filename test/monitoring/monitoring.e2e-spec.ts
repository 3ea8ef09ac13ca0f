import { randomUUID } from 'node:crypto';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { DailyJobs } from '../../src/jobs/daily-jobs.service';
import { MonitoringService } from '../../src/monitoring/monitoring.service';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  nikFor,
  postVacancy,
  registerEmployer,
  registerSeeker,
  seekerProfile,
  verifiedEmployer,
  type EmployerSession,
  type Session,
} from '../support/factories';

/**
 * A small world built through the API over two months (September and October 2026), and every number
 * of the summary, the participation table and the IPK reports checked against counts made by hand.
 * The spec has a database of its own, since the reports count everything in it.
 */
describe('monitoring and the IPK reports', () => {
  let t: TestApp;
  let officer: Session;
  let e1: EmployerSession; // takes part: posts an AK1 vacancy, validates, hires
  let e2: EmployerSession; // verified, posts a vacancy that does not require the AK1
  let e3: EmployerSession; // verified, does nothing (and has a hostile name)
  let e4: EmployerSession; // still pending
  const ids: Record<string, string> = {};
  const HOSTILE = '=HYPERLINK("http://evil.example","klik")';

  const at = (isoJakartaNoon: string) => t.clock.set(`${isoJakartaNoon}T05:00:00.000Z`); // 12:00 WIB
  const walkIn = async (profile: Record<string, unknown>) => {
    const s = await t.http.post('/api/v1/seekers').set(bearer(officer)).send(profile).expect(201);
    const c = await t.http.post('/api/v1/cards').set(bearer(officer)).send({ seekerId: s.body.id }).expect(201);
    return {
      seekerId: s.body.id as string,
      cardId: c.body.id as string,
      cardNumber: c.body.cardNumber as string,
      nik: profile.nik as string,
    };
  };
  const person = (birthDate: string, gender: 'L' | 'P', educationLevel: string, extra: Record<string, unknown> = {}) =>
    seekerProfile({
      birthDate,
      gender,
      nik: nikFor(birthDate, gender),
      educationLevel,
      graduationYear: undefined,
      experience: [],
      ...extra,
    });

  beforeAll(async () => {
    t = await startApp({}, [], { freshDatabase: true });
    at('2026-09-10');
    officer = await makeOfficer(t);
    e1 = await verifiedEmployer(t, officer, { kbli: '47111', kecamatanCode: '16.71.05' });
    e2 = await verifiedEmployer(t, officer, { kbli: '10792', kecamatanCode: '16.71.07' });
    e3 = await verifiedEmployer(t, officer, { kbli: '47190', kecamatanCode: '16.71.05', legalName: HOSTILE });
    e4 = await registerEmployer(t, { kbli: '56101' });

    // September. Vacancies: V1 needs the AK1 (2 positions, either sex, SMA); V2 does not (1 position, men, SMK).
    const v1 = await postVacancy(t, e1, {
      quota: 2,
      genderRequirement: 'ANY',
      educationMin: 'SMA',
      requiresAk1: true,
      closesAt: '2026-12-31',
      ageMin: null,
      ageMax: null,
    });
    const v2 = await postVacancy(t, e2, {
      quota: 1,
      genderRequirement: 'L',
      educationMin: 'SMK',
      requiresAk1: false,
      closesAt: '2026-12-31',
      ageMin: null,
      ageMax: null,
    });
    ids.v1 = v1.id;
    ids.v2 = v2.id;

    // S5: a card from the earlier system, issued 2024-10-01 (expires 2026-10-01), a man of 49 then.
    const s5 = person('1975-03-03', 'L', 'SMA');
    const csv = [
      'cardNumber,nik,fullName,birthPlace,birthDate,gender,address,educationLevel,issuedAt,status',
      `OLD/2024/0005,${s5.nik},Sutrisno,Palembang,1975-03-03,L,Jl. Lama 5,SMA,2024-10-01,ACTIVE`,
    ].join('\n');
    const imported = await t.http
      .post('/api/v1/cards/import')
      .set(bearer(officer))
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(imported.body).toEqual({ imported: 1, rejected: [] });

    const s1 = await walkIn(person('2005-01-01', 'L', 'SMA')); // 21 → 20-29
    ids.s1Card = s1.cardId;
    // S2 has an account (she will report her own hire).
    const s2Profile = person('1990-06-15', 'P', 'S1');
    const s2 = await registerSeeker(t, s2Profile);
    await t.http.post('/api/v1/cards').set(bearer(officer)).send({ seekerId: s2.seekerId }).expect(201);
    ids.s2 = s2.seekerId;
    at('2026-09-12');
    const s3 = await walkIn(person('2009-03-01', 'L', 'SMP')); // 17 → 15-19
    const s4 = await walkIn(person('1980-02-02', 'P', 'SD')); // 46 → 45-54
    ids.s3Card = s3.cardId;
    ids.s4Card = s4.cardId;

    at('2026-09-15');
    await t.http
      .post('/api/v1/card-validations')
      .set(bearer(e1))
      .send({ cardNumber: s1.cardNumber, nik: s1.nik })
      .expect(200);
    at('2026-09-20');
    await t.http
      .post('/api/v1/placements')
      .set(bearer(e1))
      .send({ cardNumber: s1.cardNumber, nik: s1.nik, startDate: '2026-09-21', position: 'Kasir', vacancyId: v1.id })
      .expect(201);

    // October.
    at('2026-10-02');
    const report = await t.app.get(DailyJobs).runAll(); // S5's card expired on 2026-10-01
    expect(report['expire-cards']).toEqual({ expired: 1 });
    at('2026-10-03');
    await t.http
      .post('/api/v1/seekers/me/placement')
      .set(bearer(s2))
      .send({ employerName: 'Toko Ibu Sari', startDate: '2026-10-05' })
      .expect(201);
    at('2026-10-05');
    await t.http
      .post(`/api/v1/cards/${s4.cardId}/revoke`)
      .set(bearer(officer))
      .send({ reason: 'Data ganda' })
      .expect(200);
    at('2026-10-08');
    await walkIn(person('2012-05-01', 'P', 'SD')); // 14: counted in the totals only
    at('2026-10-10');
    await t.http.post(`/api/v1/vacancies/${v2.id}/close`).set(bearer(e2)).send({ reason: 'Batal' }).expect(200);
    at('2026-10-20');
  });
  afterAll(() => t.close());

  const get = (url: string) =>
    t.http
      .get(url)
      .set(bearer(officer))
      .expect(200)
      .then((r) => r.body);

  describe('summary', () => {
    it('counts September: states now, events inside the period', async () => {
      const s = await get('/api/v1/monitoring/summary?from=2026-09-01&to=2026-09-30');
      expect(s).toEqual({
        period: { from: '2026-09-01', to: '2026-09-30' },
        employers: {
          registered: 4,
          pending: 1,
          verified: 3,
          suspended: 0,
          participating: 1,
          participationRate: 0.3333,
        },
        cards: { pending: 0, active: 2, placed: 2, expired: 1, revoked: 1, reportOverdue: 0, issued: 4 },
        vacancies: { open: 1, posted: 2, postedRequiringAk1: 1, filled: 0, positionsOpen: 1 },
        placements: { total: 1, bySource: { EMPLOYER: 1, SELF_REPORT: 0 } },
        // E1's validation, and the card check of its direct hire (channel PLACEMENT).
        validations: { total: 2 },
      });
    });

    it('counts October, and an empty period answers zeros', async () => {
      const oct = await get('/api/v1/monitoring/summary?from=2026-10-01&to=2026-10-31');
      expect(oct.employers).toMatchObject({ participating: 0, participationRate: 0 });
      expect(oct.cards.issued).toBe(1);
      expect(oct.vacancies).toMatchObject({ posted: 0, postedRequiringAk1: 0, filled: 0 });
      expect(oct.placements).toEqual({ total: 1, bySource: { EMPLOYER: 0, SELF_REPORT: 1 } });
      expect(oct.validations.total).toBe(0);
      const august = await get('/api/v1/monitoring/summary?from=2026-08-01&to=2026-08-31');
      expect(august.cards.issued).toBe(0);
    });

    it('finds overdue reports as the clock moves', async () => {
      t.clock.set('2027-03-20T05:00:00.000Z'); // S3's first report was due 2027-03-12, S6's is due 2027-04-08
      try {
        expect((await get('/api/v1/monitoring/summary')).cards.reportOverdue).toBe(1);
        t.clock.set('2027-04-20T05:00:00.000Z');
        expect((await get('/api/v1/monitoring/summary')).cards.reportOverdue).toBe(2);
      } finally {
        at('2026-10-20');
      }
    });

    it('refuses a period that ends before it starts', async () => {
      const res = await t.http
        .get('/api/v1/monitoring/summary?from=2026-10-01&to=2026-09-01')
        .set(bearer(officer))
        .expect(400);
      expect(res.body.details[0].field).toBe('to');
    });
  });

  describe('participation table', () => {
    it('lists every employer with its activity in the period', async () => {
      const page = await get('/api/v1/monitoring/employers?from=2026-09-01&to=2026-09-30&sort=legalName');
      expect(page.total).toBe(4);
      const row = (id: string) => page.items.find((r: { employerId: string }) => r.employerId === id);
      expect(row(e1.employerId)).toMatchObject({
        status: 'VERIFIED',
        kbli: '47111',
        kecamatanCode: '16.71.05',
        phone: '0711-123456',
        vacanciesPosted: 1,
        vacanciesRequiringAk1: 1,
        validations: 2, // one by POST /card-validations, one by its direct hire
        applicationsReceived: 0,
        hires: 1,
        lastActivityAt: '2026-09-20T05:00:00.000Z',
        participating: true,
      });
      expect(row(e2.employerId)).toMatchObject({
        vacanciesPosted: 1,
        vacanciesRequiringAk1: 0,
        validations: 0,
        hires: 0,
        participating: false,
        lastActivityAt: '2026-09-10T05:00:00.000Z',
      });
      expect(row(e3.employerId)).toMatchObject({ vacanciesPosted: 0, participating: false, lastActivityAt: null });
      expect(row(e4.employerId)).toMatchObject({ status: 'PENDING', participating: false });
    });

    it('gives the outreach list with participating=false, and filters by status, kecamatan and KBLI group', async () => {
      const outreach = await get(
        '/api/v1/monitoring/employers?from=2026-09-01&to=2026-09-30&participating=false&status=VERIFIED&sort=legalName',
      );
      expect(outreach.items.map((r: { employerId: string }) => r.employerId).sort()).toEqual(
        [e2.employerId, e3.employerId].sort(),
      );
      const taking = await get('/api/v1/monitoring/employers?from=2026-09-01&to=2026-09-30&participating=true');
      expect(taking.items.map((r: { employerId: string }) => r.employerId)).toEqual([e1.employerId]);
      // E1, E3 and the pending E4 are in Ilir Timur I.
      expect(
        (await get('/api/v1/monitoring/employers?from=2026-09-01&to=2026-09-30&kecamatanCode=16.71.05')).total,
      ).toBe(3);
      expect((await get('/api/v1/monitoring/employers?from=2026-09-01&to=2026-09-30&kbliGroup=47')).total).toBe(2);
      const bySales = await get('/api/v1/monitoring/employers?from=2026-09-01&to=2026-09-30&sort=-hires&pageSize=1');
      expect(bySales).toMatchObject({ total: 4, pageSize: 1 });
      expect(bySales.items[0].employerId).toBe(e1.employerId);
      // Every page says the same total, the last one and a page past the end too; the pages hold each row once.
      const pages = [];
      for (let page = 1; page <= 5; page++)
        pages.push(
          await get(`/api/v1/monitoring/employers?from=2026-09-01&to=2026-09-30&sort=-hires&pageSize=1&page=${page}`),
        );
      expect(pages.map((x) => x.total)).toEqual([4, 4, 4, 4, 4]);
      expect(pages.map((x) => x.items.length)).toEqual([1, 1, 1, 1, 0]);
      expect(new Set(pages.flatMap((x) => x.items.map((r: { employerId: string }) => r.employerId))).size).toBe(4);
      expect(Object.keys(pages[0].items[0])).not.toContain('fullCount');
      const none = await get('/api/v1/monitoring/employers?from=2026-09-01&to=2026-09-30&kbliGroup=99');
      expect(none).toMatchObject({ total: 0, items: [] });
    });

    it('exports CSV with a header row and a neutralised formula', async () => {
      const res = await t.http
        .get('/api/v1/monitoring/employers?from=2026-09-01&to=2026-09-30&participating=false&format=csv')
        .set(bearer(officer))
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const lines = res.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'employerId,legalName,status,kbli,kecamatanCode,phone,vacanciesPosted,vacanciesRequiringAk1,validations,applicationsReceived,hires,lastActivityAt,participating',
      );
      expect(lines).toHaveLength(4);
      const hostile = lines.find((l) => l.startsWith(e3.employerId))!;
      expect(hostile).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
      expect(res.text).not.toMatch(/,=HYPERLINK/);
      // Accept: text/csv works the same.
      const viaAccept = await t.http
        .get('/api/v1/monitoring/employers?from=2026-09-01&to=2026-09-30&participating=false')
        .set(bearer(officer))
        .set('Accept', 'text/csv')
        .expect(200);
      expect(viaAccept.text).toBe(res.text);
    });
  });

  describe('IPK III/1', () => {
    const zeroBands = {
      '15-19': { L: 0, P: 0 },
      '20-29': { L: 0, P: 0 },
      '30-44': { L: 0, P: 0 },
      '45-54': { L: 0, P: 0 },
      '55+': { L: 0, P: 0 },
    };
    const bands = (cells: Record<string, { L?: number; P?: number }>, total: [number, number]) => {
      const out: Record<string, unknown> = JSON.parse(JSON.stringify(zeroBands));
      for (const [k, v] of Object.entries(cells)) Object.assign(out[k] as object, v);
      out.total = { L: total[0], P: total[1], LP: total[0] + total[1] };
      return out;
    };

    it('gives September by hand', async () => {
      const r = await get('/api/v1/reports/ipk-iii-1?year=2026&month=9');
      expect(r.year).toBe(2026);
      expect(r.month).toBe(9);
      expect(r.seekers.carriedOver).toEqual(bands({ '45-54': { L: 1 } }, [1, 0]));
      expect(r.seekers.registered).toEqual(
        bands({ '20-29': { L: 1 }, '30-44': { P: 1 }, '15-19': { L: 1 }, '45-54': { P: 1 } }, [2, 2]),
      );
      expect(r.seekers.A).toEqual(
        bands({ '15-19': { L: 1 }, '20-29': { L: 1 }, '30-44': { P: 1 }, '45-54': { L: 1, P: 1 } }, [3, 2]),
      );
      expect(r.seekers.placed).toEqual(bands({ '20-29': { L: 1 } }, [1, 0]));
      expect(r.seekers.removed).toEqual(bands({}, [0, 0]));
      expect(r.seekers.B).toEqual(bands({ '20-29': { L: 1 } }, [1, 0]));
      expect(r.seekers.remaining).toEqual(
        bands({ '15-19': { L: 1 }, '30-44': { P: 1 }, '45-54': { L: 1, P: 1 } }, [2, 2]),
      );
      expect(r.vacancies).toEqual({
        carriedOver: { L: 0, P: 0, LP: 0 },
        registered: { L: 1, P: 0, LP: 3 },
        C: { L: 1, P: 0, LP: 3 },
        filled: { L: 0, P: 0, LP: 1 },
        removed: { L: 0, P: 0, LP: 0 },
        D: { L: 0, P: 0, LP: 1 },
        remaining: { L: 1, P: 0, LP: 2 },
      });
    });

    it('gives October by hand, carrying September over exactly', async () => {
      const sep = await get('/api/v1/reports/ipk-iii-1?year=2026&month=9');
      const r = await get('/api/v1/reports/ipk-iii-1?year=2026&month=10');
      expect(r.seekers.carriedOver).toEqual(sep.seekers.remaining);
      expect(r.vacancies.carriedOver).toEqual(sep.vacancies.remaining);
      // The 14-year-old counts in the totals only.
      expect(r.seekers.registered).toEqual(bands({}, [0, 1]));
      expect(r.seekers.placed).toEqual(bands({ '30-44': { P: 1 } }, [0, 1]));
      expect(r.seekers.removed).toEqual(bands({ '45-54': { L: 1, P: 1 } }, [1, 1]));
      expect(r.seekers.remaining).toEqual(bands({ '15-19': { L: 1 } }, [1, 1]));
      expect(r.vacancies.removed).toEqual({ L: 1, P: 0, LP: 1 });
      expect(r.vacancies.remaining).toEqual({ L: 0, P: 0, LP: 1 });
    });

    it('balances: A = 1 + 2, B = 3 + 4, 5 = A − B, cells sum to totals, month to month', async () => {
      for (const [year, month] of [
        [2024, 10],
        [2026, 8],
        [2026, 9],
        [2026, 10],
        [2026, 11],
      ]) {
        const r = await get(`/api/v1/reports/ipk-iii-1?year=${year}&month=${month}`);
        const s = r.seekers;
        for (const cell of [...Object.keys(zeroBands), 'total']) {
          for (const sex of Object.keys(s.A[cell])) {
            expect(s.A[cell][sex]).toBe(s.carriedOver[cell][sex] + s.registered[cell][sex]);
            expect(s.B[cell][sex]).toBe(s.placed[cell][sex] + s.removed[cell][sex]);
            expect(s.remaining[cell][sex]).toBe(s.A[cell][sex] - s.B[cell][sex]);
          }
        }
        for (const row of Object.keys(s)) expect(s[row].total.LP).toBe(s[row].total.L + s[row].total.P);
        const v = r.vacancies;
        for (const sex of ['L', 'P', 'LP']) {
          expect(v.C[sex]).toBe(v.carriedOver[sex] + v.registered[sex]);
          expect(v.D[sex]).toBe(v.filled[sex] + v.removed[sex]);
          expect(v.remaining[sex]).toBe(v.C[sex] - v.D[sex]);
        }
      }
      const oct = await get('/api/v1/reports/ipk-iii-1?year=2026&month=10');
      const nov = await get('/api/v1/reports/ipk-iii-1?year=2026&month=11');
      expect(nov.seekers.carriedOver).toEqual(oct.seekers.remaining);
      expect(nov.vacancies.carriedOver).toEqual(oct.vacancies.remaining);
    });

    it('produces the same numbers when asked again', async () => {
      expect(await get('/api/v1/reports/ipk-iii-1?year=2026&month=9')).toEqual(
        await get('/api/v1/reports/ipk-iii-1?year=2026&month=9'),
      );
    });

    it('exports CSV and refuses a bad month', async () => {
      const res = await t.http
        .get('/api/v1/reports/ipk-iii-1?year=2026&month=9&format=csv')
        .set(bearer(officer))
        .expect(200);
      const lines = res.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0].split(',').slice(0, 3)).toEqual(['period', 'part', 'row']);
      expect(lines.filter((l) => l.startsWith('2026-09,seekers,'))).toHaveLength(7);
      expect(lines.filter((l) => l.startsWith('2026-09,vacancies,'))).toHaveLength(7);
      expect(
        (await t.http.get('/api/v1/reports/ipk-iii-1?year=2026&month=13').set(bearer(officer)).expect(400)).body
          .details[0].field,
      ).toBe('month');
    });
  });

  describe('IPK III/2 and III/4', () => {
    it('splits the same flows by education: one balanced row per level (or detailed code)', async () => {
      type Row = { code: string; [col: string]: unknown };
      const row = (r: { rows: Row[] }, code: string) => r.rows.find((x) => x.code === code)!;
      const sep = await get('/api/v1/reports/ipk-iii-2?year=2026&month=9');
      expect(row(sep, 'SMA').registered).toEqual({ L: 1, P: 0, LP: 1 });
      expect(row(sep, 'S1').registered).toEqual({ L: 0, P: 1, LP: 1 });
      expect(row(sep, 'SMP').registered).toEqual({ L: 1, P: 0, LP: 1 });
      expect(row(sep, 'SD').registered).toEqual({ L: 0, P: 1, LP: 1 });
      expect(sep.total.registered).toEqual({ L: 2, P: 2, LP: 4 });
      expect(row(sep, 'SMA').carriedOver).toEqual({ L: 1, P: 0, LP: 1 });
      expect(row(sep, 'SMA').placed).toEqual({ L: 1, P: 0, LP: 1 });
      const oct = await get('/api/v1/reports/ipk-iii-2?year=2026&month=10');
      for (const r of sep.rows as Row[]) expect(row(oct, r.code).carriedOver).toEqual(r.remaining);
      expect(oct.total.carriedOver).toEqual(sep.total.remaining);
      expect(row(oct, 'SD').removed).toEqual({ L: 0, P: 1, LP: 1 });

      const v = await get('/api/v1/reports/ipk-iii-4?year=2026&month=9');
      expect(row(v, 'SMA').registered).toEqual({ L: 0, P: 0, LP: 2 });
      expect(row(v, 'SMK').registered).toEqual({ L: 1, P: 0, LP: 1 });
      expect(row(v, 'SMA').filled).toEqual({ L: 0, P: 0, LP: 1 });
      expect(v.total.remaining).toEqual({ L: 1, P: 0, LP: 2 });
    });
  });

  it('streams a long list as CSV page by page, every row once', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({
      id: randomUUID(),
      occurredAt: new Date(Date.UTC(2026, 9, 1, 0, 0, i)),
      actorId: null,
      actorRole: 'system',
      entityType: 'csvprobe',
      entityId: randomUUID(),
      action: i === 7 ? '@SUM(A1:A9)' : 'probe.written',
      beforeState: null,
      afterState: null,
      requestId: null,
    }));
    await t.ds.getRepository(AuditEvent).insert(rows);
    const res = await t.http
      .get('/api/v1/audit-events?entityType=csvprobe&format=csv')
      .set(bearer(officer))
      .expect(200);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(',')).toEqual(
      expect.arrayContaining(['id', 'occurredAt', 'entityType', 'entityId', 'action']),
    );
    expect(lines).toHaveLength(251);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(rows.map((r) => r.id)));
    expect(lines.some((l) => l.includes(",'@SUM(A1:A9),"))).toBe(true);
  });

  it("counts the dashboard's months as the summary counts each month alone", async () => {
    // The console's dashboard tallies six months in two statements (MonitoringService.issuedAndPlaced); each
    // month's figures must be the summary's for that month, also at the edges of a month in Jakarta time.
    const months = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'].map((m) => ({
      from: `${m}-01`,
      to: new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10),
    }));
    const tallies = await t.app.get(MonitoringService).issuedAndPlaced(months);
    const summaries = await Promise.all(
      months.map(
        async (p) =>
          (await t.http.get(`/api/v1/monitoring/summary?from=${p.from}&to=${p.to}`).set(bearer(officer)).expect(200))
            .body,
      ),
    );
    expect(tallies).toEqual(summaries.map((s) => ({ issued: s.cards.issued, placements: s.placements.total })));
    expect(tallies.some((x) => x.issued > 0)).toBe(true);
    expect(tallies.some((x) => x.placements > 0)).toBe(true);
  });

  it('is for officers only', async () => {
    for (const url of [
      '/api/v1/monitoring/summary',
      '/api/v1/monitoring/employers',
      '/api/v1/reports/ipk-iii-1?year=2026&month=9',
    ]) {
      await t.http.get(url).set(bearer(e1)).expect(403);
      await t.http.get(url).expect(401);
    }
  });
});
