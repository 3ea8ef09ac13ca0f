import ExcelJS from 'exceljs';
import { browser, signIn, textOf, tokensOf } from '../console/support';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOffice,
  makeOfficer,
  officerIn,
  randomIdentity,
  registerSeeker,
  verifiedEmployer,
  type EmployerSession,
  type Session,
} from '../support/factories';

/**
 * Issue 20 in the console: a province officer picks a city or the province's aggregate on the report
 * pages (the aggregate's III/1 equal, cell by cell, to the sum of its offices' pages); a city officer sees
 * no picker and another city's office is the not-found page; the workbook names the office it is about;
 * outreach campaigns belong to an office (list, detail and sending scoped like the other records).
 */
describe('console: reports per office and aggregated; campaigns by office', () => {
  let t: TestApp;
  let province: Session;
  let provinceId: string;
  const city: Record<'A' | 'B', { id: string; officer: Session; employer: EmployerSession }> = {} as never;
  const officerOf: Record<string, Session> = {};
  let ym: { year: number; month: number };
  const kbliA = String(10000 + Math.floor(Math.random() * 89999)).slice(0, 5);

  /** A card registered with the office (the request moved to it before its office's officer approves it). */
  const cardIn = async (officeId: string, overrides: Record<string, unknown> = {}) => {
    const seeker = await registerSeeker(t, overrides);
    const req = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
    await t.ds.query('UPDATE cards SET office_id = ? WHERE id = ?', [officeId, req.body.id]);
    await t.ds.query('UPDATE seekers SET office_id = ? WHERE id = ?', [officeId, seeker.seekerId]);
    await t.http.post(`/api/v1/cards/${req.body.id}/approve`).set(bearer(officerOf[officeId])).expect(200);
  };

  /** The tokens of the page's POST form to `action` (a GET form, the office picker, may come first). */
  const postTokens = (html: string, action: string) =>
    tokensOf(html.slice(html.indexOf(`method="post" action="${action}"`)), action);

  const signedIn = async (who: Session) => {
    const b = browser(t);
    await signIn(b, who.email);
    return b;
  };

  /** The figures of the page's tables, in order (Part I then Part II of III/1). */
  const figures = (html: string): number[] =>
    [...html.matchAll(/<td class="num">(?:<strong>)?(\d+)/g)].map((m) => Number(m[1]));

  const workbookTitle = async (body: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    return texts.find((x) => x.startsWith('Kantor: '));
  };

  const binary = (res: { on: (e: string, f: (c?: Buffer) => void) => void }, done: (e: null, b: Buffer) => void) => {
    const parts: Buffer[] = [];
    res.on('data', (c?: Buffer) => parts.push(c!));
    res.on('end', () => done(null, Buffer.concat(parts)));
  };

  beforeAll(async () => {
    t = await startApp({ REGION_CODE: '16', OFFICE_NAME: 'Disnakertrans Sumatera Selatan' }, [], {
      freshDatabase: true,
    });
    province = await makeOfficer(t);
    provinceId = (await t.http.get('/api/v1/auth/me').set(bearer(province)).expect(200)).body.officeId as string;
    officerOf[provinceId] = province;
    for (const [key, code, name, kecamatanCode, kbli] of [
      ['A', '1671', 'Disnaker Kota Palembang', '16.71.05', kbliA],
      ['B', '1672', 'Disnaker Kota Pagar Alam', '16.72.01', undefined],
    ] as const) {
      const officeId = await makeOffice(t, province, { code, level: 'CITY', name, parentId: provinceId });
      const officer = await officerIn(t, province, officeId);
      officerOf[officeId] = officer;
      const employer = await verifiedEmployer(t, officer, { kecamatanCode, ...(kbli ? { kbli } : {}) });
      city[key] = { id: officeId, officer, employer };
    }
    const [y, m] = t.clock.today().split('-').map(Number);
    ym = { year: y, month: m };
    // Three seekers in A, one in B, one of the province's own: every office counts something.
    await cardIn(city.A.id, randomIdentity('L'));
    await cardIn(city.A.id, randomIdentity('P'));
    await cardIn(city.A.id);
    await cardIn(city.B.id, randomIdentity('P'));
    await cardIn(provinceId);
  });
  afterAll(() => t.close());

  describe('the office picker', () => {
    it("a province officer's pages offer its cities and the aggregate, by name, and keep them in links", async () => {
      const b = await signedIn(province);
      for (const path of [
        '/petugas',
        '/petugas/penjangkauan',
        '/petugas/ipk',
        '/petugas/ipk/iii-4',
        '/petugas/ipk/iii-8',
      ]) {
        const page = await b.get(path).expect(200);
        expect(page.text).toContain('name="officeId"');
        expect(page.text).toContain('<option value="aggregate">Gabungan seluruh kantor di bawahnya</option>');
        expect(page.text).toContain('>Disnaker Kota Palembang</option>');
        expect(page.text).toContain('>Disnaker Kota Pagar Alam</option>');
        // Offices by name only: no id is shown as text.
        expect(textOf(page.text)).not.toContain(city.A.id);
      }
      await b.get('/petugas/ipk/penutupan').expect(200);

      const q = `year=${ym.year}&month=${ym.month}`;
      const page = await b.get(`/petugas/ipk/iii-2?${q}&officeId=${city.A.id}`).expect(200);
      expect(textOf(page.text)).toContain('Disnaker Kota Palembang');
      expect(page.text).toContain(`<option value="${city.A.id}" selected>Disnaker Kota Palembang</option>`);
      // The tabs, the month form and the downloads keep the office.
      expect(page.text).toContain(`href="/petugas/ipk/iii-5?${q}&officeId=${city.A.id}"`);
      expect(page.text).toContain(`href="/petugas/ipk/iii-2.xlsx?${q}&officeId=${city.A.id}"`);
      expect(page.text).toContain(`href="/petugas/ipk/penutupan?officeId=${city.A.id}"`);
      expect(page.text).toContain(`<input type="hidden" name="officeId" value="${city.A.id}"`);

      const agg = await b.get(`/petugas/ipk?${q}&officeId=${provinceId}&scope=aggregate`).expect(200);
      expect(textOf(agg.text)).toContain('Gabungan Disnakertrans Sumatera Selatan');
      expect(agg.text).toContain('<option value="aggregate" selected>');
      expect(agg.text).toContain(`href="/petugas/ipk/iii-3?${q}&officeId=${provinceId}&scope=aggregate"`);
      const dash = await b.get(`/petugas?scope=aggregate&officeId=${provinceId}`).expect(200);
      expect(textOf(dash.text)).toContain('Gabungan Disnakertrans Sumatera Selatan');
      expect(dash.text).toContain(`<input type="hidden" name="scope" value="aggregate"`);
    });

    it("the aggregate's III/1 equals the sum of the province's own and its two cities' pages, cell by cell", async () => {
      const b = await signedIn(province);
      const q = `/petugas/ipk?year=${ym.year}&month=${ym.month}`;
      const own = figures((await b.get(q).expect(200)).text);
      const a = figures((await b.get(`${q}&officeId=${city.A.id}`).expect(200)).text);
      const bb = figures((await b.get(`${q}&officeId=${city.B.id}`).expect(200)).text);
      const agg = figures((await b.get(`${q}&officeId=${provinceId}&scope=aggregate`).expect(200)).text);
      expect(agg.length).toBeGreaterThan(20);
      expect(agg).toEqual(own.map((x, i) => x + a[i] + bb[i]));
      // Not trivially: the offices differ, and the aggregate is more than any of them.
      expect(a).not.toEqual(bb);
      expect(agg).not.toEqual(a);
      // The city officer's own page shows the same as the province's view of that city.
      const ca = await signedIn(city.A.officer);
      expect(figures((await ca.get(q).expect(200)).text)).toEqual(a);
    });

    it('a city officer sees no picker; another office, or anything not an office id, is the not-found page', async () => {
      const b = await signedIn(city.A.officer);
      for (const path of [
        '/petugas',
        '/petugas/penjangkauan',
        '/petugas/ipk',
        '/petugas/ipk/iii-7',
        '/petugas/ipk/penutupan',
      ]) {
        const page = await b.get(path).expect(200);
        expect(page.text).not.toContain('name="scope"');
        expect(page.text).not.toContain('<option value="aggregate"');
      }
      for (const path of [
        `/petugas/ipk?officeId=${city.B.id}`,
        `/petugas/ipk/iii-3?officeId=${provinceId}&scope=aggregate`,
        `/petugas/ipk.xlsx?officeId=${city.B.id}`,
        `/petugas/ipk/iii-8.csv?officeId=${city.B.id}`,
        `/petugas?officeId=${city.B.id}`,
        `/petugas/penjangkauan?officeId=${city.B.id}`,
        `/petugas/penjangkauan.csv?officeId=${city.B.id}`,
        `/petugas/ipk/penutupan?officeId=${provinceId}`,
        '/petugas/ipk?officeId=not-an-office',
        `/petugas/ipk?officeId=${city.A.id}&officeId=${city.A.id}`,
        '/petugas/ipk?officeId=00000000-0000-4000-8000-000000000000',
      ]) {
        const res = await b.get(path);
        expect([path, res.status]).toEqual([path, 404]);
        expect(textOf(res.text)).toContain('tidak ditemukan');
      }
      // Its own office asked by id, or as an aggregate (nothing below it): the city alone, as before.
      await b.get('/petugas/ipk?officeId=&scope=').expect(200);
      const own = await b.get(`/petugas/ipk?officeId=${city.A.id}&scope=aggregate`).expect(200);
      expect(textOf(own.text)).not.toContain('Gabungan');
    });

    it('closing: the aggregate offers nothing to close and says why; a city chosen by the province closes as the API does', async () => {
      const b = await signedIn(province);
      const agg = await b.get(`/petugas/ipk/penutupan?officeId=${provinceId}&scope=aggregate`).expect(200);
      expect(textOf(agg.text)).toContain('selalu dijumlahkan dari kantor-kantornya dan tidak ditutup');
      expect(agg.text).not.toContain('method="post" action="/petugas/ipk/penutupan"');

      const page = await b.get(`/petugas/ipk/penutupan?officeId=${city.B.id}`).expect(200);
      expect(textOf(page.text)).toContain('biasanya ditutup oleh petugas kantor itu sendiri');
      const month = `${ym.year}-${String(ym.month).padStart(2, '0')}`;
      expect(page.text).toContain(`name="officeId" value="${city.B.id}"`);
      const res = await b
        .post('/petugas/ipk/penutupan')
        .type('form')
        .send({ ...postTokens(page.text, '/petugas/ipk/penutupan'), month, officeId: city.B.id });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/petugas/ipk/penutupan?ok=1&month=${month}&officeId=${city.B.id}`);
      const period = (p: Session, office: string) =>
        t.http.get(`/api/v1/reports/periods/${month}?officeId=${office}`).set(bearer(p)).expect(200);
      expect((await period(city.B.officer, city.B.id)).body.closed).toBe(true);
      expect((await period(province, provinceId)).body.closed).toBe(false);
      expect((await period(city.A.officer, city.A.id)).body.closed).toBe(false);

      // A city officer posting another city's office: not found, nothing closed.
      const ca = await signedIn(city.A.officer);
      const own = await ca.get('/petugas/ipk/penutupan').expect(200);
      const refused = await ca
        .post('/petugas/ipk/penutupan')
        .type('form')
        .send({ ...postTokens(own.text, '/petugas/ipk/penutupan'), month, officeId: provinceId });
      expect(refused.status).toBe(404);
      expect((await period(province, provinceId)).body.closed).toBe(false);
    });
  });

  describe('workbooks name the office they are about', () => {
    const xlsx = async (b: ReturnType<typeof browser>, path: string) => {
      const res = await b.get(path).buffer(true).parse(binary).expect(200);
      return workbookTitle(res.body as Buffer);
    };

    it('the console: a city by its name or letterhead, the aggregate as "Gabungan …", the own office', async () => {
      const b = await signedIn(province);
      const q = `year=${ym.year}&month=${ym.month}`;
      expect(await xlsx(b, `/petugas/ipk.xlsx?${q}&officeId=${city.B.id}`)).toBe('Kantor: Disnaker Kota Pagar Alam');
      expect(await xlsx(b, `/petugas/ipk/iii-8.xlsx?${q}&officeId=${provinceId}&scope=aggregate`)).toBe(
        'Kantor: Gabungan Disnakertrans Sumatera Selatan',
      );
      expect(await xlsx(b, `/petugas/ipk/iii-3.xlsx?${q}`)).toBe('Kantor: Disnakertrans Sumatera Selatan');
      // A city with a letterhead of its own: the name its cards print.
      await t.http
        .patch(`/api/v1/offices/${city.A.id}/settings`)
        .set(bearer(city.A.officer))
        .send({ letterhead: { name: 'Dinas Tenaga Kerja Kota Palembang', address: 'Jl. Merdeka 1' } })
        .expect(200);
      expect(await xlsx(b, `/petugas/ipk/iii-2.xlsx?${q}&officeId=${city.A.id}`)).toBe(
        'Kantor: Dinas Tenaga Kerja Kota Palembang',
      );
      const ca = await signedIn(city.A.officer);
      expect(await xlsx(ca, `/petugas/ipk.xlsx?${q}`)).toBe('Kantor: Dinas Tenaga Kerja Kota Palembang');
      expect(await xlsx(await signedIn(city.B.officer), `/petugas/ipk/iii-5.xlsx?${q}`)).toBe(
        'Kantor: Disnaker Kota Pagar Alam',
      );
    });

    it('the API: ?format=xlsx names the office asked, and the aggregate', async () => {
      const get = async (who: Session, extra: string) => {
        const res = await t.http
          .get(`/api/v1/reports/ipk-iii-1?year=${ym.year}&month=${ym.month}&format=xlsx${extra}`)
          .set(bearer(who))
          .buffer(true)
          .parse(binary)
          .expect(200);
        return workbookTitle(res.body as Buffer);
      };
      expect(await get(province, `&officeId=${city.B.id}`)).toBe('Kantor: Disnaker Kota Pagar Alam');
      expect(await get(province, '&scope=aggregate')).toBe('Kantor: Gabungan Disnakertrans Sumatera Selatan');
      expect(await get(city.B.officer, '')).toBe('Kantor: Disnaker Kota Pagar Alam');
      await t.http
        .get(`/api/v1/reports/ipk-iii-1?year=${ym.year}&month=${ym.month}&format=xlsx&officeId=${city.A.id}`)
        .set(bearer(city.B.officer))
        .expect(404);
    });
  });

  describe('outreach campaigns belong to an office', () => {
    let campaignId: string;

    beforeAll(async () => {
      const res = await t.http
        .post('/api/v1/outreach/campaigns')
        .set(bearer(city.A.officer))
        .send({ title: 'Sosialisasi wajib lapor', message: 'Laporkan lowongan Anda.', audience: { kbli: kbliA } })
        .expect(201);
      campaignId = res.body.id as string;
      expect(res.body.officeId).toBe(city.A.id);
      expect(res.body.recipients).toBe(1);
    });

    const ids = async (who: Session) =>
      (
        (await t.http.get('/api/v1/outreach/campaigns?pageSize=100').set(bearer(who)).expect(200)).body.items as {
          id: string;
        }[]
      ).map((c) => c.id);

    it("lists the readable offices' campaigns; another city's detail is 404; the province reads but may not send", async () => {
      expect(await ids(city.A.officer)).toContain(campaignId);
      expect(await ids(province)).toContain(campaignId);
      expect(await ids(city.B.officer)).not.toContain(campaignId);

      await t.http.get(`/api/v1/outreach/campaigns/${campaignId}`).set(bearer(province)).expect(200);
      const other = await t.http
        .get(`/api/v1/outreach/campaigns/${campaignId}`)
        .set(bearer(city.B.officer))
        .expect(404);
      expect(other.body.code).toBe('NOT_FOUND');
      const notOurs = await t.http
        .post(`/api/v1/outreach/campaigns/${campaignId}/send`)
        .set(bearer(city.B.officer))
        .expect(404);
      expect(notOurs.body.code).toBe('NOT_FOUND');
      const above = await t.http
        .post(`/api/v1/outreach/campaigns/${campaignId}/send`)
        .set(bearer(province))
        .expect(403);
      expect(above.body.code).toBe('FORBIDDEN');
      const draft = await t.http
        .get(`/api/v1/outreach/campaigns/${campaignId}`)
        .set(bearer(city.A.officer))
        .expect(200);
      expect(draft.body.status).toBe('DRAFT');
    });

    it('the console: the province sees whose campaign it is and no "Kirim"; another city gets the not-found page', async () => {
      const p = await signedIn(province);
      const list = await p.get('/petugas/penjangkauan/kampanye').expect(200);
      expect(textOf(list.text)).toContain('Disnaker Kota Palembang');
      const page = await p.get(`/petugas/penjangkauan/kampanye/${campaignId}`).expect(200);
      expect(textOf(page.text)).toContain('Sosialisasi ini milik Disnaker Kota Palembang');
      expect(page.text).not.toContain(`action="/petugas/penjangkauan/kampanye/${campaignId}/kirim"`);

      const cb = await signedIn(city.B.officer);
      expect(textOf((await cb.get('/petugas/penjangkauan/kampanye').expect(200)).text)).not.toContain(
        'Sosialisasi wajib lapor',
      );
      await cb.get(`/petugas/penjangkauan/kampanye/${campaignId}`).expect(404);

      // Its own office's officer sends it from the console.
      const ca = await signedIn(city.A.officer);
      const own = await ca.get(`/petugas/penjangkauan/kampanye/${campaignId}`).expect(200);
      const action = `/petugas/penjangkauan/kampanye/${campaignId}/kirim`;
      const sent = await ca.post(action).type('form').send(tokensOf(own.text, action));
      expect(sent.status).toBe(303);
      const after = await t.http.get(`/api/v1/outreach/campaigns/${campaignId}`).set(bearer(province)).expect(200);
      expect(after.body.status).toBe('SENT');
    });

    it("a campaign written before offices (no office) is the first office's", async () => {
      await t.ds.query('UPDATE outreach_campaigns SET office_id = NULL WHERE id = ?', [campaignId]);
      expect(await ids(province)).toContain(campaignId);
      expect(await ids(city.A.officer)).not.toContain(campaignId);
      const res = await t.http.get(`/api/v1/outreach/campaigns/${campaignId}`).set(bearer(province)).expect(200);
      expect(res.body.officeId).toBe(provinceId);
      await t.http.get(`/api/v1/outreach/campaigns/${campaignId}`).set(bearer(city.A.officer)).expect(404);
    });
  });
});
