import { Placement } from '../../src/placements/placement.entity';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  postVacancy,
  seekerWithActiveCard,
  verifiedEmployer,
  walkInSeekerWithCard,
  type Session,
} from '../support/factories';
import { browser, signIn, textOf, tokensOf } from './support';

/**
 * The employer's "Catat hasil lowongan" (issue 17): a closed vacancy with positions unfilled offers the
 * form from the vacancy list and the VACANCY_OUTCOME message; refusals are shown on their row in
 * Indonesian; after saving, the page shows the outcome.
 */
describe('web console: the outcome of a closed vacancy', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
  });
  afterAll(() => t.close());

  it('from the list to the form; errors per row in Indonesian; after saving, the page shows the outcome', async () => {
    const hr = await verifiedEmployer(t, officer);
    const vacancy = await postVacancy(t, hr, { quota: 3, title: 'Tukang las' });
    const open = await postVacancy(t, hr, { quota: 1, title: 'Sopir' });
    const { seeker, card } = await seekerWithActiveCard(t, officer);
    const other = await walkInSeekerWithCard(t, officer);
    await t.http.post(`/api/v1/vacancies/${vacancy.id}/close`).set(bearer(hr)).send({}).expect(200);
    const path = `/perusahaan/lowongan/${vacancy.id}/hasil`;

    const b = browser(t);
    await signIn(b, hr.email);
    // The list offers it for the closed vacancy only.
    const list = (await b.get('/perusahaan/lowongan').expect(200)).text;
    expect(list).toContain(`href="${path}"`);
    expect(list).not.toContain(`/perusahaan/lowongan/${open.id}/hasil`);
    expect(textOf(list)).toContain('Catat hasil lowongan');
    // The VACANCY_OUTCOME message links to the same form.
    const inbox = (await t.http.get('/api/v1/notifications').set(bearer(hr)).expect(200)).body.items;
    const asked = inbox.find((n: { kind: string }) => n.kind === 'VACANCY_OUTCOME');
    expect(new URL(asked.link).pathname).toBe(path);

    const page = await b.get(path).expect(200);
    const text = textOf(page.text);
    expect(text).toContain('0 dari 3 posisi terisi');
    for (const reason of [
      'Tidak ada pelamar yang sesuai',
      'Menerima pekerja tanpa kartu AK1',
      'Lowongan dibatalkan',
      'Lainnya',
    ])
      expect(text).toContain(reason);
    expect(page.text).toContain('name="hires.2.cardNumber"');
    expect(page.text).not.toContain('name="hires.3.cardNumber"');
    expect(page.text).toContain('type="radio"');

    const send = async (fields: Record<string, string>) => {
      const form = await b.get(path).expect(200);
      return b
        .post(path)
        .type('form')
        .send({ ...tokensOf(form.text, path), ...fields });
    };
    const row0 = {
      'hires.0.cardNumber': card.cardNumber,
      'hires.0.nik': seeker.nik,
      'hires.0.startDate': t.clock.today(),
    };

    // The third row's NIK is not its card's (the second row left empty): the error is on row 3, nothing saved.
    const wrong = await send({
      ...row0,
      'hires.2.cardNumber': other.card.cardNumber,
      'hires.2.nik': seeker.nik,
      'hires.2.startDate': t.clock.today(),
      unfilledReason: 'OTHER',
    });
    expect(wrong.status).toBe(404);
    const wrongText = textOf(wrong.text);
    expect(wrongText).toContain('Pekerja 3');
    expect(wrongText).toContain('Tidak ada kartu AK1 dengan nomor dan NIK tersebut.');
    expect(wrong.text).toMatch(/id="f-hires-2"[^>]*class="[^"]*invalid/);
    expect(wrong.text).toContain(`value="${other.card.cardNumber}"`);
    expect(await t.ds.getRepository(Placement).countBy({ vacancyId: vacancy.id })).toBe(0);

    // A row filled in part: its empty fields are "wajib diisi"; no reason while positions remain: asked for.
    const partial = await send({ 'hires.1.cardNumber': other.card.cardNumber });
    expect(partial.status).toBe(400);
    expect(textOf(partial.text)).toMatch(/Pekerja 2: NIK wajib diisi/);
    const noReason = await send(row0);
    expect(noReason.status).toBe(422);
    expect(textOf(noReason.text)).toContain('Pilih alasan posisi yang belum terisi.');
    expect(textOf(noReason.text)).not.toMatch(/UNFILLED_REASON_REQUIRED|unfilledReason/);

    // Saved: back on the page, which shows the outcome.
    const saved = await send({ ...row0, unfilledReason: 'HIRED_WITHOUT_AK1', note: 'Dua posisi diisi tenaga lepas.' });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`${path}?ok=outcomeSaved`);
    const after = textOf((await b.get(saved.headers.location as string).expect(200)).text);
    expect(after).toContain('Hasil lowongan tersimpan');
    expect(after).toContain('1 dari 3 posisi terisi');
    expect(after).toContain('Menerima pekerja tanpa kartu AK1');
    expect(after).toContain('Dua posisi diisi tenaga lepas.');
    expect(after).toContain(card.cardNumber);
    const placed = (await t.http.get('/api/v1/cards/me').set(bearer(seeker)).expect(200)).body;
    expect(placed.history[0]).toMatchObject({ id: card.id, status: 'PLACED' });
  });

  it('an open or filled vacancy has no form, and another company cannot open the page', async () => {
    const hr = await verifiedEmployer(t, officer);
    const open = await postVacancy(t, hr, { quota: 1 });
    const b = browser(t);
    await signIn(b, hr.email);
    const page = await b.get(`/perusahaan/lowongan/${open.id}/hasil`).expect(200);
    expect(textOf(page.text)).toContain('Lowongan ini masih dibuka.');
    expect(page.text).not.toContain('name="unfilledReason"');

    // Every position filled by the outcome: the record is shown, the form is not.
    const one = await postVacancy(t, hr, { quota: 1 });
    const hired = await walkInSeekerWithCard(t, officer);
    await t.http.post(`/api/v1/vacancies/${one.id}/close`).set(bearer(hr)).send({}).expect(200);
    await t.http
      .post(`/api/v1/vacancies/${one.id}/outcome`)
      .set(bearer(hr))
      .send({ hires: [{ cardNumber: hired.card.cardNumber, nik: hired.nik, startDate: t.clock.today() }] })
      .expect(200);
    const filled = await b.get(`/perusahaan/lowongan/${one.id}/hasil`).expect(200);
    expect(textOf(filled.text)).toContain('Semua posisi lowongan ini sudah terisi.');
    expect(textOf(filled.text)).toContain(hired.card.cardNumber);
    expect(filled.text).not.toContain('name="unfilledReason"');
    expect(textOf((await b.get('/perusahaan/lowongan').expect(200)).text)).not.toContain('Catat hasil lowongan');

    const stranger = await verifiedEmployer(t, officer);
    const b2 = browser(t);
    await signIn(b2, stranger.email);
    await b2.get(`/perusahaan/lowongan/${open.id}/hasil`).expect(404);
  });
});
