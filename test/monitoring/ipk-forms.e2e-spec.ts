import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { LabourStatistics } from '../../src/statistics/labour-statistics.service';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  nikFor,
  postVacancy,
  seekerProfile,
  verifiedEmployer,
  type Session,
} from '../support/factories';
import { browser, postForm, signIn, textOf } from '../console/support';

/**
 * The IPK set as the official forms (XLSX laid out like Kepdirjen Binapenta 268/2012) and the console's
 * pages for every table, closing a month in the console and its corrections. A month of activity
 * (October 2026) is built through the API on a database of its own; the workbook is read back with
 * exceljs and compared with the JSON of the same route.
 */
describe('IPK forms: XLSX and the console pages', () => {
  let t: TestApp;
  let officer: Session;
  let placementId: string;
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const at = (day: string) => t.clock.set(`${day}T05:00:00.000Z`); // 12:00 WIB

  const walkIn = async (birthDate: string, gender: 'L' | 'P', educationLevel: string) => {
    const profile = seekerProfile({
      birthDate,
      gender,
      nik: nikFor(birthDate, gender),
      educationLevel,
      graduationYear: undefined,
      experience: [],
    });
    const s = await t.http.post('/api/v1/seekers').set(bearer(officer)).send(profile).expect(201);
    const c = await t.http.post('/api/v1/cards').set(bearer(officer)).send({ seekerId: s.body.id }).expect(201);
    return { cardNumber: c.body.cardNumber as string, nik: profile.nik as string };
  };

  beforeAll(async () => {
    t = await startApp({}, [], { freshDatabase: true });
    at('2026-10-05');
    officer = await makeOfficer(t);
    const e1 = await verifiedEmployer(t, officer, { kbli: '47111' });
    const e2 = await verifiedEmployer(t, officer, { kbli: '10792' });
    const v1 = await postVacancy(t, e1, {
      quota: 3,
      educationMin: 'SMA',
      occupationCode: '5223',
      closesAt: '2026-12-31',
      ageMin: null,
      ageMax: null,
    });
    await postVacancy(t, e2, {
      quota: 2,
      educationMin: 'S1',
      occupationCode: '2411',
      genderRequirement: 'P',
      closesAt: '2026-12-31',
      ageMin: null,
      ageMax: null,
    });
    const a = await walkIn('2001-02-03', 'L', 'SMA');
    await walkIn('1995-04-05', 'P', 'S1');
    await walkIn('2003-06-07', 'L', 'SMK');
    at('2026-10-12');
    const hired = await t.http
      .post('/api/v1/placements')
      .set(bearer(e1))
      .send({ cardNumber: a.cardNumber, nik: a.nik, startDate: '2026-10-13', position: 'Pramuniaga', vacancyId: v1.id })
      .expect(201);
    placementId = hired.body.id;
    at('2026-11-03');
  });
  afterAll(() => t.close());

  const json = (table: number, month = 10) =>
    t.http
      .get(`/api/v1/reports/ipk-iii-${table}?year=2026&month=${month}`)
      .set(bearer(officer))
      .expect(200)
      .then((r) => r.body);

  const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  };

  async function workbook(url: string, headers: Record<string, string> = {}) {
    const res = await t.http.get(url).set(bearer(officer)).set(headers).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    return { ws: wb.worksheets[0], disposition: String(res.headers['content-disposition']) };
  }

  /** Every row's cell texts, in order, for finding a line by its label. */
  const lines = (ws: ExcelJS.Worksheet) => {
    const out: { n: number; values: unknown[] }[] = [];
    ws.eachRow((row, n) => out.push({ n, values: (row.values as unknown[]).slice(1) }));
    return out;
  };
  /** The last line holding `label` (the total's "Jumlah" comes after the header's). */
  const lineOf = (ws: ExcelJS.Worksheet, label: string) => {
    const hit = lines(ws)
      .filter((l) => l.values.includes(label))
      .pop();
    if (!hit) throw new Error(`no line ${label}`);
    return hit.values;
  };
  const text = (ws: ExcelJS.Worksheet) =>
    lines(ws)
      .flatMap((l) => l.values.filter((v) => typeof v === 'string'))
      .join(' | ');

  describe('XLSX', () => {
    it('lays III/2 out like the form: title block, headers, level subtotals, numbers equal to the JSON', async () => {
      const r = await json(2);
      const { ws, disposition } = await workbook('/api/v1/reports/ipk-iii-2?year=2026&month=10&format=xlsx');
      expect(disposition).toContain('filename="ipk-iii-2-2026-10.xlsx"');
      const all = text(ws);
      expect(all).toContain('IPK III/2');
      expect(all).toContain('PENCARI KERJA YANG TERDAFTAR, DITEMPATKAN DAN DIHAPUSKAN MENURUT TINGKAT PENDIDIKAN');
      expect(all).toContain(`Kantor: ${t.config.office.name}`);
      expect(all).toContain('Bulan: Oktober 2026');
      for (const h of ['No.', 'Tingkat Pendidikan', 'A=1+2', 'B=3+4', 'L+P', 'Ditempatkan bulan ini'])
        expect(all).toContain(h);
      expect(all).toContain('Bulan ini belum ditutup');
      // The SMA level: registered 1 man, placed 1 man → 2.L = 1, 3.L = 1, 5 = 0.
      const sma = r.levels.find((l: { code: string }) => l.code === 'SMA');
      const line = lineOf(ws, sma.label);
      const nums = line.slice(3) as number[];
      expect(nums).toHaveLength(21);
      expect(nums.slice(3, 6)).toEqual([sma.registered.L, sma.registered.P, sma.registered.LP]);
      expect(nums.slice(9, 12)).toEqual([sma.placed.L, sma.placed.P, sma.placed.LP]);
      expect(nums[10 - 1]).toBe(1);
      const totalLine = lineOf(ws, 'Jumlah');
      expect((totalLine.slice(3) as number[]).slice(3, 6)).toEqual([
        r.total.registered.L,
        r.total.registered.P,
        r.total.registered.LP,
      ]);
      expect(totalLine[totalLine.length - 1]).toBe(r.total.remaining.LP);
      expect(r.total.registered.LP).toBe(3);
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.getColumn(3).width).toBeGreaterThan(20);
    });

    it('answers every table, by ?format=xlsx or by Accept, the numbers as numbers', async () => {
      for (const table of [1, 3, 4, 5, 6, 7, 8]) {
        const { ws, disposition } = await workbook(`/api/v1/reports/ipk-iii-${table}?year=2026&month=10`, {
          Accept: XLSX,
        });
        expect(disposition).toContain(`ipk-iii-${table}-2026-10.xlsx`);
        expect(text(ws)).toContain(`IPK III/${table}`);
      }
      const r1 = await json(1);
      const { ws: w1 } = await workbook('/api/v1/reports/ipk-iii-1?year=2026&month=10&format=xlsx');
      const reg = lineOf(w1, 'Pencari kerja yang terdaftar dalam bulan ini');
      expect(reg[reg.length - 1]).toBe(r1.seekers.registered.total.LP);
      const filled = lineOf(w1, 'Lowongan yang dipenuhi dalam bulan ini');
      expect(filled.slice(2, 5)).toEqual([r1.vacancies.filled.L, r1.vacancies.filled.P, r1.vacancies.filled.LP]);
      const r8 = await json(8);
      const { ws: w8 } = await workbook('/api/v1/reports/ipk-iii-8?year=2026&month=10&format=xlsx');
      const all8 = text(w8);
      for (const h of [
        'A. Menurut tingkat pendidikan',
        'B. Menurut jenis perusahaan penerima',
        'Antar Kerja Lokal (AKL)',
      ])
        expect(all8).toContain(h);
      const totals = lines(w8).filter(
        (l) => l.values.includes('Jumlah') && typeof l.values[l.values.length - 1] === 'number',
      );
      expect(totals).toHaveLength(2);
      expect(totals[0].values[totals[0].values.length - 1]).toBe(r8.byEducation.total.total.LP);
      expect(r8.byEducation.total.total.LP).toBe(1);
      const r6 = await json(6);
      const { ws: w6 } = await workbook('/api/v1/reports/ipk-iii-6?year=2026&month=10&format=xlsx');
      const t6 = lineOf(w6, 'Jumlah');
      expect(t6.slice(3, 6)).toEqual([r6.total.carriedOver.L, r6.total.carriedOver.P, r6.total.carriedOver.LP]);
      expect(t6[8]).toBe(5); // 2. registered L+P: 3 + 2 positions
    });

    it('refuses a bad month and an unknown format with 400, never 500', async () => {
      const bad = await t.http.get('/api/v1/reports/ipk-iii-2?year=2026&month=13&format=xlsx').set(bearer(officer));
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const odd = await t.http.get('/api/v1/reports/ipk-iii-2?year=2026&month=10&format=pdf').set(bearer(officer));
      expect(odd.status).toBe(400);
    });
  });

  describe('console', () => {
    it('prints every table with its tabs, downloads and the month open', async () => {
      const b = browser(t);
      await signIn(b, officer.email);
      const pages: [string, string][] = [
        ['/petugas/ipk', 'IPK III/1'],
        ['/petugas/ipk/iii-2', 'IPK III/2'],
        ['/petugas/ipk/iii-3', 'IPK III/3'],
        ['/petugas/ipk/iii-4', 'IPK III/4'],
        ['/petugas/ipk/iii-5', 'IPK III/5'],
        ['/petugas/ipk/iii-6', 'IPK III/6'],
        ['/petugas/ipk/iii-7', 'IPK III/7'],
        ['/petugas/ipk/iii-8', 'IPK III/8'],
      ];
      for (const [path, title] of pages) {
        const res = await b.get(`${path}?year=2026&month=10`);
        expect(res.status).toBe(200);
        const page = textOf(res.text);
        expect(page).toContain(title);
        expect(page).toContain('Terbuka');
        expect(page).toContain('Unduh CSV');
        expect(page).toContain('Unduh Excel');
        for (const [, tab] of pages) expect(page).toContain(tab.replace('IPK ', ''));
        expect(res.text).toContain(`href="${path}.xlsx?year=2026&month=10"`);
        const x = await b.get(`${path}.xlsx?year=2026&month=10`).buffer(true).parse(binary);
        expect(x.status).toBe(200);
        expect(x.headers['content-type']).toContain(XLSX);
      }
      // Level subtotals and detailed rows in the education tables; the month's figures.
      const iii2 = textOf((await b.get('/petugas/ipk/iii-2?year=2026&month=10')).text);
      expect(iii2).toContain('SMA/sederajat');
      expect(iii2).toContain('Jumlah');
      const iii8 = textOf((await b.get('/petugas/ipk/iii-8?year=2026&month=10')).text);
      expect(iii8).toContain('Menurut jenis perusahaan penerima');
      expect(iii8).toContain('AKAD');
      const iii6 = textOf((await b.get('/petugas/ipk/iii-6?year=2026&month=10')).text);
      expect(iii6).toContain('Perdagangan');
      expect((await b.get('/petugas/ipk/iii-9')).status).toBe(404);
    });

    it('speaks English when asked, without codes or Indonesian labels of its own', async () => {
      const b = browser(t);
      await signIn(b, officer.email);
      await postForm(b, '/', '/bahasa', { lang: 'en', next: '/' });
      const iii3 = textOf((await b.get('/petugas/ipk/iii-3?year=2026&month=10')).text);
      expect(iii3).toContain('IPK III/3 — Job Seekers by Occupation Major Group');
      expect(iii3).toContain('Download Excel');
      expect(iii3).toContain('Open — figures can still change');
      const iii2 = textOf((await b.get('/petugas/ipk/iii-2?year=2026&month=10')).text);
      expect(iii2).toContain('SMA (senior high)');
      const closing = textOf((await b.get('/petugas/ipk/penutupan')).text);
      expect(closing).toContain('Close October 2026');
      expect(closing).toContain('frozen');
    });

    it('closes October through the console, refuses out of order in Indonesian, lists corrections', async () => {
      const b = browser(t);
      await signIn(b, officer.email);
      const page = await b.get('/petugas/ipk/penutupan');
      expect(page.status).toBe(200);
      const text0 = textOf(page.text);
      expect(text0).toContain('Tutup bulan Oktober 2026');
      expect(text0).toContain('dibekukan');
      expect(text0).toContain('Belum ada bulan yang ditutup');

      const closed = await postForm(b, '/petugas/ipk/penutupan', '/petugas/ipk/penutupan', { month: '2026-10' });
      expect(closed.status).toBe(303);
      const after = textOf((await b.get(closed.headers.location as string)).text);
      expect(after).toContain('Bulan Oktober 2026 sudah ditutup');
      expect(after).toContain('Tutup bulan November 2026');
      const period = (await t.http.get('/api/v1/reports/periods/2026-10').set(bearer(officer)).expect(200)).body;
      expect(period.closed).toBe(true);
      expect(after).toContain(period.checksum.slice(0, 16));

      // Out of order: December before November (the first closing may be any month; then one by one).
      const early = await postForm(b, '/petugas/ipk/penutupan', '/petugas/ipk/penutupan', { month: '2026-12' });
      expect(early.status).toBe(303);
      const refused = textOf((await b.get(early.headers.location as string)).text);
      expect(refused).toContain('Tutup dulu bulan November 2026');

      // Again: already closed. November has begun (today 3 November) but December has not.
      const twice = await postForm(b, '/petugas/ipk/penutupan', '/petugas/ipk/penutupan', { month: '2026-10' });
      expect(textOf((await b.get(twice.headers.location as string)).text)).toContain('sudah ditutup sebelumnya');

      // The printout of a closed month: status, checksum short with the full value in a title.
      const report = await b.get('/petugas/ipk/iii-2?year=2026&month=10');
      const rt = textOf(report.text);
      expect(rt).toContain('Ditutup pada');
      expect(rt).toContain(period.checksum.slice(0, 16));
      expect(report.text).toContain(period.checksum);
      // The closed month's workbook carries the footer with the checksum.
      const { ws } = await workbook('/api/v1/reports/ipk-iii-2?year=2026&month=10&format=xlsx');
      expect(text(ws)).toContain(`checksum ${period.checksum.slice(0, 16)}…`);
      expect(text(ws)).toMatch(/Ditutup \d+ November 2026/);

      // A hire of October voided after the closing: counted in November, listed as a correction of October.
      await t.ds.transaction((m) =>
        t.app
          .get(LabourStatistics)
          .placementVoided(
            m,
            { placementId, cardId: null, vacancyId: null, seekerBackInRegister: true, vacancyPositionBackOpen: true },
            '2026-11-03',
          ),
      );
      const list = textOf((await b.get('/petugas/ipk/penutupan')).text);
      expect(list).toContain('Koreksi');
      const adj = await b.get('/petugas/ipk/penutupan/2026-10/koreksi');
      expect(adj.status).toBe(200);
      const at = textOf(adj.text);
      expect(at).toContain('Penempatan dibatalkan');
      expect(at).toContain('November 2026');
      expect(at).toContain('Pencari kerja');
      expect((await b.get('/petugas/ipk/penutupan/2026-13/koreksi')).status).toBe(404);
    });

    it('says a month not begun cannot be closed, in Indonesian', async () => {
      at('2026-11-20'); // before signing in: the session would not outlive the jump
      const b = browser(t);
      await signIn(b, officer.email);
      const ok = await postForm(b, '/petugas/ipk/penutupan', '/petugas/ipk/penutupan', { month: '2026-11' });
      expect(textOf((await b.get(ok.headers.location as string)).text)).toContain('Bulan November 2026 sudah ditutup');
      const notYet = await postForm(b, '/petugas/ipk/penutupan', '/petugas/ipk/penutupan', { month: '2026-12' });
      expect(textOf((await b.get(notYet.headers.location as string)).text)).toContain('belum dimulai');
      const bad = await postForm(b, '/petugas/ipk/penutupan', '/petugas/ipk/penutupan', { month: 'x<script>' });
      expect(bad.status).toBe(303);
      expect(textOf((await b.get(bad.headers.location as string)).text)).not.toContain('<script>');
    });
  });
});
