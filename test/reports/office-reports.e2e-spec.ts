import { browser, signIn } from '../console/support';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOffice,
  makeOfficer,
  officerIn,
  randomIdentity,
  postVacancy,
  registerSeeker,
  verifiedEmployer,
  type EmployerSession,
  type Session,
} from '../support/factories';

/**
 * Issue 20, reports per office and aggregated (decisions 98–101): a province (the first office) with two
 * cities, activity in each, every IPK table and the monitoring views per office, the province's
 * aggregate equal to the sum of its offices cell by cell, and months closed per office.
 *
 * The rows' offices are set directly in the database before the change that registers them (a card
 * request before its approval, a draft vacancy before its publication, an employer after it registered):
 * scoping new rows by domicile and work location is another part of issue 20, not this one's.
 */

type Json = Record<string, unknown>;

/** Adds two reports number by number: rows matched by their code (and level), parts by their keys. */
function add(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (Array.isArray(a) && Array.isArray(b)) {
    const keyed = (x: unknown) => (x && typeof x === 'object' && 'code' in x ? String((x as Json).code) : null);
    if (a.every((x) => keyed(x) !== null) && b.every((x) => keyed(x) !== null)) {
      const out = new Map<string, unknown>();
      for (const x of [...a, ...b]) out.set(keyed(x)!, add(out.get(keyed(x)!), x));
      return norm([...out.values()]);
    }
    return a.map((x, i) => add(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const out: Json = {};
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) out[k] = add((a as Json)[k], (b as Json)[k]);
    return out;
  }
  return a;
}

/** Rows with a code in code order, at every depth. */
function norm(x: unknown): unknown {
  if (Array.isArray(x)) {
    const rows = x.map(norm);
    const coded = rows.every((r) => r && typeof r === 'object' && 'code' in r);
    return coded ? rows.sort((a, b) => (String((a as Json).code) < String((b as Json).code) ? -1 : 1)) : rows;
  }
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, norm(v)]));
  return x;
}

/** A report without its head and with rows in code order, for comparing tables. */
function body(r: Json): unknown {
  const { year: _y, month: _m, period: _p, closedAt: _c, checksum: _s, ...rest } = r;
  return norm(rest);
}

const TABLES = ['1', '2', '3', '4', '5', '6', '7', '8'];

