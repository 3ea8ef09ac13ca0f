import { LabourStatistics } from '../../src/statistics/labour-statistics.service';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  nikFor,
  postVacancy,
  seekerProfile,
  verifiedEmployer,
  type EmployerSession,
  type Session,
} from '../support/factories';

type Cells = { L: number; P: number; LP: number };
type Row = { code: string; label: string; [col: string]: unknown };
type Table = { rows: Row[]; total: Record<string, Cells> };

const STOCK = ['2', '3', '4', '5', '6', '7'];
const zero: Cells = { L: 0, P: 0, LP: 0 };

/**
 * The whole IPK set over a month of activity built through the API (October 2026: seekers of several
 * educations, vacancies of three sectors and occupations, placements through a vacancy, directly and
 * self-reported), every table read and checked against what was done; then October closed, a placement
 * of October voided in November, and October found unchanged with the reversal counted in November.
 */
describe('IPK III/1–III/8, closing a month, and a voided placement', () => {
  let t: TestApp;
  let officer: Session;
  let eG: EmployerSession; // retail (KBLI 47111 → G)
  let eC: EmployerSession; // food manufacturing (10792 → C)
  let eP: EmployerSession; // education (85101 → P)
  const placementIds: Record<string, string> = {};
  const vacancyIds: Record<string, string> = {};

  const at = (day: string) => t.clock.set(`${day}T05:00:00.000Z`);
  const get = async (url: string, who: Session = officer) => (await t.http.get(url).set(bearer(who)).expect(200)).body;
  const report = (n: string, month: string) =>
    get(`/api/v1/reports/ipk-iii-${n}?year=${month.slice(0, 4)}&month=${Number(month.slice(5))}`);
  const row = (table: Table, code: string) => {
    const r = table.rows.find((x) => x.code === code);
    if (!r) throw new Error(`no row ${code} in ${table.rows.map((x) => x.code).join(',')}`);
    return r as unknown as Record<string, Cells> & { label: string };
  };
  const walkIn = async (
    birthDate: string,
    gender: 'L' | 'P',
    educationLevel: string,
    codes: { educationCode?: string; desiredOccupationCode?: string } = {},
  ) => {
    const profile = seekerProfile({ birthDate, gender, nik: nikFor(birthDate, gender), educationLevel, ...codes });
    const s = await t.http.post('/api/v1/seekers').set(bearer(officer)).send(profile).expect(201);
    const c = await t.http.post('/api/v1/cards').set(bearer(officer)).send({ seekerId: s.body.id }).expect(201);
    return { cardId: c.body.id as string, cardNumber: c.body.cardNumber as string, nik: profile.nik };
  };
  const place = async (
    employer: EmployerSession,
    card: { cardNumber: string; nik: string },
    vacancyId?: string,
    placementType?: 'AKL' | 'AKAD' | 'AKAN',
  ): Promise<string> => {
    const res = await t.http
      .post('/api/v1/placements')
      .set(bearer(employer))
      .send({
        cardNumber: card.cardNumber,
        nik: card.nik,
        startDate: t.clock.today(),
        position: 'Staf',
        vacancyId,
        placementType,
      })
      .expect(201);
    return res.body.id as string;
  };

  /** Every stock row balances, the rows add up to the total, and III/8's columns add up. */
  const expectConsistent = async (month: string) => {
    for (const n of STOCK) {
      const r = (await report(n, month)) as Table;
      const out = ['2', '3', '7'].includes(n) ? 'placed' : 'filled';
      for (const x of [...r.rows, { code: 'total', ...r.total } as Row])
        for (const k of ['L', 'P', 'LP'] as const) {
          const c = (col: string) => (x[col] as Cells)[k];
          expect([n, x.code, k, c('remaining')]).toEqual([
            n,
            x.code,
            k,
            c('carriedOver') + c('registered') - c(out) - c('removed'),
          ]);
        }
      for (const col of ['carriedOver', 'registered', out, 'removed', 'remaining'])
        for (const k of ['L', 'P', 'LP'] as const)
          expect([n, col, k, r.rows.reduce((s, x) => s + (x[col] as Cells)[k], 0)]).toEqual([
            n,
            col,
            k,
            r.total[col][k],
          ]);
    }
    const r8 = await report('8', month);
    for (const part of ['byEducation', 'byEmployerKind'])
      for (const x of r8[part].rows as Row[])
        for (const k of ['L', 'P', 'LP'] as const)
          expect((x.AKL as Cells)[k] + (x.AKAD as Cells)[k] + (x.AKAN as Cells)[k]).toBe((x.total as Cells)[k]);
  };

  /** Row 5 of a month is row 1 of the next, row by row, in every stock table and in III/1. */
  const expectCarried = async (month: string, next: string) => {
    for (const n of STOCK) {
      const a = (await report(n, month)) as Table;
      const b = (await report(n, next)) as Table;
      // A detailed row with nothing left and nothing new is not shown the next month: it carries zero.
      for (const x of a.rows)
        expect([n, x.code, b.rows.find((y) => y.code === x.code)?.carriedOver ?? zero]).toEqual([
          n,
          x.code,
          x.remaining,
        ]);
      for (const y of b.rows)
        if (!a.rows.some((x) => x.code === y.code)) expect([n, y.code, y.carriedOver]).toEqual([n, y.code, zero]);
    }
    const a1 = await report('1', month);
    const b1 = await report('1', next);
    expect(b1.seekers.carriedOver).toEqual(a1.seekers.remaining);
    expect(b1.vacancies.carriedOver).toEqual(a1.vacancies.remaining);
  };

  beforeAll(async () => {
    t = await startApp({}, [], { freshDatabase: true });
    at('2026-10-05');
    officer = await makeOfficer(t);
    eG = await verifiedEmployer(t, officer, { kbli: '47111' });
    eC = await verifiedEmployer(t, officer, { kbli: '10792' });
    eP = await verifiedEmployer(t, officer, { kbli: '85101', kind: 'PEMERINTAH' });
  });
  afterAll(() => t.close());

  it('counts a month of activity in every table, each row balanced and equal to what was done', async () => {
    // Vacancies: G 2 positions (KBJI 5223 → 5, SMA, either sex), C 1 position (8160 → 8, SMK, men),
    // P 1 position (2341 → 2, S1, women).
    const vG = await postVacancy(t, eG, {
      quota: 2,
      occupationCode: '5223',
      educationMin: 'SMA',
      genderRequirement: 'ANY',
      ageMin: null,
      ageMax: null,
    });
    await postVacancy(t, eC, {
      quota: 1,
      occupationCode: '8160',
      educationMin: 'SMK',
      genderRequirement: 'L',
      ageMin: null,
      ageMax: null,
    });
    const vP = await postVacancy(t, eP, {
      quota: 1,
      occupationCode: '2341',
      educationMin: 'S1',
      genderRequirement: 'P',
      ageMin: null,
      ageMax: null,
      closesAt: '2026-12-31', // still ahead when its placement is voided: the position reopens
    });

    vacancyIds.p = vP.id;
    at('2026-10-08');
    const a = await walkIn('2000-01-01', 'L', 'SMA', { educationCode: '0301', desiredOccupationCode: '5223' });
    const b = await walkIn('1999-02-02', 'P', 'SMK', { desiredOccupationCode: '8160' });
    const c = await walkIn('1995-03-03', 'P', 'S1');
    const d = await walkIn('2001-04-04', 'P', 'SMA');
    await walkIn('1985-05-05', 'L', 'SD');

    at('2026-10-20');
    placementIds.a = await place(eG, a, vG.id); // through G's vacancy
    placementIds.b = await place(eC, b, undefined, 'AKAN'); // C, without a vacancy, abroad
    placementIds.d = await place(eP, d, vP.id); // through P's vacancy (a woman with SMA: the employer's call)
    placementIds.c = await place(eP, c, undefined, 'AKAD'); // P, without a vacancy, another province

    const m = '2026-10';
    const r2 = (await report('2', m)) as Table;
    // a gave the detailed code 0301 (SMA, IPA): her own row, under the level SMA; d gave the level alone.
    expect(row(r2, '0301')).toMatchObject({ level: 'SMA', registered: { L: 1, P: 0, LP: 1 } });
    expect(row(r2, '0301').label).toMatch(/IPA/);
    expect(row(r2, 'SMA').registered).toEqual({ L: 0, P: 1, LP: 1 });
    expect(row(r2, 'SMA').placed).toEqual({ L: 0, P: 1, LP: 1 });
    const levelSma = (r2 as Table & { levels: Row[] }).levels.find((x) => x.code === 'SMA')!;
    expect(levelSma.placed).toEqual({ L: 1, P: 1, LP: 2 });
    expect(row(r2, 'SMK').placed).toEqual({ L: 0, P: 1, LP: 1 });
    expect(row(r2, 'S1').remaining).toEqual(zero);
    expect(row(r2, 'SD').remaining).toEqual({ L: 1, P: 0, LP: 1 });
    expect(r2.total.registered).toEqual({ L: 2, P: 3, LP: 5 });
    expect(r2.total.placed).toEqual({ L: 1, P: 3, LP: 4 });
    expect(r2.total.carriedOver).toEqual(zero);

    const r3 = (await report('3', m)) as Table; // a sought 5223 (group 5), b 8160 (group 8), the rest nothing
    expect(row(r3, '5')).toMatchObject({ registered: { L: 1, P: 0, LP: 1 }, placed: { L: 1, P: 0, LP: 1 } });
    expect(row(r3, '8')).toMatchObject({ registered: { L: 0, P: 1, LP: 1 }, placed: { L: 0, P: 1, LP: 1 } });
    expect(row(r3, '-').registered).toEqual({ L: 1, P: 2, LP: 3 });
    expect(row(r3, '-').remaining).toEqual({ L: 1, P: 0, LP: 1 });
    expect(row(r3, '2').registered).toEqual(zero);

    const r4 = (await report('4', m)) as Table;
    expect(row(r4, 'SMA').registered).toEqual({ L: 0, P: 0, LP: 2 });
    expect(row(r4, 'SMA').filled).toEqual({ L: 0, P: 0, LP: 1 });
    expect(row(r4, 'SMK').registered).toEqual({ L: 1, P: 0, LP: 1 });
    expect(row(r4, 'S1').filled).toEqual({ L: 0, P: 1, LP: 1 });

    const r5 = (await report('5', m)) as Table;
    expect(row(r5, '5').registered.LP).toBe(2);
    expect(row(r5, '5').filled.LP).toBe(1);
    expect(row(r5, '8').remaining).toEqual({ L: 1, P: 0, LP: 1 });
    expect(row(r5, '2').filled).toEqual({ L: 0, P: 1, LP: 1 });
    expect(row(r5, '0').label).toMatch(/Tentara/);

    const r6 = (await report('6', m)) as Table;
    expect(row(r6, 'G').registered.LP).toBe(2);
    expect(row(r6, 'G').filled.LP).toBe(1);
    expect(row(r6, 'C').registered.LP).toBe(1);
    expect(row(r6, 'C').filled.LP).toBe(0);
    expect(row(r6, 'P').filled.LP).toBe(1);
    expect(r6.rows.map((x) => x.code)).toEqual([...'ABCDEFGHIJKLMNOPQRSTU'.split(''), '-']);

    // III/7: the vacancies' positions, plus the placement made without a vacancy (C: in and placed).
    const r7 = (await report('7', m)) as Table;
    expect(row(r7, 'C').registered.LP).toBe(2);
    expect(row(r7, 'C').placed).toEqual({ L: 0, P: 1, LP: 1 });
    expect(row(r7, 'C').remaining.LP).toBe(1);
    expect(row(r7, 'G').placed.LP).toBe(1);
    expect(row(r7, 'P')).toMatchObject({ registered: { L: 0, P: 2, LP: 2 }, placed: { L: 0, P: 2, LP: 2 } });
    expect(r7.total.placed.LP).toBe(4);

    const r8 = await report('8', m);
    const e8 = (code: string) => row(r8.byEducation, code);
    expect(e8('0301').AKL).toEqual({ L: 1, P: 0, LP: 1 }); // a: a vacancy in Palembang, derived AKL
    expect(e8('SMA').AKL).toEqual({ L: 0, P: 1, LP: 1 });
    expect(e8('SMK').AKAN).toEqual({ L: 0, P: 1, LP: 1 });
    expect(e8('S1').AKAD).toEqual({ L: 0, P: 1, LP: 1 });
    expect(r8.byEducation.total).toEqual({
      AKL: { L: 1, P: 1, LP: 2 },
      AKAD: { L: 0, P: 1, LP: 1 },
      AKAN: { L: 0, P: 1, LP: 1 },
      total: { L: 1, P: 3, LP: 4 },
    });
    const k8 = (code: string) => row(r8.byEmployerKind, code);
    expect(k8('SWASTA').total).toEqual({ L: 1, P: 1, LP: 2 });
    expect(k8('SWASTA').label).toBe('Perusahaan swasta');
    expect(k8('PEMERINTAH')).toMatchObject({ AKL: { L: 0, P: 1, LP: 1 }, AKAD: { L: 0, P: 1, LP: 1 } });
    expect(r8.byEmployerKind.total.total).toEqual({ L: 1, P: 3, LP: 4 });

    const r1 = await report('1', m);
    expect(r1.seekers.placed.total).toEqual({ L: 1, P: 3, LP: 4 });
    expect(r1.vacancies.filled).toEqual({ L: 0, P: 1, LP: 2 });
    expect(r1.closedAt).toBeNull();
    expect(r1.checksum).toBeNull();

    await expectConsistent(m);
    await expectCarried('2026-10', '2026-11');
  });

  it('answers CSV for the new tables, one line per row and the total', async () => {
    const res = await t.http
      .get('/api/v1/reports/ipk-iii-6?year=2026&month=10&format=csv')
      .set(bearer(officer))
      .expect(200);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(',').slice(0, 4)).toEqual(['period', 'code', 'label', 'level']);
    expect(lines).toHaveLength(1 + 22 + 1);
    expect(lines.at(-1)).toMatch(/^2026-10,total,Jumlah,/);
  });

  it('closes October: its tables are stored with a checksum; closing again or out of order is refused', async () => {
    at('2026-11-03');
    await t.http.post('/api/v1/reports/periods/2026-10/close').set(bearer(eG)).expect(403);
    await t.http.post('/api/v1/reports/periods/2026-10/close').expect(401);
    for (const bad of ['2026-13', '26-10', '2026-1', 'x'.repeat(40), '2026-10%00'])
      expect((await t.http.post(`/api/v1/reports/periods/${bad}/close`).set(bearer(officer))).status).toBe(400);

    const before = Object.fromEntries(
      await Promise.all(['1', ...STOCK, '8'].map(async (n) => [n, await report(n, '2026-10')])),
    );
    const closed = await t.http.post('/api/v1/reports/periods/2026-10/close').set(bearer(officer)).expect(200);
    expect(closed.body).toMatchObject({ month: '2026-10', closed: true, closedBy: officer.userId });
    expect(closed.body.checksum).toMatch(/^[0-9a-f]{64}$/);

    const again = await t.http.post('/api/v1/reports/periods/2026-10/close').set(bearer(officer)).expect(409);
    expect(again.body.code).toBe('PERIOD_CLOSED');
    const early = await t.http.post('/api/v1/reports/periods/2026-09/close').set(bearer(officer)).expect(409);
    expect(early.body.code).toBe('PERIOD_CLOSED');
    const skip = await t.http.post('/api/v1/reports/periods/2026-12/close').set(bearer(officer)).expect(409);
    expect(skip.body.code).toBe('PREVIOUS_PERIOD_OPEN');

    for (const n of ['1', ...STOCK, '8']) {
      const after = await report(n, '2026-10');
      expect(after.checksum).toBe(closed.body.checksum);
      expect(after.closedAt).toBe(closed.body.closedAt);
      expect({ ...after, closedAt: null, checksum: null }).toEqual(before[n]);
    }
    expect(await get('/api/v1/reports/periods/2026-10')).toMatchObject({
      closed: true,
      checksum: closed.body.checksum,
    });
    expect(await get('/api/v1/reports/periods/2026-11')).toMatchObject({ closed: false, checksum: null });
    const list = await get('/api/v1/reports/periods');
    expect(list.items.map((p: { month: string }) => p.month)).toEqual(['2026-10']);
  });

  it('counts a placement of the closed month voided in November in November, leaving October as filed', async () => {
    at('2026-11-06');
    const october = Object.fromEntries(
      await Promise.all(['1', ...STOCK, '8'].map(async (n) => [n, await report(n, '2026-10')])),
    );
    const voidD = () =>
      t.http
        .post(`/api/v1/placements/${placementIds.d}/void`)
        .set(bearer(officer))
        .send({ reason: 'Salah input: kartu orang lain' });
    expect((await voidD()).status).toBe(200);
    expect((await voidD()).status).toBe(409); // voided once: the reversal is not written twice
    // The statistics' own guard too: reversing again adds nothing.
    await t.ds.transaction((m) =>
      t.app.get(LabourStatistics).placementVoided(
        m,
        {
          placementId: placementIds.d,
          cardId: null,
          vacancyId: null,
          seekerBackInRegister: true,
          vacancyPositionBackOpen: true,
        },
        '2026-11-06',
      ),
    );

    for (const n of ['1', ...STOCK, '8']) expect(await report(n, '2026-10')).toEqual(october[n]);

    const adj = await get('/api/v1/reports/periods/2026-10/adjustments');
    expect(adj.month).toBe('2026-10');
    expect(adj.total).toBe(2);
    expect(
      adj.items
        .map((i: { subject: string; kind: string; positions: number; countedIn: string; cause: string }) => [
          i.subject,
          i.kind,
          i.positions,
          i.countedIn,
          i.cause,
        ])
        .sort(),
    ).toEqual([
      ['SEEKER', 'PLACED', -1, '2026-11', 'PLACEMENT_VOIDED'],
      ['VACANCY', 'FILLED', -1, '2026-11', 'PLACEMENT_VOIDED'],
    ]);

    const nov2 = (await report('2', '2026-11')) as Table;
    expect(row(nov2, 'SMA').placed).toEqual({ L: 0, P: -1, LP: -1 });
    expect(row(nov2, 'SMA').remaining).toEqual({ L: 0, P: 1, LP: 1 });
    const nov6 = (await report('6', '2026-11')) as Table;
    expect(row(nov6, 'P').filled.LP).toBe(-1);
    expect(row(nov6, 'P').remaining.LP).toBe(1);
    expect((await get(`/api/v1/vacancies/${vacancyIds.p}`)).status).toBe('OPEN');
    const nov8 = await report('8', '2026-11');
    expect(row(nov8.byEducation, 'SMA').AKL).toEqual({ L: 0, P: -1, LP: -1 });
    await expectConsistent('2026-11');
    await expectCarried('2026-10', '2026-11');
  });

  it('reverses a placement of an open month in that month, as if it had not happened', async () => {
    at('2026-11-10');
    const e = await walkIn('1990-06-06', 'L', 'SMK');
    const before = Object.fromEntries(await Promise.all(STOCK.map(async (n) => [n, await report(n, '2026-11')])));
    const id = await place(eC, e);
    expect((await report('2', '2026-11')).total.placed.LP).toBe(before['2'].total.placed.LP + 1);
    await t.http
      .post(`/api/v1/placements/${id}/void`)
      .set(bearer(eC))
      .send({ reason: 'Tercatat dua kali' })
      .expect(200);
    const after2 = (await report('2', '2026-11')) as Table;
    expect(after2.total.placed).toEqual(before['2'].total.placed);
    expect(row(after2, 'SMK').placed).toEqual(row(before['2'], 'SMK').placed);
    expect(row(after2, 'SMK').remaining).toEqual(row(before['2'], 'SMK').remaining);
    const after7 = (await report('7', '2026-11')) as Table;
    // A direct placement enters III/7 and is placed in it; its reversal takes both back.
    expect(row(after7, 'C').registered).toEqual(row(before['7'], 'C').registered);
    expect((await get('/api/v1/reports/periods/2026-11/adjustments')).total).toBe(0);
    await expectConsistent('2026-11');
  });

  it('refuses a month that has not begun, and lets only one of two racing closings through', async () => {
    at('2026-11-20');
    const [x, y] = await Promise.all([
      t.http.post('/api/v1/reports/periods/2026-11/close').set(bearer(officer)),
      t.http.post('/api/v1/reports/periods/2026-11/close').set(bearer(officer)),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const future = await t.http.post('/api/v1/reports/periods/2026-12/close').set(bearer(officer)).expect(422);
    expect(future.body.code).toBe('PERIOD_NOT_STARTED');
    // Events dated in a closed month after it closed (here: the rest of November) count in December.
    const late = await walkIn('1992-07-07', 'P', 'D3');
    void late;
    const dec2 = (await report('2', '2026-12')) as Table;
    expect(row(dec2, 'D3').registered).toEqual({ L: 0, P: 1, LP: 1 });
    expect((await get('/api/v1/reports/periods/2026-11/adjustments')).total).toBe(1);
    await expectCarried('2026-11', '2026-12');
  });
});
