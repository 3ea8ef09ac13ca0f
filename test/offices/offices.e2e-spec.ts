import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { createScratchDatabase, ENGINE, startApp, type TestApp } from '../support/app';
import { bearer, login, makeOfficer, PASSWORD, registerSeeker, uniq, type Session } from '../support/factories';

/** Issue 20, first step (decisions 89–93): offices as data, officers' offices, the routes' rules. */

/** Every app of this spec gets a database of its own: office codes are unique in a database. */
const fresh = (env: Record<string, string> = {}) => startApp(env, [], { freshDatabase: true });

const offices = async (t: TestApp) =>
  (await t.ds.query('SELECT id, code, level, name, parent_id AS parentId FROM offices ORDER BY code')) as {
    id: string;
    code: string;
    level: string;
    name: string;
    parentId: string | null;
  }[];

describe('the first office, from REGION_CODE', () => {
  it.each([
    ['1671', 'CITY', 'Dinas Tenaga Kerja Kota Palembang'],
    ['16', 'PROVINCE', 'Dinas Tenaga Kerja dan Transmigrasi Provinsi Sumatera Selatan'],
    ['00', 'NATIONAL', 'Kementerian Ketenagakerjaan'],
  ])('REGION_CODE=%s makes a %s office named OFFICE_NAME, listed publicly', async (code, level, name) => {
    const t = await fresh({ REGION_CODE: code, OFFICE_NAME: name });
    try {
      const list = await t.http.get('/api/v1/offices').expect(200);
      expect(list.body.total).toBe(1);
      expect(list.body.items).toEqual([{ id: expect.any(String), code, level, name, parentId: null }]);
      const one = await t.http.get(`/api/v1/offices/${list.body.items[0].id}`).expect(200);
      expect(one.body).toEqual(list.body.items[0]);
      // The bootstrap officer and every officer made since belong to it.
      const officer = await makeOfficer(t);
      const me = await t.http.get('/api/v1/auth/me').set(bearer(officer)).expect(200);
      expect(me.body.officeId).toBe(list.body.items[0].id);
    } finally {
      await t.close();
    }
  });

  it('a province deployment numbers its cards with its code padded to 4 digits (1600…)', async () => {
    const t = await fresh({ REGION_CODE: '16' });
    try {
      const officer = await makeOfficer(t);
      const seeker = await registerSeeker(t);
      const req = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
      const card = await t.http.post(`/api/v1/cards/${req.body.id}/approve`).set(bearer(officer)).expect(200);
      expect(card.body.cardNumber).toMatch(/^1600-\d{2}-000001-\d$/);
    } finally {
      await t.close();
    }
  });

  it('refuses a REGION_CODE of no level at start', async () => {
    for (const code of ['1', '167', '16710', '1600', 'ab'])
      await expect(startApp({ REGION_CODE: code })).rejects.toThrow(/REGION_CODE/);
  });

  it('an existing installation: the office is made and every row without one is given it, nothing renumbered', async () => {
    const first = await fresh({ REGION_CODE: '1671' });
    let second: TestApp | null = null;
    try {
      const officer = await makeOfficer(first);
      const seeker = await registerSeeker(first);
      const req = await first.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
      const card = await first.http.post(`/api/v1/cards/${req.body.id}/approve`).set(bearer(officer)).expect(200);
      // As before offices existed: no office, no office_id anywhere.
      for (const table of ['users', 'seekers', 'employers', 'cards', 'vacancies'])
        await first.ds.query(`UPDATE ${table} SET office_id = NULL`);
      await first.ds.query('DELETE FROM offices');
      const env: Record<string, string> =
        ENGINE === 'mysql'
          ? { REGION_CODE: '1671', DB_URL: first.config.db.url! }
          : { REGION_CODE: '1671', DB_PATH: first.config.db.path };
      second = await startApp(env);
      const [office] = await offices(second);
      expect(await offices(second)).toHaveLength(1);
      expect(office).toMatchObject({ code: '1671', level: 'CITY', parentId: null });
      for (const table of ['users', 'seekers', 'cards']) {
        const rows = (await second.ds.query(
          `SELECT COUNT(*) AS n, SUM(CASE WHEN office_id = ? THEN 1 ELSE 0 END) AS mine FROM ${table}`,
          [office.id],
        )) as { n: number | string; mine: number | string }[];
        expect(Number(rows[0].n)).toBeGreaterThan(0);
        expect(Number(rows[0].mine)).toBe(Number(rows[0].n));
      }
      const again = await second.http
        .get(`/api/v1/cards/${card.body.id}`)
        .set(bearer(await login(second, officer.email)));
      expect(again.body.cardNumber).toBe(card.body.cardNumber);
    } finally {
      if (second) await second.close();
      await first.close();
    }
  });

  (ENGINE === 'mysql' ? it : it.skip)(
    'two instances starting at once on one empty database make one office',
    async () => {
      const scratch = await createScratchDatabase(process.env.DB_URL ?? 'mysql://root@127.0.0.1:3306/ak1_test');
      const apps: TestApp[] = [];
      try {
        const started = await Promise.allSettled(
          [0, 1].map(() => startApp({ DB_URL: scratch.url, REGION_CODE: '1671', OFFICE_NAME: 'Kantor Kembar' })),
        );
        for (const s of started) if (s.status === 'fulfilled') apps.push(s.value);
        expect(started.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled']);
        expect(await offices(apps[0])).toEqual([expect.objectContaining({ code: '1671', name: 'Kantor Kembar' })]);
        const [a, b] = await Promise.all(apps.map((t) => t.http.get('/api/v1/offices').expect(200)));
        expect(a.body.items[0].id).toBe(b.body.items[0].id);
      } finally {
        for (const t of apps) await t.close();
        await scratch.drop();
      }
    },
  );
});

describe('offices under offices: who may create and change which', () => {
  let t: TestApp;
  let national: Session;
  let nationalId: string;
  let province: { id: string };
  let city: { id: string };
  let provinceOfficer: Session;
  let cityOfficer: Session;

  /** An officer made by `by` through POST /officers, signed in. */
  const officerIn = async (by: Session, officeId?: string) => {
    const email = `${uniq('petugas')}@disnaker.test`;
    const res = await t.http
      .post('/api/v1/officers')
      .set(bearer(by))
      .send({ email, password: PASSWORD, fullName: 'Petugas Kantor', ...(officeId ? { officeId } : {}) });
    return { res, session: res.status === 201 ? await login(t, email) : null };
  };

  beforeAll(async () => {
    t = await fresh({ REGION_CODE: '00', OFFICE_NAME: 'Kementerian Ketenagakerjaan' });
    national = await makeOfficer(t);
    nationalId = (await offices(t))[0].id;
    province = (
      await t.http
        .post('/api/v1/offices')
        .set(bearer(national))
        .send({ code: '16', level: 'PROVINCE', name: 'Disnakertrans Sumatera Selatan', parentId: nationalId })
        .expect(201)
    ).body;
    city = (
      await t.http
        .post('/api/v1/offices')
        .set(bearer(national))
        .send({ code: '1671', level: 'CITY', name: 'Disnaker Kota Palembang', parentId: province.id })
        .expect(201)
    ).body;
    provinceOfficer = (await officerIn(national, province.id)).session!;
    cityOfficer = (await officerIn(national, city.id)).session!;
  });
  afterAll(() => t.close());

  it('the national office creates provinces and the cities under them', async () => {
    expect(province).toMatchObject({ code: '16', level: 'PROVINCE', parentId: nationalId });
    expect(city).toMatchObject({ code: '1671', level: 'CITY', parentId: province.id });
    const list = await t.http.get('/api/v1/offices').expect(200);
    expect(list.body.items.map((o: { code: string }) => o.code)).toEqual(['00', '16', '1671']);
  });

  it('a province officer creates cities under its province only; a city officer creates none', async () => {
    const made = await t.http
      .post('/api/v1/offices')
      .set(bearer(provinceOfficer))
      .send({ code: '1672', level: 'CITY', name: 'Disnaker Kabupaten Contoh', parentId: province.id })
      .expect(201);
    expect(made.body).toMatchObject({ code: '1672', level: 'CITY', parentId: province.id });
    // Another province: only the national office makes it.
    const other = await t.http
      .post('/api/v1/offices')
      .set(bearer(provinceOfficer))
      .send({ code: '17', level: 'PROVINCE', name: 'Disnakertrans Bengkulu', parentId: nationalId });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('FORBIDDEN');
    const byCity = await t.http
      .post('/api/v1/offices')
      .set(bearer(cityOfficer))
      .send({ code: '1673', level: 'CITY', name: 'Disnaker Kabupaten Lain', parentId: province.id });
    expect(byCity.status).toBe(403);
    expect(byCity.body.code).toBe('FORBIDDEN');
  });

  it.each([
    ['a city code of another province', { code: '1771', level: 'CITY' }, 'parent'],
    ['a city whose code is a province code', { code: '17', level: 'CITY' }, 'parent'],
    ['a province under a province', { code: '18', level: 'PROVINCE' }, 'parent'],
    ['the national level', { code: '00', level: 'NATIONAL' }, 'parent'],
    ['a code of letters', { code: '16AB', level: 'CITY' }, 'parent'],
    ['a regency part of 00', { code: '1600', level: 'CITY' }, 'parent'],
    ['an unknown parent', { code: '1679', level: 'CITY' }, 'unknown'],
    ['a parent that is no id', { code: '1679', level: 'CITY' }, 'junk'],
  ])('400 for %s', async (_, body, parent) => {
    const parentId = parent === 'parent' ? province.id : parent === 'unknown' ? randomUUID() : "1' OR '1'='1";
    const res = await t.http
      .post('/api/v1/offices')
      .set(bearer(national))
      .send({ ...body, name: 'Kantor Uji', parentId });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('409 OFFICE_EXISTS for a code already taken', async () => {
    const res = await t.http
      .post('/api/v1/offices')
      .set(bearer(national))
      .send({ code: '1671', level: 'CITY', name: 'Kantor Kembar', parentId: province.id });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('OFFICE_EXISTS');
  });

  it('PATCH: officers above the office change it; its own officers and those beside it do not', async () => {
    const renamed = await t.http
      .patch(`/api/v1/offices/${city.id}`)
      .set(bearer(provinceOfficer))
      .send({ name: 'Dinas Tenaga Kerja Kota Palembang' })
      .expect(200);
    expect(renamed.body).toMatchObject({ id: city.id, code: '1671', name: 'Dinas Tenaga Kerja Kota Palembang' });
    expect((await t.http.get(`/api/v1/offices/${city.id}`).expect(200)).body.name).toBe(
      'Dinas Tenaga Kerja Kota Palembang',
    );
    const own = await t.http.patch(`/api/v1/offices/${city.id}`).set(bearer(cityOfficer)).send({ name: 'Nama Baru' });
    expect(own.status).toBe(403);
    const up = await t.http.patch(`/api/v1/offices/${province.id}`).set(bearer(provinceOfficer)).send({ name: 'Baru' });
    expect(up.status).toBe(403);
    const wrongCode = await t.http.patch(`/api/v1/offices/${city.id}`).set(bearer(national)).send({ code: '1771' });
    expect(wrongCode.status).toBe(400);
    const root = await t.http.patch(`/api/v1/offices/${nationalId}`).set(bearer(national)).send({ code: '01' });
    expect(root.status).toBe(400);
    await t.http.patch('/api/v1/offices/not-an-id').set(bearer(national)).send({ name: 'X Y Z' }).expect(404);
    await t.http.patch(`/api/v1/offices/${randomUUID()}`).set(bearer(national)).send({ name: 'X Y Z' }).expect(404);
  });

  it('POST /officers: in the caller office by default, or one below it; never above or beside', async () => {
    const plain = await officerIn(provinceOfficer);
    expect(plain.res.status).toBe(201);
    expect(plain.res.body.officeId).toBe(province.id);
    const below = await officerIn(provinceOfficer, city.id);
    expect(below.res.status).toBe(201);
    expect(below.res.body.officeId).toBe(city.id);
    const me = await t.http.get('/api/v1/auth/me').set(bearer(below.session!)).expect(200);
    expect(me.body.officeId).toBe(city.id);
    const above = await officerIn(cityOfficer, province.id);
    expect(above.res.status).toBe(403);
    const unknown = await officerIn(provinceOfficer, randomUUID());
    expect(unknown.res.status).toBe(404);
    const junk = await officerIn(provinceOfficer, '../../etc');
    expect(junk.res.status).toBe(400);
  });

  it('a token from before offices (no office claim) acts for the root office', async () => {
    const jwt = t.app.get(JwtService);
    const { secret, issuer, audience } = t.config.jwt;
    const legacy = await jwt.signAsync(
      { sub: national.userId, role: 'officer', email: national.email },
      { secret, algorithm: 'HS256', issuer, audience, expiresIn: 300, jwtid: randomUUID() },
    );
    const email = `${uniq('lama')}@disnaker.test`;
    const res = await t.http
      .post('/api/v1/officers')
      .set({ Authorization: `Bearer ${legacy}` })
      .send({ email, password: PASSWORD, fullName: 'Petugas Lama' })
      .expect(201);
    expect(res.body.officeId).toBe(nationalId);
  });

  describe('settings', () => {
    it('GET: the office sets nothing at first; the deployment settings are in force', async () => {
      const res = await t.http.get(`/api/v1/offices/${city.id}/settings`).set(bearer(cityOfficer)).expect(200);
      expect(res.body).toEqual({
        officeId: city.id,
        requiredDocuments: null,
        signingOfficer: null,
        letterhead: null,
        overdueRule: null,
        effective: {
          requiredDocuments: '',
          signingOfficer: { name: '', nip: '' },
          letterhead: { name: 'Kementerian Ketenagakerjaan', address: expect.any(String) },
          overdueRule: { graceDays: 0 },
        },
      });
      await t.http.get(`/api/v1/offices/${city.id}/settings`).expect(401);
    });

    it('PATCH by the office or one above it, tidied; null gives the setting back to the deployment', async () => {
      const res = await t.http
        .patch(`/api/v1/offices/${city.id}/settings`)
        .set(bearer(cityOfficer))
        .send({
          requiredDocuments: ' ktp , ijazah|skl ',
          signingOfficer: { name: ' Drs. Ahmad Fauzi ', nip: '197001011995031001' },
          letterhead: { name: 'Dinas Tenaga Kerja Kota Palembang', address: 'Jl. Merdeka No. 1, Palembang' },
          overdueRule: { graceDays: 7 },
        })
        .expect(200);
      expect(res.body).toMatchObject({
        requiredDocuments: 'KTP,IJAZAH|SKL',
        signingOfficer: { name: 'Drs. Ahmad Fauzi', nip: '197001011995031001' },
        effective: { requiredDocuments: 'KTP,IJAZAH|SKL', overdueRule: { graceDays: 7 } },
      });
      const byProvince = await t.http
        .patch(`/api/v1/offices/${city.id}/settings`)
        .set(bearer(provinceOfficer))
        .send({ overdueRule: null })
        .expect(200);
      expect(byProvince.body.overdueRule).toBeNull();
      expect(byProvince.body.effective.overdueRule).toEqual({ graceDays: 0 });
      expect(byProvince.body.requiredDocuments).toBe('KTP,IJAZAH|SKL');
    });

    it('403 for an office above or beside the caller', async () => {
      const res = await t.http
        .patch(`/api/v1/offices/${province.id}/settings`)
        .set(bearer(cityOfficer))
        .send({ overdueRule: { graceDays: 1 } });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });

    it.each([
      ['an unknown document type', { requiredDocuments: 'KTP,PASPOR' }],
      ['an empty alternative', { requiredDocuments: 'KTP|' }],
      ['a NIP of 17 digits', { signingOfficer: { name: 'Drs. Ahmad', nip: '19700101199503100' } }],
      ['a signing officer without NIP', { signingOfficer: { name: 'Drs. Ahmad' } }],
      ['a letterhead of the wrong type', { letterhead: 'Dinas' }],
      ['grace days past 60', { overdueRule: { graceDays: 61 } }],
      ['grace days negative', { overdueRule: { graceDays: -1 } }],
      ['grace days as text', { overdueRule: { graceDays: 'tujuh' } }],
      ['a required documents list as an array', { requiredDocuments: ['KTP'] }],
    ])('400 for %s', async (_, body) => {
      const res = await t.http.patch(`/api/v1/offices/${city.id}/settings`).set(bearer(cityOfficer)).send(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    });
  });
});
