import { Placement } from '../../src/placements/placement.entity';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  verifiedEmployer,
  walkInSeekerWithCard,
  type EmployerSession,
  type Session,
} from '../support/factories';
import { browser, signIn, textOf, tokensOf } from './support';

const DAY = 24 * 60 * 60 * 1000;

/**
 * "Batalkan penempatan" in the console (issue 19): on the officer's card page and on the employer's hire
 * page, a form with the reason and a sentence saying what will happen; results and refusals in
 * Indonesian; a voided placement shows as "Dibatalkan" with its reason; the employer's button only
 * within 7 days.
 */
describe('web console: voiding a placement', () => {
  let t: TestApp;
  let officer: Session;
  let hr: EmployerSession;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
    hr = await verifiedEmployer(t, officer);
  });
  afterAll(() => t.close());

  async function placed(): Promise<{ cardId: string; placementId: string }> {
    const holder = await walkInSeekerWithCard(t, officer);
    const res = await t.http
      .post('/api/v1/placements')
      .set(bearer(hr))
      .send({ cardNumber: holder.card.cardNumber, nik: holder.nik, startDate: t.clock.today(), position: 'Juru masak' })
      .expect(201);
    return { cardId: holder.card.id, placementId: res.body.id as string };
  }

  it("officer: the card page offers it with a confirmation; an empty reason is refused; then 'Dibatalkan'", async () => {
    const { cardId, placementId } = await placed();
    const b = browser(t);
    await signIn(b, officer.email);
    const page = `/petugas/kartu/${cardId}`;
    const action = `/petugas/penempatan/${placementId}/batalkan`;
    const before = await b.get(page).expect(200);
    const text = textOf(before.text);
    expect(text).toContain('Penempatan yang dicatat dengan kartu ini');
    expect(text).toContain('Tercatat');
    expect(text).toContain('Batalkan penempatan');
    expect(text).toContain('Kartu AK1 pencari kerja kembali aktif');
    expect(before.text).not.toContain(placementId.toUpperCase());

    const empty = await b
      .post(action)
      .type('form')
      .send({ ...tokensOf(before.text, action), back: page, reason: ' ' })
      .expect(303);
    const refused = textOf((await b.get(empty.headers.location as string).expect(200)).text);
    expect(refused).toContain('Tulis alasannya, minimal 3 karakter.');
    expect((await t.ds.getRepository(Placement).findOneByOrFail({ id: placementId })).status).toBe('RECORDED');

    const form = await b.get(page).expect(200);
    const done = await b
      .post(action)
      .type('form')
      .send({ ...tokensOf(form.text, action), back: page, reason: 'Nomor kartu tertukar' })
      .expect(303);
    const after = await b.get(done.headers.location as string).expect(200);
    const afterText = textOf(after.text);
    expect(afterText).toContain('Penempatan dibatalkan.');
    expect(afterText).toContain('Dibatalkan');
    expect(afterText).toContain('Alasan pembatalan: Nomor kartu tertukar');
    expect(after.text).not.toContain(`action="${action}"`);
    expect((await t.ds.getRepository(Placement).findOneByOrFail({ id: placementId })).status).toBe('VOID');
  });

  it('employer: the hire page lists its hires with the button only within 7 days; the result in Indonesian', async () => {
    const old = await placed();
    const start = t.clock.now().getTime();
    try {
      t.clock.set(new Date(start + 8 * DAY).toISOString());
      const recent = await placed();
      const b = browser(t);
      await signIn(b, hr.email);
      const page = await b.get('/perusahaan/penempatan').expect(200);
      const text = textOf(page.text);
      expect(text).toContain('Penerimaan yang Anda catat');
      expect(text).toContain('dalam 7 hari sejak dicatat');
      const action = `/perusahaan/penempatan/${recent.placementId}/batalkan`;
      expect(page.text).toContain(`action="${action}"`);
      expect(page.text).not.toContain(`/perusahaan/penempatan/${old.placementId}/batalkan`);
      expect(text).toContain('Kartu AK1 pekerja kembali aktif');

      // The old one, posted anyway: refused with the sentence that sends them to the office.
      const late = await b
        .post(`/perusahaan/penempatan/${old.placementId}/batalkan`)
        .type('form')
        .send({ ...tokensOf(page.text, action), reason: 'Salah orang' })
        .expect(303);
      expect(textOf((await b.get(late.headers.location as string).expect(200)).text)).toContain(
        'lebih dari 7 hari yang lalu',
      );

      const form = await b.get('/perusahaan/penempatan').expect(200);
      const done = await b
        .post(action)
        .type('form')
        .send({ ...tokensOf(form.text, action), reason: 'Salah orang' })
        .expect(303);
      const after = textOf((await b.get(done.headers.location as string).expect(200)).text);
      expect(after).toContain('Penempatan dibatalkan.');
      expect(after).toContain('Dibatalkan');
      expect((await t.ds.getRepository(Placement).findOneByOrFail({ id: recent.placementId })).status).toBe('VOID');
      expect((await t.ds.getRepository(Placement).findOneByOrFail({ id: old.placementId })).status).toBe('RECORDED');
    } finally {
      t.clock.set(new Date(start).toISOString());
    }
  });
});
