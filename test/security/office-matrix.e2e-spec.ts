import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOffice,
  makeOfficer,
  officerIn,
  nikFor,
  seekerProfile,
  seekerWithActiveCard,
  verifiedEmployer,
  type Session,
} from '../support/factories';
import {
  MULTIPART_FILE,
  OFFICERS_OF,
  pathWith,
  refusalFor,
  ROUTE_POLICY,
  splitRoute,
  type ObjectKind,
  type OfficerOf,
  type RoutePolicy,
} from './route-policy';
import { buildWorld, expectErrorShape, objectIdOf, type World } from './world';

/**
 * Issue 20: the access-control matrix across offices, generated from ROUTE_POLICY's `officeScope`. A national
 * deployment (`00`) with the province `16` and its cities `1671` (city A) and `1672` (city B); the security
 * world is built by city A's officer, so every object of every kind is city A's. Every route an officer may
 * call, and every route with an object, is called by the officers of city A, city B, the province and the
 * nation, and must answer as docs/offices.md "Scoping" says (see OfficeScopeRule for the expectations):
 * city B never sees or changes city A's rows (404, as another tenant's), the offices above read them and
 * change none (403), and lists and reports never carry another city's rows or numbers.
 *
 * One app, one world, requests in sequence. Reads first; then the other offices try every change (refused,
 * nothing changes); then city A makes them (role and scope let it through; state conflicts are fine).
 */
/** A walk-in's home: in the other city for city A and B (the officer's office still wins), else city A. */
const B_OR_A: Record<OfficerOf, { kecamatanCode: string }> = {
  cityA: { kecamatanCode: '16.72.01' },
  cityB: { kecamatanCode: '16.71.05' },
  province: { kecamatanCode: '16.71.05' },
  national: { kecamatanCode: '16.71.05' },
};

