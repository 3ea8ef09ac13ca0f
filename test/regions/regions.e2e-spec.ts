import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  companyBody,
  makeOfficer,
  PASSWORD,
  postVacancy,
  registerEmployer,
  registerSeeker,
  seekerProfile,
  uniq,
  verifiedEmployer,
} from '../support/factories';
import { browser, postForm, signIn, textOf } from '../console/support';
import { Employer } from '../../src/employers/employer.entity';

/**
 * The regions of Indonesia as public, cacheable lists; every kecamatan of South Sumatra accepted where
 * a kecamatan is asked, a made-up one refused; the console's type-to-search kecamatan fields.
 */
describe('regions: reference lists, kecamatan validation and pickers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  describe('GET /regions/*', () => {
    it('lists the 38 provinces, paged', async () => {
      const first = await t.http.get('/api/v1/regions/provinces').expect(200);
      expect(first.body).toMatchObject({ page: 1, pageSize: 20, total: 38 });
      expect(first.body.items).toHaveLength(20);
      expect(first.body.items[0]).toEqual({ code: '11', name: 'Aceh' });
      const second = await t.http.get('/api/v1/regions/provinces?page=2&pageSize=20').expect(200);
      expect(second.body.items).toHaveLength(18);
      expect(second.body.items.at(-1)).toEqual({ code: '96', name: 'Papua Barat Daya' });
      const found = await t.http.get('/api/v1/regions/provinces?q=sumatera sel').expect(200);
      expect(found.body.items).toEqual([{ code: '16', name: 'Sumatera Selatan' }]);
    });

    it("lists a province's regencies and cities, and finds them by name", async () => {
      const res = await t.http.get('/api/v1/regions/regencies?province=16&pageSize=100').expect(200);
      expect(res.body.total).toBe(17);
      expect(res.body.items.find((r: { code: string }) => r.code === '16.71')).toEqual({
        code: '16.71',
        compactCode: '1671',
        provinceCode: '16',
        type: 'KOTA',
        name: 'Palembang',
        fullName: 'Kota Palembang',
      });
      const all = await t.http.get('/api/v1/regions/regencies').expect(200);
      expect(all.body.total).toBe(514);
      const prab = await t.http.get('/api/v1/regions/regencies?q=PRABU').expect(200);
      expect(prab.body.items.map((r: { code: string }) => r.code)).toEqual(['16.74']);
      const jaksel = await t.http.get('/api/v1/regions/regencies?province=31&q=jakarta sel').expect(200);
      expect(jaksel.body.items.map((r: { fullName: string }) => r.fullName)).toEqual(['Kota Jakarta Selatan']);
      const none = await t.http.get('/api/v1/regions/regencies?province=99').expect(200);
      expect(none.body).toEqual({ items: [], page: 1, pageSize: 20, total: 0 });
    });

    it("lists a regency's kecamatan by either form of its code, and finds them by name", async () => {
      const res = await t.http.get('/api/v1/regions/kecamatan?regency=1674').expect(200);
      expect(res.body.total).toBe(6);
      expect(res.body.items[2]).toEqual({
        code: '16.74.03',
        bpsCode: null,
        name: 'Cambai',
        regencyCode: '16.74',
        regencyName: 'Kota Prabumulih',
      });
      const palembang = await t.http.get('/api/v1/regions/kecamatan?regency=16.71&q=ilir timur').expect(200);
      expect(palembang.body.items.map((k: { code: string; bpsCode: string }) => [k.code, k.bpsCode])).toEqual([
        ['16.71.05', '1671050'],
        ['16.71.06', '1671060'],
        ['16.71.18', '1671062'],
      ]);
      const all = await t.http.get('/api/v1/regions/kecamatan?pageSize=1').expect(200);
      expect(all.body.total).toBe(241);
    });

    it.each([
      ['/api/v1/regions/regencies?province=abc', 'province'],
      ['/api/v1/regions/regencies?province=1', 'province'],
      ['/api/v1/regions/kecamatan?regency=16.7x', 'regency'],
      ['/api/v1/regions/kecamatan?regency=16.71&regency=16.72', 'regency'],
      [`/api/v1/regions/kecamatan?q=${'a'.repeat(101)}`, 'q'],
      ['/api/v1/regions/provinces?pageSize=1000', 'pageSize'],
      ['/api/v1/regions/provinces?page=0', 'page'],
    ])('refuses %s with 400 on %s', async (url, field) => {
      const res = await t.http.get(url);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('is cacheable for anonymous readers: ETag, public Cache-Control, 304 for the same version', async () => {
      const first = await t.http.get('/api/v1/regions/kecamatan?regency=16.71').expect(200);
      expect(first.headers['cache-control']).toMatch(/^public, max-age=30/);
      const again = await t.http
        .get('/api/v1/regions/kecamatan?regency=16.71')
        .set('If-None-Match', first.headers.etag);
      expect(again.status).toBe(304);
    });
  });

  describe('kecamatanCode: any kecamatan of South Sumatra', () => {
    it('registers a seeker and an employer outside Palembang, and a vacancy there', async () => {
      const seeker = await registerSeeker(t, { kecamatanCode: '16.74.03' });
      const me = await t.http.get('/api/v1/seekers/me').set(bearer(seeker)).expect(200);
      expect(me.body.kecamatanCode).toBe('16.74.03');

      const employer = await registerEmployer(t, { kecamatanCode: '16.02.05' });
      const company = await t.http.get(`/api/v1/employers/${employer.employerId}`).set(bearer(employer));
      expect(company.status).toBe(200);
      expect(company.body.kecamatanCode).toBe('16.02.05');

      const officer = await makeOfficer(t);
      const verified = await verifiedEmployer(t, officer);
      const vacancy = await postVacancy(t, verified, { kecamatanCode: '16.10.04' });
      expect(vacancy.kecamatanCode).toBe('16.10.04');
      const found = await t.http.get(`/api/v1/vacancies?kecamatanCode=16.10.04&employerId=${verified.employerId}`);
      expect(found.status).toBe(200);
      expect(found.body.total).toBe(1);
    });

    it('still takes the Palembang codes', async () => {
      const seeker = await registerSeeker(t, { kecamatanCode: '16.71.18' });
      const me = await t.http.get('/api/v1/seekers/me').set(bearer(seeker)).expect(200);
      expect(me.body.kecamatanCode).toBe('16.71.18');
    });

    it.each(['16.74.99', '16.75.01', '31.74.01', '167403', 'Cambai', ''])(
      'refuses the made-up or unlisted kecamatan %p with 400 in the error shape',
      async (code) => {
        const seeker = await t.http
          .post('/api/v1/auth/register/seeker')
          .send({ email: `${uniq('k')}@mail.test`, password: PASSWORD, ...seekerProfile({ kecamatanCode: code }) });
        expect(seeker.status).toBe(400);
        expect(seeker.body.code).toBe('VALIDATION_FAILED');
        expect(seeker.body.details).toContainEqual(
          expect.objectContaining({
            field: 'kecamatanCode',
            messages: ['kecamatanCode must be a kecamatan code of South Sumatra such as 16.71.05'],
          }),
        );
        const employer = await t.http.post('/api/v1/auth/register/employer').send({
          email: `${uniq('k')}@company.test`,
          password: PASSWORD,
          fullName: 'Staf HR',
          company: companyBody({ kecamatanCode: code }),
        });
        expect(employer.status).toBe(400);
        expect(employer.body.details.map((d: { field: string }) => d.field)).toContain('company.kecamatanCode');
      },
    );
  });

  describe('console pickers', () => {
    it('offers a type-to-search kecamatan field with suggestions grouped by regency', async () => {
      const page = await browser(t).get('/daftar/perusahaan').expect(200);
      const input = /<input[^>]*name="company\.kecamatanCode"[^>]*>/.exec(page.text)?.[0] ?? '';
      expect(input).toContain('type="text"');
      expect(input).toContain('list="f-company-kecamatanCode-list"');
      expect(page.text).not.toMatch(/<select[^>]*name="company\.kecamatanCode"/);
      const list = /<datalist id="f-company-kecamatanCode-list">([\s\S]*?)<\/datalist>/.exec(page.text)?.[1] ?? '';
      const options = [...list.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
      expect(options).toHaveLength(241);
      expect(options).toContain('Ilir Timur I, Kota Palembang');
      expect(options).toContain('Cambai, Kota Prabumulih');
      // grouped: all of a regency's kecamatan together, regencies in code order
      const regencies = options.map((o) => o.slice(o.indexOf(', ') + 2));
      expect([...new Set(regencies)]).toHaveLength(17);
      expect(regencies.indexOf('Kota Prabumulih')).toBe(regencies.length - 6);
      expect(textOf(page.text)).toContain('Ketik nama kecamatan, lalu pilih dari daftar');
    });

    it('takes the chosen label, the bare name or the code; an unknown name stays on the form with a sentence', async () => {
      const cases: [string, string][] = [
        ['Cambai, Kota Prabumulih', '16.74.03'],
        ['  sukarami ', '16.71.07'],
        ['16.02.05', '16.02.05'],
      ];
      for (const [typed, code] of cases) {
        const legalName = `PT ${uniq('Pilih')}`;
        const email = `${uniq('hr')}@company.test`;
        const res = await postForm(browser(t), '/daftar/perusahaan', '/daftar/perusahaan', {
          email,
          password: PASSWORD,
          fullName: 'Staf HR',
          'company.legalName': legalName,
          'company.nib': String(Date.now()).padStart(13, '1').slice(-13),
          'company.npwp': '',
          'company.kbli': '47111',
          'company.address': 'Jl. Sudirman No. 1',
          'company.kecamatanCode': typed,
          'company.phone': '0711-123456',
        });
        expect(res.status).toBe(303);
        const company = await t.ds.getRepository(Employer).findOneByOrFail({ legalName });
        expect(company.kecamatanCode).toBe(code);
      }

      const refused = await postForm(browser(t), '/daftar/perusahaan', '/daftar/perusahaan', {
        email: `${uniq('hr')}@company.test`,
        password: PASSWORD,
        fullName: 'Staf HR',
        'company.legalName': `PT ${uniq('Salah')}`,
        'company.nib': '1234567890123',
        'company.npwp': '',
        'company.kbli': '47111',
        'company.address': 'Jl. Sudirman No. 1',
        'company.kecamatanCode': 'Kecamatan Khayalan',
        'company.phone': '0711-123456',
      });
      expect(refused.status).toBe(400);
      expect(textOf(refused.text)).toContain('Kecamatan tidak ditemukan.');
      expect(refused.text).toContain('value="Kecamatan Khayalan"');
    });

    it("shows a seeker's stored kecamatan by its name on the profile form", async () => {
      const seeker = await registerSeeker(t, { kecamatanCode: '16.74.03' });
      const b = browser(t);
      await signIn(b, seeker.email);
      const page = await b.get('/saya/profil').expect(200);
      expect(page.text).toMatch(/<input[^>]*value="Cambai, Kota Prabumulih"[^>]*name="kecamatanCode"/);
    });
  });
});
