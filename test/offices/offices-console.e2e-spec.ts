import { browser, csrfOf, signIn, textOf, tokensOf } from '../console/support';
import { startApp, type TestApp } from '../support/app';
import { bearer, login, makeOfficer, PASSWORD, uniq, type Session } from '../support/factories';

/** The console's office pages (issue 20, first step): the tree, adding offices and officers, settings. */
describe('console: /petugas/kantor', () => {
  let t: TestApp;
  let national: Session;

  beforeAll(async () => {
    t = await startApp({ REGION_CODE: '00', OFFICE_NAME: 'Kementerian Ketenagakerjaan' }, [], { freshDatabase: true });
    national = await makeOfficer(t);
  });
  afterAll(() => t.close());

  const post = async (b: ReturnType<typeof browser>, page: string, action: string, fields: Record<string, string>) => {
    const html = (await b.get(page).expect(200)).text;
    return b
      .post(action)
      .type('form')
      .send({ ...tokensOf(html, action), ...fields });
  };

  it('adds a province and a city, then an officer in the city, who sees only the city', async () => {
    const desk = browser(t);
    await signIn(desk, national.email);
    const page = await desk.get('/petugas/kantor').expect(200);
    expect(textOf(page.text)).toContain('Kementerian Ketenagakerjaan');
    expect(textOf(page.text)).toContain('Kantor Anda');
    expect(page.text).toContain('href="/petugas/kantor"'); // in the menu

    const rootId = (await t.http.get('/api/v1/offices').expect(200)).body.items[0].id as string;
    let res = await post(desk, '/petugas/kantor', '/petugas/kantor', {
      level: 'PROVINCE',
      parentId: rootId,
      code: '16',
      name: 'Disnakertrans Sumatera Selatan',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/petugas/kantor?ok=officeCreated');
    const provinceId = (await t.http.get('/api/v1/offices').expect(200)).body.items.find(
      (o: { code: string }) => o.code === '16',
    ).id as string;

    // A city of another province: refused on the code field, in Indonesian.
    res = await post(desk, '/petugas/kantor', '/petugas/kantor', {
      level: 'CITY',
      parentId: provinceId,
      code: '1771',
      name: 'Disnaker Kota Bengkulu',
    });
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain('Isi 2 angka untuk provinsi atau 4 angka untuk kabupaten/kota');
    res = await post(desk, '/petugas/kantor', '/petugas/kantor', {
      level: 'CITY',
      parentId: provinceId,
      code: '1671',
      name: 'Disnaker Kota Palembang',
    });
    expect(res.status).toBe(303);
    res = await post(desk, '/petugas/kantor', '/petugas/kantor', {
      level: 'CITY',
      parentId: provinceId,
      code: '1671',
      name: 'Disnaker Kota Palembang',
    });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain('Kantor dengan kode wilayah ini sudah ada.');
    // The audit log says it in words.
    const audit = textOf((await desk.get('/petugas/audit').expect(200)).text);
    expect(audit).toContain('Kantor dibuat');
    expect(audit).not.toContain('office.created');
    const cityId = (await t.http.get('/api/v1/offices').expect(200)).body.items.find(
      (o: { code: string }) => o.code === '1671',
    ).id as string;

    // The officer form offers the offices of the tree, and puts the officer in the one chosen.
    const form = await desk.get('/petugas/kantor/petugas-baru').expect(200);
    for (const id of [rootId, provinceId, cityId]) expect(form.text).toContain(`value="${id}"`);
    const email = `${uniq('kota')}@disnaker.test`;
    res = await post(desk, '/petugas/kantor/petugas-baru', '/petugas/kantor/petugas-baru', {
      officeId: cityId,
      fullName: 'Petugas Kota',
      email,
      password: PASSWORD,
      nip: '',
    });
    expect(res.status).toBe(303);
    const city = await login(t, email);
    expect((await t.http.get('/api/v1/auth/me').set(bearer(city)).expect(200)).body.officeId).toBe(cityId);

    const cityDesk = browser(t);
    await signIn(cityDesk, email);
    const cityTree = textOf((await cityDesk.get('/petugas/kantor').expect(200)).text);
    expect(cityTree).toContain('Disnaker Kota Palembang');
    expect(cityTree).not.toContain('Disnakertrans Sumatera Selatan');
    expect(cityTree).toContain('Kantor kabupaten/kota tidak membawahi kantor lain.');
    const cityForm = await cityDesk.get('/petugas/kantor/petugas-baru').expect(200);
    expect(cityForm.text).toContain(`value="${cityId}"`);
    expect(cityForm.text).not.toContain(`value="${provinceId}"`);
    // Posting the province anyway: refused on the field.
    res = await post(cityDesk, '/petugas/kantor/petugas-baru', '/petugas/kantor/petugas-baru', {
      officeId: provinceId,
      fullName: 'Petugas Lain',
      email: `${uniq('lain')}@disnaker.test`,
      password: PASSWORD,
      nip: '',
    });
    expect(res.status).toBe(403);
    // The city's settings: its own; the province's: refused.
    res = await post(cityDesk, `/petugas/kantor/${cityId}/pengaturan`, `/petugas/kantor/${cityId}/pengaturan`, {
      docMode: 'own',
      doc0: 'true',
      doc3: 'true',
      'signingOfficer.name': 'Drs. Ahmad Fauzi',
      'signingOfficer.nip': '197001011995031001',
      'letterhead.name': '',
      'letterhead.address': '',
      'overdueRule.graceDays': '5',
    });
    expect(res.status).toBe(303);
    const saved = await t.http.get(`/api/v1/offices/${cityId}/settings`).set(bearer(city)).expect(200);
    expect(saved.body).toMatchObject({
      requiredDocuments: 'KTP,PAS_FOTO',
      signingOfficer: { name: 'Drs. Ahmad Fauzi', nip: '197001011995031001' },
      letterhead: null,
      overdueRule: { graceDays: 5 },
    });
    const shown = textOf((await cityDesk.get(`/petugas/kantor/${cityId}/pengaturan?ok=officeSettingsSaved`)).text);
    expect(shown).toContain('Pengaturan kantor disimpan.');
    expect(shown).toContain('Yang berlaku sekarang: KTP, Pas foto 3×4');
    expect(shown).toContain('Masa tenggang lapor: 5 hari');
    const province = await cityDesk.get(`/petugas/kantor/${provinceId}/pengaturan`).expect(200);
    res = await cityDesk
      .post(`/petugas/kantor/${provinceId}/pengaturan`)
      .type('form')
      .send({ ...tokensOf(province.text, `/petugas/kantor/${provinceId}/pengaturan`), docMode: 'general' });
    expect(res.status).toBe(403);
  });

  it('a settings form with a short NIP comes back with the field explained, nothing saved', async () => {
    const desk = browser(t);
    await signIn(desk, national.email);
    const rootId = (await t.http.get('/api/v1/offices').expect(200)).body.items[0].id as string;
    const res = await post(desk, `/petugas/kantor/${rootId}/pengaturan`, `/petugas/kantor/${rootId}/pengaturan`, {
      docMode: 'general',
      'signingOfficer.name': 'Drs. Ahmad',
      'signingOfficer.nip': '1970',
      'letterhead.name': '',
      'letterhead.address': '',
      'overdueRule.graceDays': 'lima',
    });
    expect(res.status).toBe(400);
    const text = textOf(res.text);
    expect(text).toContain('NIP terdiri dari 18 angka.');
    expect(text).toContain('Isi angka 0 sampai 60.');
    expect(res.text).not.toMatch(/must be|VALIDATION_FAILED/);
    const stored = await t.http.get(`/api/v1/offices/${rootId}/settings`).set(bearer(national)).expect(200);
    expect(stored.body.signingOfficer).toBeNull();
  });

  it('a form without its CSRF token changes nothing', async () => {
    const desk = browser(t);
    await signIn(desk, national.email);
    const html = (await desk.get('/petugas/kantor').expect(200)).text;
    expect(csrfOf(html)).toBeTruthy();
    const res = await desk
      .post('/petugas/kantor')
      .type('form')
      .send({ level: 'PROVINCE', code: '18', name: 'Tanpa Token' });
    expect(res.status).toBe(403);
    const codes = (await t.http.get('/api/v1/offices').expect(200)).body.items.map((o: { code: string }) => o.code);
    expect(codes).not.toContain('18');
  });
});
