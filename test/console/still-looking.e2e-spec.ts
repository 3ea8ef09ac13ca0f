import { Card } from '../../src/cards/card.entity';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  postVacancy,
  seekerWithActiveCard,
  verifiedEmployer,
  type Session,
} from '../support/factories';
import { browser, csrfOf, signIn, textOf, tokensOf } from './support';

/**
 * "Apakah Anda masih mencari kerja?" in the console (issue 17): the three answers on the card page and on
 * the page the card reminders link to; each opens its form, filled in where the platform knows something;
 * the withdraw form closes the card; a signed-out tap on a message link signs in and comes back.
 */
describe('console: are you still looking for work?', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp({ SCHEDULER_ENABLED: 'false' });
    officer = await makeOfficer(t);
  });
  afterAll(() => t.close());

  it('shows the three answers for an ACTIVE card, each leading to its form', async () => {
    const { seeker, card } = await seekerWithActiveCard(t, officer);
    const b = browser(t);
    await signIn(b, seeker.email);

    for (const page of ['/saya/kartu', '/saya/kartu/status']) {
      const res = await b.get(page).expect(200);
      const text = textOf(res.text);
      expect(text).toContain('Apakah Anda masih mencari kerja?');
      for (const [href, label] of [
        ['/saya/kartu/lapor', 'Masih mencari kerja'],
        ['/saya/sudah-bekerja', 'Sudah bekerja'],
        ['/saya/kartu/berhenti', 'Tidak lagi mencari kerja'],
      ])
        expect(res.text).toMatch(new RegExp(`href="${href}"[^>]*>${label}<`));
    }

    // "Masih mencari kerja": the report confirmation for their card, which reports.
    const report = await b.get('/saya/kartu/lapor').expect(200);
    expect(textOf(report.text)).toContain(card.cardNumber);
    expect(report.text).toContain(`name="cardId" value="${card.id}"`);
    const sent = await b
      .post('/saya/kartu/lapor')
      .type('form')
      .send({ ...tokensOf(report.text, '/saya/kartu/lapor'), cardId: card.id, note: '' });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe('/saya/kartu?ok=reported');

    // In English, the same page in English words.
    const home = await b.get('/saya/kartu/status');
    await b
      .post('/bahasa')
      .type('form')
      .send({ _csrf: csrfOf(home.text), lang: 'en', next: '/saya/kartu/status' })
      .expect(303);
    const en = textOf((await b.get('/saya/kartu/status').expect(200)).text);
    for (const s of [
      'Are you still looking for work?',
      'Still looking for work',
      'I have a job',
      'No longer looking for work',
    ])
      expect(en).toContain(s);
    expect(textOf((await b.get('/saya/kartu/berhenti').expect(200)).text)).toContain('Starting my own business');
  });

  it('fills the self-report in from a shortlisted application', async () => {
    const { seeker } = await seekerWithActiveCard(t, officer);
    const employer = await verifiedEmployer(t, officer);
    const vacancy = await postVacancy(t, employer, { closesAt: '2099-12-31', title: 'Kasir Toko Sembako' });
    const app = await t.http.post(`/api/v1/vacancies/${vacancy.id}/applications`).set(bearer(seeker)).send({});
    const b = browser(t);
    await signIn(b, seeker.email);
    const blank = await b.get('/saya/sudah-bekerja').expect(200);
    expect(blank.text).not.toContain('Kasir Toko Sembako');
    await t.http
      .patch(`/api/v1/applications/${app.body.id}`)
      .set(bearer(employer))
      .send({ status: 'SHORTLISTED' })
      .expect(200);
    const filled = await b.get('/saya/sudah-bekerja').expect(200);
    expect(filled.text).toContain('value="Kasir Toko Sembako"');
    expect(filled.text).toMatch(/value="[^"]+" id="f-employerName"/);
    expect(filled.text).toContain('value="" id="f-startDate"'); // never guessed
    expect(blank.text).toContain('value="" id="f-employerName"');
  });

  it('withdraws the card through the form with its CSRF token, after a reason', async () => {
    const { seeker, card } = await seekerWithActiveCard(t, officer);
    const b = browser(t);
    await signIn(b, seeker.email);
    const form = await b.get('/saya/kartu/berhenti').expect(200);
    const text = textOf(form.text);
    for (const s of ['Membuka usaha sendiri', 'Melanjutkan pendidikan', 'Lainnya', 'Anda dapat mengajukan kartu baru'])
      expect(text).toContain(s);

    // Without the CSRF token: refused, nothing changes.
    const forged = await b.post('/saya/kartu/berhenti').type('form').send({ cardId: card.id, choice: 'EDUCATION' });
    expect(forged.status).toBe(403);
    // No reason chosen, or "Lainnya" with too short a text: the form again, with the problem.
    const none = await b
      .post('/saya/kartu/berhenti')
      .type('form')
      .send({ ...tokensOf(form.text, '/saya/kartu/berhenti'), cardId: card.id });
    expect(none.status).toBe(400);
    expect(textOf(none.text)).toContain('Pilih alasan');
    const again = await b.get('/saya/kartu/berhenti');
    const short = await b
      .post('/saya/kartu/berhenti')
      .type('form')
      .send({ ...tokensOf(again.text, '/saya/kartu/berhenti'), cardId: card.id, choice: 'OTHER', reason: 'x' });
    expect(short.status).toBe(400);
    expect((await t.ds.getRepository(Card).findOneByOrFail({ id: card.id })).status).toBe('ACTIVE');

    const ok = await b.get('/saya/kartu/berhenti');
    const done = await b
      .post('/saya/kartu/berhenti')
      .type('form')
      .send({ ...tokensOf(ok.text, '/saya/kartu/berhenti'), cardId: card.id, choice: 'EDUCATION', reason: '' });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/saya/kartu?ok=cardWithdrawn');
    const row = await t.ds.getRepository(Card).findOneByOrFail({ id: card.id });
    expect(row).toMatchObject({ status: 'WITHDRAWN', statusReason: 'Melanjutkan pendidikan' });

    const after = textOf((await b.get(done.headers.location as string).expect(200)).text);
    expect(after).toContain('Kartu AK1 Anda sudah ditutup');
    expect(after).toContain('Tidak lagi mencari kerja');
    expect(after).not.toContain('Apakah Anda masih mencari kerja?');
    // The answers' pages now say there is nothing to answer, or go back to the card page.
    expect(textOf((await b.get('/saya/kartu/status').expect(200)).text)).toContain(
      'tidak memiliki kartu AK1 yang aktif',
    );
    const closed = await b.get('/saya/kartu/berhenti');
    expect(closed.status).toBe(303);
    expect(closed.headers.location).toBe('/saya/kartu?err=CARD_NOT_ACTIVE');
  });

  it('signs a signed-out seeker in from a message link and brings them back to the form', async () => {
    const { seeker, card } = await seekerWithActiveCard(t, officer);
    const b = browser(t);
    for (const page of ['/saya/kartu/berhenti', '/saya/kartu/status', '/saya/kartu/lapor']) {
      const res = await b.get(page);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/masuk?next=${encodeURIComponent(page)}`);
    }
    const signInPage = await b.get(`/masuk?next=${encodeURIComponent('/saya/kartu/berhenti')}`).expect(200);
    const res = await b
      .post('/masuk')
      .type('form')
      .send({
        _csrf: csrfOf(signInPage.text),
        email: seeker.email,
        password: 'correct-horse-battery',
        next: '/saya/kartu/berhenti',
      });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/saya/kartu/berhenti');
    const form = await b.get('/saya/kartu/berhenti').expect(200);
    expect(form.text).toContain(`name="cardId" value="${card.id}"`);
  });

  it('lets an officer record it at the counter from the card page', async () => {
    const { card } = await seekerWithActiveCard(t, officer);
    const b = browser(t);
    await signIn(b, officer.email);
    const page = await b.get(`/petugas/kartu/${card.id}`).expect(200);
    expect(textOf(page.text)).toContain('Catat: pemegang tidak lagi mencari kerja');
    const action = `/petugas/kartu/${card.id}/berhenti`;
    const done = await b
      .post(action)
      .type('form')
      .send({ ...tokensOf(page.text, action), reason: 'Pindah ke luar kota, disampaikan di loket' });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe(`/petugas/kartu/${card.id}?ok=cardWithdrawnForHolder`);
    const after = textOf((await b.get(done.headers.location as string).expect(200)).text);
    expect(after).toContain('Kartu ditutup: pemegangnya tidak lagi mencari kerja.');
    expect(after).toContain('Alasan berhenti mencari kerja');
    expect((await t.ds.getRepository(Card).findOneByOrFail({ id: card.id })).status).toBe('WITHDRAWN');
  });
});