describe('reports and monitoring per office, and the province aggregate', () => {
  let t: TestApp;
  let province: Session;
  let provinceId: string;
  const city: Record<'A' | 'B', { id: string; officer: Session; employer: EmployerSession }> = {} as never;
  let ym: { year: number; month: number };
  const officerOf: Record<string, Session> = {};

  const get = async (url: string, who: Session, status = 200) =>
    (await t.http.get(url).set(bearer(who)).expect(status)).body as Json;
  const ipk = (n: string, who: Session, extra = '') =>
    get(`/api/v1/reports/ipk-iii-${n}?year=${ym.year}&month=${ym.month}${extra}`, who);

  /** A card registered with the office: the request's office set before the approval registers it. */
  const cardIn = async (officeId: string, overrides: Json = {}) => {
    const seeker = await registerSeeker(t, overrides);
    const req = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
    await t.ds.query('UPDATE cards SET office_id = ? WHERE id = ?', [officeId, req.body.id]);
    await t.ds.query('UPDATE seekers SET office_id = ? WHERE id = ?', [officeId, seeker.seekerId]);
    // The office's own officers act on its records (a province only reads its cities').
    const card = await t.http.post(`/api/v1/cards/${req.body.id}/approve`).set(bearer(officerOf[officeId])).expect(200);
    return { seeker, card: card.body as { id: string; cardNumber: string } };
  };

  /** A vacancy of the office: a draft moved to the office, then published. */
  const vacancyIn = async (officeId: string, employer: EmployerSession, overrides: Json = {}) => {
    const v = await postVacancy(t, employer, { status: 'DRAFT', ...overrides });
    await t.ds.query('UPDATE vacancies SET office_id = ? WHERE id = ?', [officeId, v.id]);
    await t.http.post(`/api/v1/vacancies/${v.id}/publish`).set(bearer(employer)).expect(200);
    return v.id;
  };

  beforeAll(async () => {
    t = await startApp({ REGION_CODE: '16', OFFICE_NAME: 'Disnakertrans Sumatera Selatan' }, [], {
      freshDatabase: true,
    });
    province = await makeOfficer(t);
    provinceId = (await get('/api/v1/auth/me', province)).officeId as string;
    officerOf[provinceId] = province;
    for (const [key, code, name, kecamatanCode] of [
      ['A', '1671', 'Disnaker Kota Palembang', '16.71.05'],
      ['B', '1672', 'Disnaker Kota Pagar Alam', '16.72.01'],
    ] as const) {
      const officeId = await makeOffice(t, province, { code, level: 'CITY', name, parentId: provinceId });
      const officer = await officerIn(t, province, officeId);
      officerOf[officeId] = officer;
      // Registered in the city (its kecamatan), verified by the city's own officer.
      const employer = await verifiedEmployer(t, officer, { kecamatanCode });
      city[key] = { id: officeId, officer, employer };
    }
    const [y, m] = t.clock.today().split('-').map(Number);
    ym = { year: y, month: m };

    // City A: three seekers (one placed by its employer), a vacancy of 3 positions (one filled).
    const a = await Promise.all([
      cardIn(city.A.id, randomIdentity('L')),
      cardIn(city.A.id, randomIdentity('P')),
      cardIn(city.A.id),
    ]);
    const vA = await vacancyIn(city.A.id, city.A.employer, { quota: 3 });
    await t.http
      .post('/api/v1/placements')
      .set(bearer(city.A.employer))
      .send({
        cardNumber: a[0].card.cardNumber,
        nik: a[0].seeker.nik,
        startDate: t.clock.today(),
        position: 'Operator Forklift',
        vacancyId: vA,
      })
      .expect(201);
    // City B: one seeker, two vacancies of other occupations and education.
    await cardIn(city.B.id, { ...randomIdentity('P'), educationLevel: 'S1', major: 'Akuntansi' });
    await vacancyIn(city.B.id, city.B.employer, { quota: 2, occupationCode: '2411', educationMin: 'S1' });
    await vacancyIn(city.B.id, city.B.employer, { quota: 1 });
    // The province itself: one seeker of its own.
    await cardIn(provinceId);
  });
  afterAll(() => t.close());

  it('labour events carry the office code of the card or vacancy', async () => {
    const rows = (await t.ds.query(
      'SELECT office, subject, kind, SUM(positions) AS n FROM labour_events GROUP BY office, subject, kind ORDER BY office, subject, kind',
    )) as { office: string; subject: string; kind: string; n: unknown }[];
    expect(rows.map((r) => [r.office, r.subject, r.kind, Number(r.n)])).toEqual([
      ['16', 'SEEKER', 'REGISTERED', 1],
      ['1671', 'SEEKER', 'PLACED', 1],
      ['1671', 'SEEKER', 'REGISTERED', 3],
      ['1671', 'VACANCY', 'FILLED', 1],
      ['1671', 'VACANCY', 'REGISTERED', 3],
      ['1672', 'SEEKER', 'REGISTERED', 1],
      ['1672', 'VACANCY', 'REGISTERED', 3],
    ]);
  });

  it("each city reads its own tables by default; the province reads a city's by officeId; the cities differ", async () => {
    for (const n of TABLES) {
      const own = await ipk(n, city.A.officer);
      expect(await ipk(n, province, `&officeId=${city.A.id}`)).toEqual(own);
      expect(await ipk(n, city.A.officer, `&officeId=${city.A.id}&scope=office`)).toEqual(own);
    }
    const a1 = await ipk('1', city.A.officer);
    const b1 = await ipk('1', city.B.officer);
    expect(a1).not.toEqual(b1);
    const registered = (r: Json) =>
      (r as { seekers: { registered: { total: { LP: number } } } }).seekers.registered.total.LP;
    expect(registered(a1)).toBe(3);
    expect(registered(b1)).toBe(1);
    expect(registered(await ipk('1', province))).toBe(1);
  });

  it("the province's aggregate equals the sum of its offices cell by cell, III/1 to III/8", async () => {
    for (const n of TABLES) {
      const parts = await Promise.all([
        ipk(n, province),
        ipk(n, province, `&officeId=${city.A.id}`),
        ipk(n, province, `&officeId=${city.B.id}`),
      ]);
      const aggregate = await ipk(n, province, '&scope=aggregate');
      expect(aggregate.closedAt).toBeNull();
      expect(body(aggregate)).toEqual(parts.map(body).reduce<unknown>((x, y) => add(x, y), undefined));
    }
    // Not trivially: the aggregate is more than any one office.
    const agg = (await ipk('1', province, '&scope=aggregate')) as Json;
    expect(body(agg)).not.toEqual(body(await ipk('1', city.A.officer)));
  });

  it('monitoring: each office its own rows; the aggregate is their sum', async () => {
    const q = '/api/v1/monitoring/summary';
    const [p, a, b] = await Promise.all([
      get(q, province),
      get(`${q}?officeId=${city.A.id}`, province),
      get(q, city.B.officer),
    ]);
    expect(await get(q, city.A.officer)).toEqual(a);
    const counts = (s: Json) => {
      const { period: _period, ...rest } = s;
      const e = { ...(rest.employers as Json) };
      delete e.participationRate;
      return { ...rest, employers: e };
    };
    expect((a.cards as Json).active).toBe(2);
    expect((a.cards as Json).placed).toBe(1);
    expect((b.cards as Json).active).toBe(1);
    expect((a.vacancies as Json).open).toBe(1);
    expect((b.vacancies as Json).open).toBe(2);
    expect((a.placements as Json).total).toBe(1);
    expect((b.placements as Json).total).toBe(0);
    expect((a.employers as Json).verified).toBe(1);
    const agg = await get(`${q}?scope=aggregate`, province);
    expect(counts(agg)).toEqual([p, a, b].map(counts).reduce<unknown>((x, y) => add(x, y), undefined));

    const employers = async (who: Session, extra = '') =>
      ((await get(`/api/v1/monitoring/employers?pageSize=100${extra}`, who)).items as { employerId: string }[]).map(
        (e) => e.employerId,
      );
    expect(await employers(city.A.officer)).toEqual([city.A.employer.employerId]);
    expect(await employers(city.B.officer)).toEqual([city.B.employer.employerId]);
    expect((await employers(province, '&scope=aggregate')).sort()).toEqual(
      [city.A.employer.employerId, city.B.employer.employerId].sort(),
    );
    const outcomes = await get(`/api/v1/monitoring/outcomes?officeId=${city.A.id}`, province);
    expect(outcomes.placed).toBe(1);
    expect((await get('/api/v1/monitoring/outcomes', city.B.officer)).placed).toBe(0);
    expect((await get('/api/v1/monitoring/outcomes?scope=aggregate', province)).placed).toBe(1);
  });

  it("404 for another city's office, 400 for aggregate of a city or a malformed officeId", async () => {
    for (const url of [
      `/api/v1/reports/ipk-iii-1?year=${ym.year}&month=${ym.month}&officeId=${city.B.id}`,
      `/api/v1/reports/ipk-iii-8?year=${ym.year}&month=${ym.month}&officeId=${provinceId}`,
      `/api/v1/monitoring/summary?officeId=${city.B.id}`,
      `/api/v1/monitoring/employers?officeId=${city.B.id}`,
      `/api/v1/monitoring/outcomes?officeId=${city.B.id}`,
      `/api/v1/reports/periods?officeId=${city.B.id}`,
      `/api/v1/monitoring/summary?officeId=00000000-0000-4000-8000-000000000000`,
    ]) {
      const res = await t.http.get(url).set(bearer(city.A.officer)).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    for (const [who, url] of [
      [city.A.officer, `/api/v1/reports/ipk-iii-3?year=${ym.year}&month=${ym.month}&scope=aggregate`],
      [city.A.officer, '/api/v1/monitoring/summary?scope=aggregate'],
      [province, `/api/v1/monitoring/outcomes?officeId=${city.B.id}&scope=aggregate`],
      [province, '/api/v1/monitoring/summary?scope=all'],
      [province, '/api/v1/monitoring/summary?officeId=not-an-id'],
      [province, `/api/v1/reports/ipk-iii-1?year=${ym.year}&month=${ym.month}&officeId[]=x`],
    ] as const) {
      const res = await t.http.get(url).set(bearer(who)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const month = `${ym.year}-${String(ym.month).padStart(2, '0')}`;
    await t.http
      .post(`/api/v1/reports/periods/${month}/close?officeId=${city.A.id}`)
      .set(bearer(city.B.officer))
      .expect(404);
  });

  it('a month closes per office; later events of a closed office count in its next month; the aggregate still adds up', async () => {
    const month = `${ym.year}-${String(ym.month).padStart(2, '0')}`;
    const before = await Promise.all(TABLES.map((n) => ipk(n, city.A.officer)));
    const closed = await t.http.post(`/api/v1/reports/periods/${month}/close`).set(bearer(city.A.officer)).expect(200);
    expect(closed.body).toMatchObject({ month, closed: true });
    await t.http.post(`/api/v1/reports/periods/${month}/close`).set(bearer(city.A.officer)).expect(409);
    // City B and the province have their own ledgers: still open.
    expect((await get(`/api/v1/reports/periods/${month}`, city.B.officer)).closed).toBe(false);
    expect((await get(`/api/v1/reports/periods/${month}`, province)).closed).toBe(false);
    expect((await get(`/api/v1/reports/periods/${month}?officeId=${city.A.id}`, province)).closed).toBe(true);
    expect((await get('/api/v1/reports/periods', city.A.officer)).total).toBe(1);
    expect((await get('/api/v1/reports/periods', city.B.officer)).total).toBe(0);

    // More activity today in A (counted in A's next month) and in B (counted in this month).
    await cardIn(city.A.id);
    await cardIn(city.B.id);
    const [labourA] = (await t.ds.query(
      "SELECT COUNT(*) AS n FROM labour_events WHERE office = '1671' AND adjusts_month = ?",
      [month],
    )) as { n: unknown }[];
    expect(Number(labourA.n)).toBe(1);

    for (const [i, n] of TABLES.entries()) {
      const filed = await ipk(n, city.A.officer);
      expect(filed.checksum).toEqual(closed.body.checksum);
      expect(body(filed)).toEqual(body(before[i]));
      const parts = await Promise.all([ipk(n, province), filed, ipk(n, city.B.officer)]);
      expect(body(await ipk(n, province, '&scope=aggregate'))).toEqual(
        parts.map(body).reduce<unknown>((x, y) => add(x, y), undefined),
      );
    }
    // The console's closing page is the officer's own office's: A lists this month as closed, B offers it.
    const consoleOf = async (who: Session) => {
      const b = browser(t);
      await signIn(b, who.email);
      return (await b.get('/petugas/ipk/penutupan').expect(200)).text;
    };
    const pageA = await consoleOf(city.A.officer);
    expect(pageA).toContain(`/petugas/ipk/penutupan/${month}/koreksi`);
    expect(pageA).not.toContain(`name="month" value="${month}"`);
    const pageB = await consoleOf(city.B.officer);
    expect(pageB).not.toContain(`/petugas/ipk/penutupan/${month}/koreksi`);
    expect(pageB).toContain(`name="month" value="${month}"`);

    // The province may close a city's month (it is above it); a city may not close the province's.
    await t.http
      .post(`/api/v1/reports/periods/${month}/close?officeId=${provinceId}`)
      .set(bearer(city.B.officer))
      .expect(404);
    await t.http.post(`/api/v1/reports/periods/${month}/close?officeId=${city.B.id}`).set(bearer(province)).expect(200);
    expect((await get(`/api/v1/reports/periods/${month}`, city.B.officer)).closed).toBe(true);
  });
});
