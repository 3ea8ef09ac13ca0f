import { pathWith, ROUTE_POLICY, splitRoute } from '../security/route-policy';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  companyBody,
  PASSWORD,
  postVacancy,
  provinceWithTwoCities,
  registerEmployer,
  registerSeeker,
  seekerProfile,
  uniq,
  type EmployerSession,
  type SeekerSession,
  type Session,
} from '../support/factories';

/**
 * Issue 20, the scoping step (decisions 94–97): a province `16` deployment with the cities `1671` (Kota
 * Palembang) and `1672` (Kota Pagar Alam). Each city's officer reads and acts on its own region only (the
 * other's objects answer 404, like another tenant's); the province reads both and changes neither (403);
 * people and companies belong to the office of their domicile; cards are numbered with their city's code.
 */
describe('scoping by office: a province with two cities', () => {
  let t: TestApp;
  let province: Session;
  let cityA: Session; // 1671
  let cityB: Session; // 1672
  let office: { province: string; a: string; b: string };
  const A = { kecamatanCode: '16.71.01' };
  const B = { kecamatanCode: '16.72.01' };
  let seekerA: SeekerSession;
  let seekerB: SeekerSession;
  let employerA: EmployerSession;
  let employerB: EmployerSession;
  let cardA: { id: string; cardNumber: string };
  let cardB: { id: string; cardNumber: string };
  let vacancyA: { id: string };
  let vacancyB: { id: string };

  const officeIdOf = async (table: string, id: string) =>
    ((await t.ds.query(`SELECT office_id AS officeId FROM ${table} WHERE id = ?`, [id])) as { officeId: string }[])[0]
      ?.officeId;
  const requestAndApprove = async (seeker: Session, officer: Session) => {
    const req = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
    return (await t.http.post(`/api/v1/cards/${req.body.id}/approve`).set(bearer(officer)).expect(200)).body;
  };

  beforeAll(async () => {
    t = await startApp({ REGION_CODE: '16', OFFICE_NAME: 'Disnakertrans Sumatera Selatan' }, [], {
      freshDatabase: true,
    });
    ({ province, cityA, cityB, office } = await provinceWithTwoCities(t));

    seekerA = await registerSeeker(t, A);
    seekerB = await registerSeeker(t, B);
    employerA = await registerEmployer(t, A);
    employerB = await registerEmployer(t, B);
    await t.http.post(`/api/v1/employers/${employerA.employerId}/verify`).set(bearer(cityA)).expect(200);
    await t.http.post(`/api/v1/employers/${employerB.employerId}/verify`).set(bearer(cityB)).expect(200);
    cardA = await requestAndApprove(seekerA, cityA);
    cardB = await requestAndApprove(seekerB, cityB);
    vacancyA = await postVacancy(t, employerA, A);
    vacancyB = await postVacancy(t, employerB, B);
  });
  afterAll(() => t.close());

  it('people and companies belong to the city office of their domicile; vacancies to their work place', async () => {
    expect(await officeIdOf('seekers', seekerA.seekerId)).toBe(office.a);
    expect(await officeIdOf('seekers', seekerB.seekerId)).toBe(office.b);
    expect(await officeIdOf('employers', employerA.employerId)).toBe(office.a);
    expect(await officeIdOf('employers', employerB.employerId)).toBe(office.b);
    expect(await officeIdOf('vacancies', vacancyA.id)).toBe(office.a);
    expect(await officeIdOf('vacancies', vacancyB.id)).toBe(office.b);
    // regencyCode says it without a kecamatan; a regency with no office here falls to the first office.
    const byRegency = await registerSeeker(t, { kecamatanCode: null, regencyCode: '1672' });
    expect(await officeIdOf('seekers', byRegency.seekerId)).toBe(office.b);
    const elsewhere = await registerSeeker(t, { kecamatanCode: '16.01.07' });
    expect(await officeIdOf('seekers', elsewhere.seekerId)).toBe(office.province);
    // An employer's regencyCode, at the top of the body or in the company, wins over its kecamatan.
    for (const body of [
      { regencyCode: '1672', company: companyBody(A) },
      { company: companyBody({ ...A, regencyCode: '1672' }) },
    ]) {
      const res = await t.http
        .post('/api/v1/auth/register/employer')
        .send({ email: `${uniq('hr')}@company.test`, password: PASSWORD, fullName: 'Staf HR', ...body })
        .expect(201);
      expect(await officeIdOf('employers', res.body.employer.id)).toBe(office.b);
    }
    // A company of city A posting a job in city B: the vacancy is B's.
    const away = await postVacancy(t, employerA, B);
    expect(await officeIdOf('vacancies', away.id)).toBe(office.b);
    // Without a kecamatan: the employer's office.
    const noPlace = await postVacancy(t, employerB, { kecamatanCode: undefined });
    expect(await officeIdOf('vacancies', noPlace.id)).toBe(office.b);
  });

  it('public search spans every office and filters by the regency of the work place', async () => {
    const ids = async (query: Record<string, string>) =>
      (
        (
          await t.http
            .get('/api/v1/vacancies')
            .query({ pageSize: '100', ...query })
            .expect(200)
        ).body.items as {
          id: string;
        }[]
      ).map((v) => v.id);
    const all = await ids({});
    expect(all).toEqual(expect.arrayContaining([vacancyA.id, vacancyB.id]));
    const inA = await ids({ regencyCode: '1671' });
    expect(inA).toContain(vacancyA.id);
    expect(inA).not.toContain(vacancyB.id);
    const inB = await ids({ regencyCode: '1672' });
    expect(inB).toContain(vacancyB.id);
    expect(inB).not.toContain(vacancyA.id);
  });

  it('registration refuses a malformed regencyCode with 400', async () => {
    const res = await t.http
      .post('/api/v1/auth/register/seeker')
      .send({ email: `${uniq('s')}@mail.test`, password: PASSWORD, ...seekerProfile({ regencyCode: '16.71' }) })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('cards are numbered with their city office code', async () => {
    expect(cardA.cardNumber).toMatch(/^1671-\d{2}-000001-\d$/);
    expect(cardB.cardNumber).toMatch(/^1672-\d{2}-000001-\d$/);
    expect(await officeIdOf('cards', cardA.id)).toBe(office.a);
    expect(await officeIdOf('cards', cardB.id)).toBe(office.b);
  });

  it("each city officer gets 404 for the other city's card, seeker, employer and vacancy", async () => {
    const reads = (own: 'a' | 'b') => {
      const [card, seeker, employer, vacancy] =
        own === 'a'
          ? [cardB.id, seekerB.seekerId, employerB.employerId, vacancyB.id]
          : [cardA.id, seekerA.seekerId, employerA.employerId, vacancyA.id];
      return [`/cards/${card}`, `/seekers/${seeker}`, `/employers/${employer}`, `/vacancies/${vacancy}`];
    };
    for (const [who, officer] of [
      ['a', cityA],
      ['b', cityB],
    ] as const) {
      for (const path of reads(who)) {
        const res = await t.http.get(`/api/v1${path}`).set(bearer(officer));
        expect([path, res.status, res.body.code]).toEqual([path, 404, 'NOT_FOUND']);
      }
      for (const path of reads(who === 'a' ? 'b' : 'a'))
        expect([path, (await t.http.get(`/api/v1${path}`).set(bearer(officer))).status]).toEqual([path, 200]);
    }
  });

  it("lists show a city officer its own region's rows only, the province both cities'", async () => {
    const ids = async (officer: Session, path: string) =>
      (
        (await t.http.get(`/api/v1${path}?pageSize=100`).set(bearer(officer)).expect(200)).body.items as {
          id: string;
        }[]
      )
        .map((i) => i.id)
        .sort();
    expect(await ids(cityA, '/cards')).toEqual([cardA.id]);
    expect(await ids(cityB, '/cards')).toEqual([cardB.id]);
    expect(await ids(province, '/cards')).toEqual([cardA.id, cardB.id].sort());
    const employersOfA = await ids(cityA, '/employers');
    expect(employersOfA).toContain(employerA.employerId);
    expect(employersOfA).not.toContain(employerB.employerId);
    expect(await ids(province, '/employers')).toEqual(
      expect.arrayContaining([employerA.employerId, employerB.employerId]),
    );
  });

  /**
   * Generated from the access table: every officer read of one object (card, seeker, employer, vacancy)
   * asked by the other city's officer answers 404 NOT_FOUND, and by the object's own city 200. Left out:
   * candidates for a vacancy (any office's vacancy; the list holds the caller's own seekers — decision 96)
   * and the vacancy outcome (it needs a recorded outcome; its owner answers from the scoped vacancy read).
   */
  const SCOPED_KINDS = new Set(['card', 'seeker', 'employer', 'vacancy']);
  const officerReads = ROUTE_POLICY.filter(
    (p) =>
      p.route.startsWith('GET ') &&
      p.object &&
      SCOPED_KINDS.has(p.object) &&
      (p.allow.includes('officer') || p.allow.includes('public')) &&
      !p.route.endsWith('/candidates'),
  );
  it('the generated pass covers the object reads of every scoped kind', () => {
    expect(new Set(officerReads.map((p) => p.object))).toEqual(SCOPED_KINDS);
  });
  it.each(officerReads.map((p) => [p.route, p] as const))(
    "%s: the other city's officer → 404, the object's own city → 200",
    async (_route, p) => {
      const objectOf = (city: 'a' | 'b') => {
        const ids = {
          a: { card: cardA.id, seeker: seekerA.seekerId, employer: employerA.employerId, vacancy: vacancyA.id },
          b: { card: cardB.id, seeker: seekerB.seekerId, employer: employerB.employerId, vacancy: vacancyB.id },
        }[city];
        return ids[p.object as keyof typeof ids];
      };
      const { path } = splitRoute(p.route);
      for (const [officer, other, own] of [
        [cityA, 'b', cityB],
        [cityB, 'a', cityA],
      ] as const) {
        const url = pathWith(path, objectOf(other));
        const res = await t.http.get(url).set(bearer(officer));
        expect([url, res.status, res.body.code]).toEqual([url, 404, 'NOT_FOUND']);
        expect([url, (await t.http.get(url).set(bearer(own))).status]).toEqual([url, 200]);
      }
    },
  );

  it("the audit log shows an officer the events of its offices' cards, seekers, employers and vacancies", async () => {
    const entities = async (officer: Session, entityType: string) =>
      new Set(
        (
          (
            await t.http
              .get('/api/v1/audit-events')
              .query({ entityType, pageSize: '100' })
              .set(bearer(officer))
              .expect(200)
          ).body.items as { entityId: string }[]
        ).map((e) => e.entityId),
      );
    const cardsOfA = await entities(cityA, 'card');
    expect(cardsOfA.has(cardA.id)).toBe(true);
    expect(cardsOfA.has(cardB.id)).toBe(false);
    const employersOfB = await entities(cityB, 'employer');
    expect(employersOfB.has(employerB.employerId)).toBe(true);
    expect(employersOfB.has(employerA.employerId)).toBe(false);
    const cardsOfProvince = await entities(province, 'card');
    expect([cardsOfProvince.has(cardA.id), cardsOfProvince.has(cardB.id)]).toEqual([true, true]);
  });

  it("an outreach campaign reaches the companies of the officer's offices only", async () => {
    const recipients = async (officer: Session) => {
      const res = await t.http
        .post('/api/v1/outreach/campaigns')
        .set(bearer(officer))
        .send({ title: 'Sosialisasi', message: 'Laporkan lowongan Anda.', audience: {} })
        .expect(201);
      return (
        (await t.ds.query('SELECT employer_id AS e FROM outreach_recipients WHERE campaign_id = ?', [res.body.id])) as {
          e: string;
        }[]
      ).map((r) => r.e);
    };
    const ofA = await recipients(cityA);
    expect(ofA).toContain(employerA.employerId);
    expect(ofA).not.toContain(employerB.employerId);
    expect(await recipients(province)).toEqual(expect.arrayContaining([employerA.employerId, employerB.employerId]));
  });

  it("card validations and placements lists are scoped through the company's and the seeker's office", async () => {
    await t.http
      .post('/api/v1/card-validations')
      .set(bearer(employerB))
      .send({ cardNumber: cardB.cardNumber, nik: seekerB.nik })
      .expect(200);
    const validators = async (officer: Session) =>
      new Set(
        (
          (await t.http.get('/api/v1/card-validations').query({ pageSize: '100' }).set(bearer(officer)).expect(200))
            .body.items as { employerId: string }[]
        ).map((v) => v.employerId),
      );
    expect((await validators(cityB)).has(employerB.employerId)).toBe(true);
    expect((await validators(cityA)).has(employerB.employerId)).toBe(false);
    expect((await validators(province)).has(employerB.employerId)).toBe(true);
    // The placements list answers through its seekers' office on both engines (none recorded here).
    for (const officer of [cityA, province])
      expect((await t.http.get('/api/v1/placements').set(bearer(officer)).expect(200)).body.total).toBe(0);
  });

  it('the province reads both cities (200) and changing anything answers 403 FORBIDDEN', async () => {
    for (const path of [
      `/cards/${cardA.id}`,
      `/cards/${cardB.id}`,
      `/seekers/${seekerA.seekerId}`,
      `/employers/${employerB.employerId}`,
      `/vacancies/${vacancyA.id}`,
    ])
      expect([path, (await t.http.get(`/api/v1${path}`).set(bearer(province))).status]).toEqual([path, 200]);

    const pending = await t.http
      .post('/api/v1/cards/requests')
      .set(bearer(await registerSeeker(t, A)))
      .expect(201);
    const writes: [string, Record<string, unknown>][] = [
      [`/cards/${pending.body.id}/approve`, {}],
      [`/cards/${pending.body.id}/reject`, { reason: 'Dokumen kurang lengkap' }],
      [`/cards/${cardA.id}/revoke`, { reason: 'Data tidak benar' }],
      [`/cards/${cardB.id}/reports`, {}],
      [`/employers/${employerA.employerId}/suspend`, { reason: 'Lowongan fiktif' }],
      [`/vacancies/${vacancyB.id}/close`, { reason: 'Ditutup kantor' }],
      ['/cards', { seekerId: seekerA.seekerId }],
    ];
    for (const [path, body] of writes) {
      const res = await t.http.post(`/api/v1${path}`).set(bearer(province)).send(body);
      expect([path, res.status, res.body.code]).toEqual([path, 403, 'FORBIDDEN']);
      expect(res.body.message).toMatch(/province office reads/);
    }
    const kind = await t.http
      .patch(`/api/v1/employers/${employerB.employerId}`)
      .set(bearer(province))
      .send({ kind: 'BUMN' });
    expect([kind.status, kind.body.code]).toEqual([403, 'FORBIDDEN']);
    // Nothing changed.
    const still = await t.http.get(`/api/v1/cards/${pending.body.id}`).set(bearer(province)).expect(200);
    expect(still.body.status).toBe('PENDING');
    const active = await t.http.get(`/api/v1/cards/${cardA.id}`).set(bearer(province)).expect(200);
    expect(active.body.status).toBe('ACTIVE');
  });

  it("a city officer acting on the other city's objects gets 404; on its own, it acts", async () => {
    const pendingB = await t.http
      .post('/api/v1/cards/requests')
      .set(bearer(await registerSeeker(t, B)))
      .expect(201);
    const other: [string, Record<string, unknown>][] = [
      [`/cards/${pendingB.body.id}/approve`, {}],
      [`/cards/${cardB.id}/revoke`, { reason: 'Data tidak benar' }],
      [`/employers/${employerB.employerId}/suspend`, { reason: 'Lowongan fiktif' }],
      [`/vacancies/${vacancyB.id}/close`, { reason: 'Ditutup kantor' }],
      ['/cards', { seekerId: seekerB.seekerId }],
    ];
    for (const [path, body] of other) {
      const res = await t.http.post(`/api/v1${path}`).set(bearer(cityA)).send(body);
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
    const approved = await t.http.post(`/api/v1/cards/${pendingB.body.id}/approve`).set(bearer(cityB)).expect(200);
    expect(approved.body.cardNumber).toMatch(/^1672-\d{2}-000002-\d$/);
  });

  it("walk-ins belong to the registering officer's office and their cards carry its code", async () => {
    const created = await t.http.post('/api/v1/seekers').set(bearer(cityB)).send(seekerProfile(A)).expect(201);
    expect(await officeIdOf('seekers', created.body.id)).toBe(office.b);
    await t.http.post('/api/v1/cards').set(bearer(cityA)).send({ seekerId: created.body.id }).expect(404);
    const card = await t.http.post('/api/v1/cards').set(bearer(cityB)).send({ seekerId: created.body.id }).expect(201);
    expect(card.body.cardNumber).toMatch(/^1672-/);
    expect(await officeIdOf('cards', card.body.id)).toBe(office.b);
  });
});
