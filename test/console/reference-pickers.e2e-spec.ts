import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, registerSeeker, verifiedEmployer, type Session } from '../support/factories';
import { browser, signIn, textOf, tokensOf } from './support';

const SHIPPED = join(__dirname, '..', '..', 'data', 'reference');

/** The pickers of the IPK fields (no script needed) and the officer's page of code lists. */
describe('Console: code pickers and the reference page', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
  });
  afterAll(() => t.close());

  it('the vacancy form has an occupation field with KBJI suggestions, and takes a copied suggestion by its code', async () => {
    const hr = await verifiedEmployer(t, officer);
    const b = browser(t);
    await signIn(b, hr.email);
    const page = await b.get('/perusahaan/lowongan/baru');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(
      /<input[^>]*type="text"[^>]*list="dl-kbji"[^>]*name="occupationCode"|<input[^>]*list="dl-kbji"[^>]*id="f-occupationCode"/,
    );
    expect(page.text).toContain('<datalist id="dl-kbji">');
    expect(page.text).toContain('<option value="8344">8344 — Operator forklift</option>');
    // Suggestions, not a drop-down: no <select> for the occupation.
    expect(page.text).not.toMatch(/<select[^>]*name="occupationCode"/);

    const closesAt = new Date(Date.parse(`${t.clock.today()}T00:00:00Z`) + 20 * 86_400_000).toISOString().slice(0, 10);
    const body = (occupationCode: string) => ({
      ...tokensOf(page.text, '/perusahaan/lowongan/baru'),
      title: 'Operator Gudang',
      description: 'Mengoperasikan forklift di gudang dan mencatat stok.',
      occupationCode,
      educationMin: 'SMA',
      employmentType: 'FULL_TIME',
      quota: '1',
      location: 'Jl. Merdeka No. 5, Palembang',
      closesAt,
      requiresAk1: 'true',
      status: 'OPEN',
    });
    const refused = await b.post('/perusahaan/lowongan/baru').type('form').send(body('forklift'));
    expect(refused.status).toBe(400);
    expect(textOf(refused.text)).toContain('Pilih jabatan dari daftar KBJI 2014 (kode 4 angka).');
    expect(refused.text).toContain('value="forklift"');

    const again = await b.get('/perusahaan/lowongan/baru');
    const ok = await b
      .post('/perusahaan/lowongan/baru')
      .type('form')
      .send({ ...body('8344 — Operator forklift'), ...tokensOf(again.text, '/perusahaan/lowongan/baru') });
    expect(ok.status).toBe(303);
    const mine = await t.http.get('/api/v1/employers/me/vacancies').set(bearer(hr));
    expect(mine.body.items.map((v: { occupationCode: string }) => v.occupationCode)).toEqual(['8344']);
  });

  it('seeker registration, profile and the walk-in form offer education and desired occupation pickers', async () => {
    const pages: [string, string | null][] = [
      ['/daftar/pencari-kerja', null],
      ['/petugas/pencari-kerja/baru', officer.email],
    ];
    const seeker = await registerSeeker(t, { educationLevel: 'SMK', educationCode: '0421' });
    pages.push(['/saya/profil', seeker.email]);
    for (const [path, who] of pages) {
      const b = browser(t);
      if (who) await signIn(b, who);
      const res = await b.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(res.text).toContain('list="dl-education"');
      expect(res.text).toContain('<option value="0421">0421 — SMK - Tata Boga</option>');
      expect(res.text).toContain('list="dl-occupation"');
      expect(res.text).toContain('<option value="5120">5120 — Juru masak</option>');
      expect(textOf(res.text)).toContain('Jurusan atau program pendidikan');
    }
    const b = browser(t);
    await signIn(b, seeker.email);
    const profile = await b.get('/saya/profil');
    expect(profile.text).toMatch(/name="educationCode"[^>]*value="0421"|value="0421"[^>]*name="educationCode"/);
  });

  it('the walk-in form refuses an education code of another level in Indonesian', async () => {
    const b = browser(t);
    await signIn(b, officer.email);
    const page = await b.get('/petugas/pencari-kerja/baru');
    const res = await b
      .post('/petugas/pencari-kerja/baru')
      .type('form')
      .send({
        ...tokensOf(page.text, '/petugas/pencari-kerja/baru'),
        nik: '1671054107950001',
        fullName: 'Rina Uji',
        birthPlace: 'Palembang',
        birthDate: '1995-07-01',
        gender: 'P',
        address: 'Jl. Merdeka No. 10, Palembang',
        educationLevel: 'SMA',
        educationCode: '0906',
      });
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain('Pilih jurusan dari daftar yang sesuai dengan pendidikan terakhir.');
  });

  it('the company page shows and changes the kind of employer; the self-report asks type and kind', async () => {
    const hr = await verifiedEmployer(t, officer);
    const b = browser(t);
    await signIn(b, hr.email);
    const page = await b.get('/perusahaan');
    expect(textOf(page.text)).toContain('Jenis pemberi kerja Perusahaan swasta');
    const saved = await b
      .post('/perusahaan/jenis')
      .type('form')
      .send({ ...tokensOf(page.text, '/perusahaan/jenis'), kind: 'KOPERASI' });
    expect(saved.status).toBe(303);
    expect((await t.http.get(`/api/v1/employers/${hr.employerId}`).set(bearer(hr))).body.kind).toBe('KOPERASI');
    const after = await b.get(saved.headers.location as string);
    expect(textOf(after.text)).toContain('Jenis pemberi kerja sudah disimpan.');

    const seeker = await registerSeeker(t);
    const sb = browser(t);
    await signIn(sb, seeker.email);
    const hired = await sb.get('/saya/sudah-bekerja');
    const text = textOf(hired.text);
    expect(text).toContain('Di luar negeri (AKAN)');
    expect(text).toContain('Pemberi kerja di luar negeri');
  });

  it('the officer sees the lists with counts, and a refused file is named by its line in Indonesian', async () => {
    const b = browser(t);
    await signIn(b, officer.email);
    const page = await b.get('/petugas/referensi');
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text).toContain('Jabatan (KBJI 2014)');
    expect(text).toMatch(/Jenis pemberi kerja \d+ kode aktif, \d+ tidak aktif/);
    expect(text).toContain('Baris judul: code,label,majorGroup');

    const tokens = tokensOf(page.text, '/petugas/referensi/kbji');
    const bad = await b
      .post('/petugas/referensi/kbji')
      .field('_csrf', tokens._csrf)
      .field('_form', tokens._form)
      .attach('file', Buffer.from('code,label,majorGroup\n8344,Operator forklift,8\n83A4,Salah,8\n'), 'kbji.csv');
    expect(bad.status).toBe(400);
    expect(textOf(bad.text)).toContain('Baris 3: kode tidak sesuai format daftar ini.');
    expect(bad.text).not.toContain('VALIDATION_FAILED');

    const fresh = await b.get('/petugas/referensi');
    const t2 = tokensOf(fresh.text, '/petugas/referensi/employer-kinds');
    const ok = await b
      .post('/petugas/referensi/employer-kinds')
      .field('_csrf', t2._csrf)
      .field('_form', t2._form)
      .attach('file', readFileSync(join(SHIPPED, 'employer-kinds.csv')), 'employer-kinds.csv');
    expect(ok.status).toBe(200);
    expect(textOf(ok.text)).toMatch(
      /Daftar diperbarui: 8 kode dimuat \(0 baru, 0 berubah\), 0 kode kini tidak aktif\./,
    );

    const hr = await verifiedEmployer(t, officer);
    const hb = browser(t);
    await signIn(hb, hr.email);
    expect((await hb.get('/petugas/referensi')).status).toBe(403);
  });
});
