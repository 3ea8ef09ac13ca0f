import sharp from 'sharp';
import { startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, registerSeeker, type Session } from '../support/factories';
import { browser, signIn, textOf, tokensOf } from './support';

/** The documents checklist in the console: the seeker uploads from the card page, the officer reviews. */
describe('console: documents checklist', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp({ REQUIRED_DOCUMENTS: 'KTP,IJAZAH|SKL,PAS_FOTO' });
    officer = await makeOfficer(t);
  });
  afterAll(() => t.close());

  const photo = () =>
    sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 90, g: 90, b: 200 } } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '2/1 59/1 0/1' } })
      .toBuffer();

  it('a seeker sees what is missing, uploads a photo from the phone form, and an officer rejects it with a reason', async () => {
    const seeker = await registerSeeker(t);
    const card = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
    const b = browser(t);
    await signIn(b, seeker.email);
    const page = await b.get('/saya/kartu').expect(200);
    expect(textOf(page.text)).toContain(
      'Dokumen yang belum lengkap: KTP, Ijazah atau Surat keterangan lulus, Pas foto 3×4.',
    );
    expect(page.text).toContain('accept="image/*,application/pdf"');
    expect(page.text).toContain('enctype="multipart/form-data"');

    const tokens = tokensOf(page.text, '/saya/dokumen');
    const sent = await b
      .post('/saya/dokumen')
      .field('_csrf', tokens._csrf)
      .field('_form', tokens._form)
      .field('back', '/saya/kartu')
      .field('type', 'KTP')
      .attach('file', await photo(), 'ktp.jpg')
      .expect(303);
    expect(sent.headers.location).toBe('/saya/kartu?ok=documentUploaded');
    const after = await b.get(sent.headers.location as string).expect(200);
    expect(textOf(after.text)).toContain('Dokumen berhasil diunggah.');
    expect(textOf(after.text)).toContain('Menunggu pemeriksaan');
    const docId = /\/saya\/dokumen\/([0-9a-f-]{36})/.exec(after.text)![1];
    const file = await b.get(`/saya/dokumen/${docId}`).expect(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['cache-control']).toBe('private, no-store');

    // A text file named .jpg: refused in words, nothing stored.
    const again = await b.get('/saya/kartu');
    const t2 = tokensOf(again.text, '/saya/dokumen');
    const refused = await b
      .post('/saya/dokumen')
      .field('_csrf', t2._csrf)
      .field('_form', t2._form)
      .field('type', 'PAS_FOTO')
      .attach('file', Buffer.from('not a photo'), 'foto.jpg')
      .expect(303);
    expect(refused.headers.location).toBe('/saya/kartu?err=UNSUPPORTED_FILE_TYPE');
    expect(textOf((await b.get(refused.headers.location as string)).text)).toContain('Berkas tidak dapat diterima.');

    // The officer: approving is refused and explained; the document is rejected with a reason.
    const desk = browser(t);
    await signIn(desk, officer.email);
    const request = await desk.get(`/petugas/kartu/${card.body.id}`).expect(200);
    expect(textOf(request.text)).toContain('Dokumen persyaratan');
    expect(request.text).toContain(`/petugas/dokumen/${docId}`);
    const approve = tokensOf(request.text, `/petugas/kartu/${card.body.id}/setujui`);
    const refusedApproval = await desk
      .post(`/petugas/kartu/${card.body.id}/setujui`)
      .type('form')
      .send({ ...approve, back: `/petugas/kartu/${card.body.id}` })
      .expect(303);
    expect(refusedApproval.headers.location).toContain('err=DOCUMENTS_INCOMPLETE');
    const explained = await desk.get(refusedApproval.headers.location as string);
    expect(textOf(explained.text)).toContain('dokumen persyaratan belum lengkap');
    await desk.get(`/petugas/dokumen/${docId}`).expect(200);

    const reject = tokensOf(explained.text, `/petugas/dokumen/${docId}/tolak`);
    const rejected = await desk
      .post(`/petugas/dokumen/${docId}/tolak`)
      .type('form')
      .send({ ...reject, back: `/petugas/kartu/${card.body.id}`, reason: 'Foto KTP buram' })
      .expect(303);
    expect(rejected.headers.location).toBe(`/petugas/kartu/${card.body.id}?ok=documentRejected`);
    const seen = textOf((await b.get('/saya/kartu')).text);
    expect(seen).toContain('Ditolak: Foto KTP buram');

    // The walk-in page shows the same checklist, with uploads at the counter.
    const walkIn = await desk.get(`/petugas/pencari-kerja/${seeker.seekerId}`).expect(200);
    expect(textOf(walkIn.text)).toContain('Ditolak: Foto KTP buram');
    expect(walkIn.text).toContain(`action="/petugas/pencari-kerja/${seeker.seekerId}/dokumen"`);

    // Another seeker cannot open it.
    const other = await registerSeeker(t);
    const ob = browser(t);
    await signIn(ob, other.email);
    expect((await ob.get(`/saya/dokumen/${docId}`)).status).toBe(404);
  });
});
