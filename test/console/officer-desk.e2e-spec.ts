import { startApp, type TestApp } from '../support/app';
import { addDays } from '../../src/common/dates';
import {
  bearer,
  digits,
  makeOfficer,
  nikFor,
  PASSWORD,
  postVacancy,
  registerEmployer,
  seekerWithActiveCard,
  uniq,
  verifiedEmployer,
  type Session,
} from '../support/factories';
import { browser, csrfOf, postForm, signIn, textOf } from './support';

/**
 * The console's officer desk and the gaps closed after the first release, without a browser: walk-in
 * registration with work experience and a card issued at the counter, the CSV import (file and
 * pasted), referral and closing a vacancy, IPK III/2 and III/4, audit labels, the HR staff list,
 * experience rows on the seeker's own registration, and the public check not being recorded.
 */
describe('web console: officer desk and more (server)', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The walk-in form's fields for a person, experience rows included (row 2 left blank on purpose). */
  function walkInForm(nik: string, birthDate: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      nik,
      fullName: 'Rudi Hartono',
      birthPlace: 'Palembang',
      birthDate,
      gender: 'L',
      phone: '0812-1111-2222',
      address: 'Jl. Mawar No. 1, Palembang',
      kecamatanCode: '16.71.05',
      maritalStatus: 'KAWIN',
      educationLevel: 'SMK',
      major: 'Otomotif',
      graduationYear: '2019',
      skills: 'Las listrik, Mengemudi',
      'experience.0.position': 'Montir',
      'experience.0.company': 'Bengkel Jaya',
      'experience.0.fromYear': '2019',
      'experience.0.toYear': '2021',
      'experience.1.position': '',
      'experience.1.company': '',
      'experience.1.fromYear': '',
      'experience.1.toYear': '',
      'experience.2.position': 'Sopir',
      'experience.2.company': 'CV Angkut Cepat',
      'experience.2.fromYear': '2021',
      'experience.2.toYear': '',
      ...extra,
    };
  }

  it('registers a walk-in job seeker with work experience, shows row-level errors, and issues a card at the counter', async () => {
    const b = browser(t);
    await signIn(b, officer.email);
    const birthDate = '1996-08-17';
    const nik = nikFor(birthDate, 'L');

    // A "to" year before the "from" year is refused on that row's input (the second row shown, once the blank one is dropped).
    const refused = await postForm(
      b,
      '/petugas/pencari-kerja/baru',
      '/petugas/pencari-kerja/baru',
      walkInForm(nik, birthDate, { 'experience.2.toYear': '2015' }),
    );
    expect(refused.status).toBe(400);
    expect(textOf(refused.text)).toContain('Tahun selesai harus angka tahun 1950–2100 dan tidak sebelum tahun mulai.');
    expect(textOf(refused.text)).toContain('Pengalaman 2: Tahun selesai');
    expect(refused.text).toMatch(/id="f-experience-1-toYear" name="experience.1.toYear" aria-invalid="true"/);
    expect(refused.text).toContain('value="CV Angkut Cepat"');

    const saved = await postForm(
      b,
      '/petugas/pencari-kerja/baru',
      '/petugas/pencari-kerja/baru',
      walkInForm(nik, birthDate),
    );
    expect(saved.status).toBe(303);
    const seekerPath = saved.headers.location as string;
    expect(seekerPath).toMatch(/^\/petugas\/pencari-kerja\/[0-9a-f-]{36}\?ok=walkInRegistered$/);
    const seekerId = seekerPath.split('/')[3].split('?')[0];
    const profile = await t.http.get(`/api/v1/seekers/${seekerId}`).set(bearer(officer)).expect(200);
    expect(profile.body).toMatchObject({
      nik,
      fullName: 'Rudi Hartono',
      maritalStatus: 'KAWIN',
      skills: ['Las listrik', 'Mengemudi'],
    });
    expect(profile.body.experience).toEqual([
      { position: 'Montir', company: 'Bengkel Jaya', fromYear: 2019, toYear: 2021 },
      { position: 'Sopir', company: 'CV Angkut Cepat', fromYear: 2021 },
    ]);
    const page = textOf((await b.get(seekerPath)).text);
    expect(page).toContain('Pencari kerja tersimpan.');
    expect(page).toContain('Sopir, CV Angkut Cepat (2021–sekarang)');

    // The same NIK again is refused on the NIK field.
    const dup = await postForm(
      b,
      '/petugas/pencari-kerja/baru',
      '/petugas/pencari-kerja/baru',
      walkInForm(nik, birthDate),
    );
    expect(dup.status).toBe(409);
    expect(textOf(dup.text)).toContain('NIK ini sudah terdaftar');

    // Issue the card: ACTIVE and numbered at once, its page says so; a second card is refused in the officer's words.
    const issued = await postForm(b, seekerPath, `/petugas/pencari-kerja/${seekerId}/kartu`, {});
    expect(issued.status).toBe(303);
    expect(issued.headers.location).toMatch(/^\/petugas\/kartu\/[0-9a-f-]{36}\?ok=cardIssued$/);
    const cardPage = textOf((await b.get(issued.headers.location as string)).text);
    expect(cardPage).toContain('Kartu AK1 diterbitkan.');
    expect(cardPage).toContain('Aktif');
    expect(cardPage).toMatch(/1671-\d{2}-\d{6}-\d/);
    const again = await postForm(b, seekerPath, `/petugas/pencari-kerja/${seekerId}/kartu`, {});
    expect(again.headers.location).toBe(`/petugas/pencari-kerja/${seekerId}?err=CARD_ALREADY_HELD`);
    expect(textOf((await b.get(again.headers.location as string)).text)).toContain(
      'Orang ini sudah memiliki kartu AK1',
    );

    // The audit log tells what happened as a sentence with names: no codes, no ids.
    const cardId = (issued.headers.location as string).split('/')[3].split('?')[0];
    const audit = textOf((await b.get(`/petugas/audit?entityId=${cardId}`)).text);
    expect(audit).toMatch(/menerbitkan kartu AK1 1671-\d{2}-\d{6}-\d untuk Rudi Hartono di loket\./);
    expect(audit).not.toContain('card.issued');
    expect(audit).not.toContain(cardId);
  });

  it('a seeker registering gives work experience too, with field-level errors', async () => {
    const b = browser(t);
    const birthDate = '2000-02-02';
    const body = {
      nik: nikFor(birthDate, 'P'),
      fullName: 'Dewi Lestari',
      birthPlace: 'Palembang',
      birthDate,
      gender: 'P',
      phone: '',
      address: 'Jl. Kenanga No. 3',
      kecamatanCode: '',
      maritalStatus: '',
      educationLevel: 'SMA',
      major: '',
      graduationYear: '',
      skills: 'Kasir',
      email: `${uniq('dewi')}@mail.test`,
      password: PASSWORD,
      'experience.0.position': 'Kasir',
      'experience.0.company': 'Toko Sinar',
      'experience.0.fromYear': 'dua ribu',
      'experience.0.toYear': '',
    };
    const bad = await postForm(b, '/daftar/pencari-kerja', '/daftar/pencari-kerja', body);
    expect(bad.status).toBe(400);
    expect(textOf(bad.text)).toContain('Tahun mulai harus angka tahun 1950–2100, contoh 2019.');
    expect(bad.text).toMatch(/id="f-experience-0-fromYear" name="experience.0.fromYear" aria-invalid="true"/);

    const ok = await postForm(b, '/daftar/pencari-kerja', '/daftar/pencari-kerja', {
      ...body,
      'experience.0.fromYear': '2019',
    });
    expect(ok.status).toBe(303);
    const profile = await b.get('/saya/profil');
    expect(profile.text).toContain('value="Toko Sinar"');
    // The profile page edits the list: emptying the row removes the entry.
    const cleared = await postForm(b, '/saya/profil', '/saya/profil', {
      phone: '',
      address: 'Jl. Kenanga No. 3',
      kecamatanCode: '',
      maritalStatus: '',
      educationLevel: 'SMA',
      major: '',
      graduationYear: '',
      skills: 'Kasir',
      'experience.0.position': '',
      'experience.0.company': '',
      'experience.0.fromYear': '',
      'experience.0.toYear': '',
    });
    expect(cleared.status).toBe(303);
    expect((await b.get('/saya/profil')).text).not.toContain('value="Toko Sinar"');
  });

  /** Two lines: one good (new NIK, ACTIVE), one with an NIK that does not agree with the birth date. */
  function importCsv(): { csv: string; number: string } {
    const issuedAt = addDays(t.clock.today(), -100);
    const number = `LAMA/${digits(10)}`;
    const csv = [
      'cardNumber,nik,fullName,birthPlace,birthDate,gender,address,educationLevel,issuedAt,status',
      `${number},${nikFor('1998-03-12', 'P')},Sari Impor,Palembang,1998-03-12,P,"Jl. Kenanga No. 3, Palembang",SMA,${issuedAt},ACTIVE`,
      `LAMA/${digits(10)},${nikFor('1990-01-01', 'L')},Salah Tanggal,Palembang,1991-01-01,L,Jl. Mawar No. 1,SMK,${issuedAt},ACTIVE`,
    ].join('\n');
    return { csv, number };
  }

  it('imports cards from pasted CSV and from an uploaded file, showing the rejected lines readably', async () => {
    const b = browser(t);
    await signIn(b, officer.email);
    const pasted = importCsv();
    const res = await postForm(b, '/petugas/kartu/impor', '/petugas/kartu/impor', { csv: pasted.csv });
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain('1 kartu diimpor, 1 baris ditolak.');
    // In Indonesian, by the column's own rule (the API's English stays in the API).
    expect(text).toMatch(/3 nik NIK harus 16 digit dan sesuai dengan tanggal lahir/);
    expect(text).not.toContain('says the holder');
    expect(text).not.toContain('docs/');
    expect(
      (await t.http.get(`/api/v1/cards?q=${encodeURIComponent(pasted.number)}`).set(bearer(officer))).body.total,
    ).toBe(1);

    const uploaded = importCsv();
    const form = await b.get('/petugas/kartu/impor');
    const up = await b
      .post('/petugas/kartu/impor')
      .field('_csrf', csrfOf(form.text))
      .attach('file', Buffer.from(uploaded.csv), { filename: 'kartu.csv', contentType: 'text/csv' });
    expect(up.status).toBe(200);
    expect(textOf(up.text)).toContain('1 kartu diimpor, 1 baris ditolak.');
    expect(
      (await t.http.get(`/api/v1/cards?q=${encodeURIComponent(uploaded.number)}`).set(bearer(officer))).body.total,
    ).toBe(1);

    // A bad header refuses the file, nothing to import is said so, and an upload without the form token changes nothing.
    const header = await postForm(b, '/petugas/kartu/impor', '/petugas/kartu/impor', { csv: 'nomor,nama\n1,2' });
    expect(header.status).toBe(400);
    expect(textOf(header.text)).toContain('Baris judul (nama kolom)');
    const empty = await postForm(b, '/petugas/kartu/impor', '/petugas/kartu/impor', { csv: '  ' });
    expect(empty.status).toBe(400);
    expect(textOf(empty.text)).toContain('Pilih berkas CSV atau tempelkan isinya.');
    const forged = importCsv();
    const noToken = await b
      .post('/petugas/kartu/impor')
      .attach('file', Buffer.from(forged.csv), { filename: 'kartu.csv', contentType: 'text/csv' });
    expect(noToken.status).toBe(403);
    const foreign = await b.post('/petugas/kartu/impor').field('_csrf', 'forged').field('csv', forged.csv);
    expect(foreign.status).toBe(403);
    expect(
      (await t.http.get(`/api/v1/cards?q=${encodeURIComponent(forged.number)}`).set(bearer(officer))).body.total,
    ).toBe(0);

    // HR may not import.
    const hr = await verifiedEmployer(t, officer);
    const hb = browser(t);
    await signIn(hb, hr.email);
    expect((await hb.get('/petugas/kartu/impor')).status).toBe(403);
  });

  it('shows ranked candidates for a vacancy and lets the officer close it with a reason', async () => {
    const skill = uniq('Keahlian');
    const employer = await verifiedEmployer(t, officer);
    const title = `Teknisi ${uniq('T')}`;
    const v: { id: string } = await postVacancy(t, employer, {
      title,
      skills: [skill],
      educationMin: 'SD',
      ageMin: undefined,
      ageMax: undefined,
      experienceYearsMin: undefined,
    });
    const { card } = await seekerWithActiveCard(t, officer, { fullName: 'Kandidat Utama', skills: [skill, 'Excel'] });

    const b = browser(t);
    await signIn(b, officer.email);
    const list = textOf((await b.get(`/petugas/lowongan?q=${encodeURIComponent(title)}`)).text);
    expect(list).toContain(title);
    const page = await b.get(`/petugas/lowongan/${v.id}`);
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text).toContain('Kandidat untuk dirujuk');
    expect(text).toContain('Kandidat Utama');
    expect(text).toContain(card.cardNumber);
    expect(text).toContain(`keahlian ${skill}`);
    expect(text).toMatch(/Kandidat Utama[\s\S]*?\d+%/);

    // A reason is required; with one the vacancy closes as closed by an officer.
    const noReason = await postForm(b, `/petugas/lowongan/${v.id}`, `/petugas/lowongan/${v.id}/tutup`, { reason: '' });
    expect(noReason.headers.location).toBe(`/petugas/lowongan/${v.id}?err=VALIDATION_FAILED&field=reason`);
    expect(textOf((await b.get(noReason.headers.location as string)).text)).toContain(
      'Tulis alasannya, minimal 3 karakter.',
    );
    expect((await t.http.get(`/api/v1/vacancies/${v.id}`).set(bearer(officer))).body.status).toBe('OPEN');
    const closed = await postForm(b, `/petugas/lowongan/${v.id}`, `/petugas/lowongan/${v.id}/tutup`, {
      reason: 'Perusahaan berhenti merekrut',
    });
    expect(closed.headers.location).toBe(`/petugas/lowongan/${v.id}?ok=vacancyClosed`);
    const after = await t.http.get(`/api/v1/vacancies/${v.id}`).set(bearer(officer));
    expect(after.body).toMatchObject({ status: 'CLOSED', closedReason: 'CLOSED_BY_OFFICER' });
    const closedPage = textOf((await b.get(`/petugas/lowongan/${v.id}?ok=vacancyClosed`)).text);
    expect(closedPage).toContain('Lowongan ditutup.');
    expect(closedPage).not.toContain('Tutup lowongan ini?');
  });

  it('prints IPK III/2 and III/4 by education and downloads them as the API’s CSV', async () => {
    const b = browser(t);
    await signIn(b, officer.email);
    const [y, m] = t.clock.today().split('-').map(Number);
    for (const [path, title, api] of [
      ['/petugas/ipk/iii-2', 'IPK III/2 — Pencari Kerja menurut Tingkat Pendidikan', 'ipk-iii-2'],
      ['/petugas/ipk/iii-4', 'IPK III/4 — Lowongan menurut Tingkat Pendidikan', 'ipk-iii-4'],
    ]) {
      const page = await b.get(`${path}?year=${y}&month=${m}`);
      expect(page.status).toBe(200);
      const text = textOf(page.text);
      expect(text).toContain(title);
      expect(text).toContain('S1');
      expect(text).toContain('Jumlah');
      const csv = await b.get(`${path}.csv?year=${y}&month=${m}`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.headers['content-disposition']).toContain('attachment');
      const fromApi = await t.http.get(`/api/v1/reports/${api}?year=${y}&month=${m}&format=csv`).set(bearer(officer));
      expect(csv.text.split('\n')[0]).toBe(fromApi.text.split('\n')[0]);
      expect(csv.text.split('\n').length).toBe(fromApi.text.split('\n').length);
    }
    expect((await b.get('/petugas/ipk/iii-9')).status).toBe(404);
    const tabs = textOf((await b.get('/petugas/ipk')).text);
    expect(tabs).toContain('III/2 pencari kerja menurut pendidikan');
  });

  it("lists the company's own HR staff only", async () => {
    const a = await registerEmployer(t);
    const other = await registerEmployer(t);
    const b = browser(t);
    await signIn(b, a.email);
    const email = `${uniq('kolega')}@company.test`;
    const added = await postForm(b, '/perusahaan/staf', '/perusahaan/staf', {
      fullName: 'Kolega Baru',
      email,
      password: PASSWORD,
    });
    expect(added.headers.location).toBe('/perusahaan/staf?ok=staffAdded');
    const text = textOf((await b.get('/perusahaan/staf')).text);
    expect(text).toContain('2 akun');
    expect(text).toContain(a.email);
    expect(text).toContain(email);
    expect(text).not.toContain(other.email);
  });

  it('the public card check is not recorded as an employer validation', async () => {
    const { seeker, card } = await seekerWithActiveCard(t, officer);
    const cred = await t.http.get(`/api/v1/cards/${card.id}/credential`).set(bearer(seeker));
    const count = async () =>
      Number(
        (
          (await t.ds.query('SELECT COUNT(*) AS n FROM card_validations WHERE card_id = ?', [card.id])) as {
            n: unknown;
          }[]
        )[0].n,
      );
    const before = await count();
    const page = await t.http.get(`/cek-kartu?t=${encodeURIComponent(cred.body.token)}`);
    expect(textOf(page.text)).toContain('Kartu SAH');
    expect(await count()).toBe(before);
  });
});