describe('security: the access-control matrix across offices', () => {
  let t: TestApp;
  let w: World;
  const officers = {} as Record<OfficerOf, Session>;
  const office = { national: '', province: '', a: '', b: '' };
  /** City B's own rows: the lists of city A must not carry them either. */
  let cityBRows: { employerId: string; seekerId: string; cardId: string };
  /** A seeker of city A whom any vacancy of the world's takes as a candidate (its age within 18–40). */
  let candidateA: string;
  let campaignA: string;
  let month: string;

  beforeAll(async () => {
    t = await startApp(
      {
        REGION_CODE: '00',
        OFFICE_NAME: 'Kementerian Ketenagakerjaan',
        VALIDATION_RATE_LIMIT: '100000',
        REGISTRATION_RATE_LIMIT: '100000',
      },
      [],
      { freshDatabase: true },
    );
    officers.national = await makeOfficer(t);
    const [root] = (await t.ds.query("SELECT id FROM offices WHERE code = '00'")) as { id: string }[];
    office.national = root.id;
    office.province = await makeOffice(t, officers.national, {
      code: '16',
      level: 'PROVINCE',
      name: 'Disnakertrans Sumatera Selatan',
      parentId: office.national,
    });
    office.a = await makeOffice(t, officers.national, {
      code: '1671',
      level: 'CITY',
      name: 'Disnaker Kota Palembang',
      parentId: office.province,
    });
    office.b = await makeOffice(t, officers.national, {
      code: '1672',
      level: 'CITY',
      name: 'Disnaker Kota Pagar Alam',
      parentId: office.province,
    });
    officers.province = await officerIn(t, officers.national, office.province, 'Petugas Uji');
    officers.cityA = await officerIn(t, officers.national, office.a, 'Petugas Uji');
    officers.cityB = await officerIn(t, officers.national, office.b, 'Petugas Uji');

    // Every object of the security world, in city A (its people, companies and work places are in 16.71).
    w = await buildWorld(t, { officer: officers.cityA });
    const B = { kecamatanCode: '16.72.01' };
    const employerB = await verifiedEmployer(t, officers.cityB, B);
    // Thirty years old: within every world vacancy's ages, so both are candidates for them.
    const thirty = (gender: 'L' | 'P') => {
      const birthDate = `${Number(t.clock.today().slice(0, 4)) - 30}-05-05`;
      return { birthDate, gender, nik: nikFor(birthDate, gender) };
    };
    candidateA = (await seekerWithActiveCard(t, officers.cityA, thirty('L'))).seeker.seekerId;
    const { seeker, card } = await seekerWithActiveCard(t, officers.cityB, { ...B, ...thirty('P') });
    cityBRows = { employerId: employerB.employerId, seekerId: seeker.seekerId, cardId: card.id };
    await t.http
      .post('/api/v1/card-validations')
      .set(bearer(employerB))
      .send({ cardNumber: card.cardNumber, nik: seeker.nik })
      .expect(200);
    campaignA = (
      await t.http
        .post('/api/v1/outreach/campaigns')
        .set(bearer(officers.cityA))
        .send({ title: 'Sosialisasi Kota A', message: 'Laporkan lowongan Anda.', audience: {} })
        .expect(201)
    ).body.id as string;
    const [y, m] = t.clock.today().split('-').map(Number);
    month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;

    const officeOf = async (table: string, id: string) =>
      ((await t.ds.query(`SELECT office_id AS o FROM ${table} WHERE id = ?`, [id])) as { o: string }[])[0]?.o;
    // The premise of every case below: the world is city A's, city B's rows are B's.
    expect(
      await Promise.all([
        officeOf('employers', w.a.employerId),
        officeOf('employers', w.b.employerId),
        officeOf('seekers', w.s1.seekerId),
        officeOf('seekers', w.s2.seekerId),
        officeOf('cards', w.s2.cardId),
        officeOf('vacancies', w.vacancyB),
        officeOf('vacancies', w.closedB),
        officeOf('employers', cityBRows.employerId),
        officeOf('cards', cityBRows.cardId),
      ]),
    ).toEqual([office.a, office.a, office.a, office.a, office.a, office.a, office.a, office.b, office.b]);
  }, 120_000);
  afterAll(() => t.close());

  /** City A's object of this kind (the `{id}` of an object route). */
  function idOf(kind: ObjectKind | undefined): string | undefined {
    return kind === 'campaign' ? campaignA : objectIdOf(w, kind);
  }

  /** City A's objects of a kind, as a list route shows them; and city B's (none for some kinds). */
  function listed(kind: ObjectKind): { ofA: string[]; ofB: string[] } {
    switch (kind) {
      case 'employer':
        return { ofA: [w.a.employerId, w.b.employerId], ofB: [cityBRows.employerId] };
      case 'card':
        return { ofA: [w.s1.cardId, w.s2.cardId], ofB: [cityBRows.cardId] };
      case 'seeker':
        return { ofA: [candidateA], ofB: [cityBRows.seekerId] };
      case 'placement':
        return { ofA: [w.placementB], ofB: [] };
      case 'campaign':
        return { ofA: [campaignA], ofB: [] };
      default:
        throw new Error(`no list of ${kind} in the office matrix`);
    }
  }

  const noneStatus = new Map<string, number>();
  const scopeOf = (p: RoutePolicy) => p.officeScope!;
  const isGet = (p: RoutePolicy) => p.route.startsWith('GET ');

  function send(p: RoutePolicy, who: OfficerOf, query: Record<string, string> = {}) {
    const { method, path } = splitRoute(p.route);
    const rule = scopeOf(p);
    const id = rule.kind === 'office' ? office.a : idOf(p.object);
    let req = t.http[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put'](
      pathWith(path, id).replace('{month}', month).replace('{list}', 'kbli-sections'),
    )
      .query(query)
      .set(bearer(officers[who]));
    if (!p.body) return req;
    if (p.multipart) {
      for (const [k, v] of Object.entries(p.body(w) as Record<string, string>)) req = req.field(k, v);
      return req.attach('file', MULTIPART_FILE, 'file.pdf');
    }
    return p.csv ? req.set('Content-Type', 'text/csv').send(p.body(w) as string) : req.send(p.body(w) as object);
  }

  const outcome = (res: { status: number; body: { code?: string } }) => ({ status: res.status, code: res.body.code });
  const PASSED = 'passed role and scope (not 403/404, no 5xx)';
  /** The reply when the role check and the office scope let the call through: anything but 403, 404 or 5xx. */
  const passed = (res: { status: number }) =>
    res.status === 403 || res.status === 404 || res.status >= 500 ? res.status : PASSED;

  /** Asserts what one officer gets from one route (lists and reports: with their extra checks below). */
  async function check(p: RoutePolicy, who: OfficerOf): Promise<void> {
    const rule = scopeOf(p);
    const label = `${p.route} as ${who}`;
    const refusal = refusalFor(p, 'officer');
    if (refusal) {
      const res = await send(p, who);
      expect([label, outcome(res)]).toEqual([label, refusal]);
      return;
    }
    switch (rule.kind) {
      case 'object': {
        const res = await send(p, who);
        if (who === 'cityA') expect([label, passed(res)]).toEqual([label, PASSED]);
        else if (who === 'cityB') {
          expect([label, outcome(res)]).toEqual([label, { status: 404, code: 'NOT_FOUND' }]);
          expectErrorShape(res);
          for (const secret of w.secrets) expect(res.text).not.toContain(secret);
        } else if (isGet(p)) expect([label, res.status]).toEqual([label, 200]);
        else {
          expect([label, outcome(res)]).toEqual([label, { status: 403, code: 'FORBIDDEN' }]);
          expect(res.body.message).toMatch(/province office reads/);
        }
        return;
      }
      case 'list': {
        const res = await send(p, who, { pageSize: '100', ...rule.query });
        expect([label, res.status]).toEqual([label, 200]);
        const field = rule.field ?? 'id';
        const ids = new Set(
          (res.body.items as Record<string, unknown>[]).map((item) =>
            field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], item),
          ),
        );
        const { ofA, ofB } = listed(rule.lists);
        const seen = (list: string[]) => list.filter((id) => ids.has(id));
        // Each city sees its own rows and none of the other's; the province and the nation see both.
        expect([label, seen(ofA), seen(ofB)]).toEqual([label, who === 'cityB' ? [] : ofA, who === 'cityA' ? [] : ofB]);
        return;
      }
      case 'report': {
        const [year, monthOfYear] = month.split('-').map(Number);
        const res = await send(p, who, {
          officeId: office.a,
          ...(rule.monthly ? { year: String(year), month: String(monthOfYear) } : {}),
        });
        if (who === 'cityB') {
          expect([label, outcome(res)]).toEqual([label, { status: 404, code: 'NOT_FOUND' }]);
          expectErrorShape(res);
        } else if (isGet(p)) expect([label, res.status]).toEqual([label, 200]);
        else expect([label, passed(res)]).toEqual([label, PASSED]);
        return;
      }
      case 'office': {
        const res = await send(p, who);
        expect([label, res.status]).toEqual([label, rule.tree[who]]);
        return;
      }
      case 'own-office': {
        const res = await send(p, who);
        expect([label, passed(res)]).toEqual([label, PASSED]);
        return;
      }
      case 'none': {
        // No office's rows: every officer gets what the first one got.
        const res = await send(p, who);
        const first = noneStatus.get(p.route) ?? res.status;
        noneStatus.set(p.route, first);
        expect([label, res.status < 500, res.status]).toEqual([label, true, first]);
        return;
      }
    }
  }

  describe('inventory', () => {
    it('every route an officer may call, and every route with an object, declares its office behaviour', () => {
      const undeclared = ROUTE_POLICY.filter((p) => (p.allow.includes('officer') || p.object) && !p.officeScope);
      expect(undeclared.map((p) => p.route)).toEqual([]);
    });

    it('says why a route is outside scoping, and object and list rules name what they scope', () => {
      const problems = ROUTE_POLICY.flatMap((p) => {
        const rule = p.officeScope;
        if (!rule) return [];
        if (rule.kind === 'none' && rule.why.trim().length < 20) return [`${p.route}: no reason`];
        if (rule.kind === 'object' && !p.object && !p.body) return [`${p.route}: an object rule without an object`];
        if (rule.kind === 'list' && !p.route.startsWith('GET ')) return [`${p.route}: a list that is not a GET`];
        return [];
      });
      expect(problems).toEqual([]);
    });
  });

  const declared = ROUTE_POLICY.filter((p) => p.officeScope);

  describe('reads: every officer, every read', () => {
    it.each(declared.filter(isGet).map((p) => [p.route, p] as const))('%s', async (_r, p) => {
      for (const who of OFFICERS_OF) await check(p, who);
    });
  });

  it("office settings: a city reads its own, its province's and the nation's, never the other city's", async () => {
    const status = async (who: OfficerOf, id: string) =>
      (await t.http.get(`/api/v1/offices/${id}/settings`).set(bearer(officers[who]))).status;
    expect(
      await Promise.all([office.a, office.province, office.national, office.b].map((id) => status('cityA', id))),
    ).toEqual([200, 200, 200, 404]);
    expect(await status('province', office.b)).toBe(200);
    const other = await t.http.get(`/api/v1/offices/${office.a}/settings`).set(bearer(officers.cityB));
    expectErrorShape(other);
    expect(other.body.code).toBe('NOT_FOUND');
  });

  it("rows an officer makes belong to the officer's own office (walk-ins), whichever office it is", async () => {
    const officeOfMine: Record<OfficerOf, string> = {
      cityA: office.a,
      cityB: office.b,
      province: office.province,
      national: office.national,
    };
    for (const who of OFFICERS_OF) {
      const res = await t.http
        .post('/api/v1/seekers')
        .set(bearer(officers[who]))
        .send(seekerProfile(B_OR_A[who]))
        .expect(201);
      const [row] = (await t.ds.query('SELECT office_id AS o FROM seekers WHERE id = ?', [res.body.id])) as {
        o: string;
      }[];
      expect([who, row.o]).toEqual([who, officeOfMine[who]]);
    }
  });

  /**
   * IPK tables and monitoring views (ReportScopes, docs/reports.md "Per office and aggregated"): another
   * city's `officeId` is 404 (the matrix above); `scope=aggregate` is a province's or the nation's (a city: 400);
   * and a city's own numbers are exactly its office's, as the nation reads them for that office.
   */
  describe('reports and monitoring: aggregates above a city, no city sees the other one’s numbers', () => {
    const aggregated = declared.filter((p) => {
      const rule = scopeOf(p);
      return rule.kind === 'report' && rule.aggregate;
    });
    const thisMonth = () => {
      const [year, m] = t.clock.today().split('-').map(Number);
      return { year: String(year), month: String(m) };
    };
    const read = (p: RoutePolicy, who: OfficerOf, query: Record<string, string>) => {
      const rule = scopeOf(p);
      return t.http
        .get(splitRoute(p.route).path)
        .query({ ...(rule.kind === 'report' && rule.monthly ? thisMonth() : {}), ...query })
        .set(bearer(officers[who]));
    };

    it('covers the eight IPK tables and the three monitoring views', () => {
      expect(aggregated.length).toBe(11);
    });

    it.each(aggregated.map((p) => [p.route, p] as const))('%s', async (_r, p) => {
      // A city has nothing below it to add up: 400, whichever office it names.
      const queries: Record<string, string>[] = [{ scope: 'aggregate' }, { scope: 'aggregate', officeId: office.a }];
      for (const query of queries) {
        const res = await read(p, 'cityA', query);
        expect([query, outcome(res)]).toEqual([query, { status: 400, code: 'VALIDATION_FAILED' }]);
        expectErrorShape(res);
      }
      // Asked by city B for city A, aggregated or not: 404, nothing of A's.
      const leak = await read(p, 'cityB', { scope: 'aggregate', officeId: office.a });
      expect(outcome(leak)).toEqual({ status: 404, code: 'NOT_FOUND' });
      // The province adds up its cities, the nation everything.
      await read(p, 'province', { scope: 'aggregate' }).expect(200);
      await read(p, 'national', { scope: 'aggregate' }).expect(200);
      await read(p, 'national', { scope: 'aggregate', officeId: office.province }).expect(200);
      // Each city's own view is exactly its office's numbers, as the nation reads them for that office.
      for (const [who, id] of [
        ['cityA', office.a],
        ['cityB', office.b],
      ] as const) {
        const own = (await read(p, who, {}).expect(200)).body;
        const ofOffice = (await read(p, 'national', { officeId: id }).expect(200)).body;
        expect([who, own]).toEqual([who, ofOffice]);
      }
    });

    it("city B's summary counts its own card and company, none of city A's", async () => {
      const summary = async (who: OfficerOf) =>
        (await t.http.get('/api/v1/monitoring/summary').set(bearer(officers[who])).expect(200)).body as {
          cards: { active: number };
          employers: { verified: number };
        };
      const [a, b] = [await summary('cityA'), await summary('cityB')];
      expect([b.cards.active, b.employers.verified]).toEqual([1, 1]);
      expect(a.cards.active).toBeGreaterThan(1);
      const province = (
        await t.http
          .get('/api/v1/monitoring/summary')
          .query({ scope: 'aggregate' })
          .set(bearer(officers.province))
          .expect(200)
      ).body as { cards: { active: number } };
      expect(province.cards.active).toBe(a.cards.active + b.cards.active);
    });
  });

  describe('changes by city B, the province and the nation: refused, nothing changed', () => {
    it.each(declared.filter((p) => !isGet(p)).map((p) => [p.route, p] as const))('%s', async (_r, p) => {
      for (const who of OFFICERS_OF.filter((o) => o !== 'cityA')) await check(p, who);
    });

    it("left city A's objects as they were", async () => {
      const get = async (path: string) =>
        (await t.http.get(`/api/v1${path}`).set(bearer(officers.cityA)).expect(200)).body;
      expect((await get(`/cards/${w.s2.cardId}`)).status).toBe('ACTIVE');
      expect((await get(`/employers/${w.b.employerId}`)).status).toBe('VERIFIED');
      expect((await get(`/vacancies/${w.vacancyB}`)).status).toBe('OPEN');
      expect((await get(`/outreach/campaigns/${campaignA}`)).status).toBe('DRAFT');
      const docs = (await get(`/seekers/${w.s2.seekerId}/documents`)) as { items?: { id: string; status: string }[] };
      const list = docs.items ?? (docs as unknown as { id: string; status: string }[]);
      expect(list.find((d) => d.id === w.docS2)?.status).toBe('SUBMITTED');
      const placements = (await get('/placements?pageSize=100')).items as { id: string; voidedAt: string | null }[];
      expect(placements.find((pl) => pl.id === w.placementB)?.voidedAt ?? null).toBeNull();
    });
  });

  describe("changes by city A's own officer: role and scope let them through", () => {
    it.each(declared.filter((p) => !isGet(p)).map((p) => [p.route, p] as const))('%s', async (_r, p) => {
      await check(p, 'cityA');
    });
  });
});
