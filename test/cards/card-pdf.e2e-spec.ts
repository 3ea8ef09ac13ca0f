import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import type { Response } from 'supertest';
import { startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, registerSeeker, verifiedEmployer, type Session } from '../support/factories';
import { browser, signIn, textOf } from '../console/support';

const READER = join(__dirname, '../support/render-pdf-page.mjs');
/** Page 1 of a PDF through MuPDF: rendered at `dpi` as a PNG, or its text. */
const mupdf = (pdf: Buffer, ...args: string[]) =>
  execFileSync(process.execPath, [READER, ...args], { input: pdf, maxBuffer: 64 * 1024 * 1024 });

/** Reads a reply's body as bytes, whatever its content type. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

const photo = () =>
  sharp({ create: { width: 300, height: 400, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .jpeg()
    .toBuffer();

/** A PAS_FOTO sent as a PDF: it satisfies the checklist but is no image to print (the placeholder box is). */
const PDF_PHOTO = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** Issue 18 (decisions 61–63): the AK/I card as a PDF, with the photo, and a QR that decodes at 150 dpi. */
describe('GET /cards/:id/pdf', () => {
  let t: TestApp;
  let officer: Session;
  let employer: Session;

  beforeAll(async () => {
    t = await startApp({
      REQUIRED_DOCUMENTS: 'PAS_FOTO',
      OFFICE_NAME: 'Dinas Tenaga Kerja Kota Contoh',
      CARD_SIGNING_OFFICER_NAME: 'Drs. Budi Santoso',
      CARD_SIGNING_OFFICER_NIP: '196801011990031001',
    });
    officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
  });
  afterAll(() => t.close());

  /** A seeker who uploaded a PAS_FOTO (the checklist asks for it) and got their card approved. */
  const withPhoto = async (bytes: Buffer, name = 'foto.jpg', fullName = 'Siti Aminah') => {
    const seeker = await registerSeeker(t, { fullName });
    await t.http
      .post('/api/v1/seekers/me/documents')
      .set(bearer(seeker))
      .field('type', 'PAS_FOTO')
      .attach('file', bytes, name)
      .expect(201);
    return seeker;
  };
  const holderWithCard = async (bytes?: Buffer, name?: string) => {
    const seeker = await withPhoto(bytes ?? (await photo()), name);
    const requested = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
    const card = (await t.http.post(`/api/v1/cards/${requested.body.id}/approve`).set(bearer(officer)).expect(200))
      .body as { id: string; cardNumber: string };
    return { seeker, card };
  };
  const pdf = (s: Session, id: string) =>
    t.http.get(`/api/v1/cards/${id}/pdf`).set(bearer(s)).buffer(true).parse(binary);

  it('is a PDF with the font embedded, the photo, the holder and a QR that decodes at 150 dpi to a valid card', async () => {
    const { seeker, card } = await holderWithCard();
    const res = await pdf(seeker, card.id).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const safe = card.cardNumber.replace(/[^A-Za-z0-9.-]+/g, '-');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="kartu-ak1-${safe}.pdf"`);
    const bytes = res.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/Subtype \/Image/);

    const text = mupdf(bytes, 'text').toString();
    for (const s of [
      'Dinas Tenaga Kerja Kota Contoh',
      card.cardNumber,
      'Siti Aminah',
      seeker.nik,
      'Drs. Budi Santoso',
      '196801011990031001',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('Pas foto 3×4');

    const rendered = mupdf(bytes, 'png', '150');
    if (process.env.CARD_PDF_DUMP) writeFileSync(process.env.CARD_PDF_DUMP, rendered); // to look at it
    const png = PNG.sync.read(rendered);
    // A4 at 150 dpi: 1240 × 1754 pixels.
    expect(Math.abs(png.width - 1240)).toBeLessThanOrEqual(1);
    expect(Math.abs(png.height - 1754)).toBeLessThanOrEqual(1);
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded).not.toBeNull();
    const link = new URL(decoded!.data);
    expect(link.pathname).toBe('/cek-kartu');
    expect(link.searchParams.get('c')).toMatch(/^[A-Z2-7]+$/);
    const page = await t.http.get(`${link.pathname}${link.search}`).expect(200);
    expect(page.text).toContain('class="result valid"');
    expect(page.text).toContain(card.cardNumber);
  });

  it('without a PAS_FOTO prints the placeholder box; an officer may download it, another seeker may not', async () => {
    const { card } = await holderWithCard(PDF_PHOTO, 'foto.pdf');
    const other = await holderWithCard();
    const bytes = (await pdf(officer, card.id).expect(200)).body as Buffer;
    expect(bytes.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
    const text = mupdf(bytes, 'text').toString();
    expect(text).toContain('Pas foto 3×4');
    expect((await pdf(other.seeker, card.id).expect(404)).status).toBe(404);
    await t.http.get(`/api/v1/cards/${card.id}/pdf`).set(bearer(employer)).expect(403);
    await t.http.get(`/api/v1/cards/${card.id}/pdf`).expect(401);
  });

  it('the back shows the reports with the officer, and once PLACED the employer and TMT', async () => {
    const { seeker, card } = await holderWithCard();
    let text = mupdf((await pdf(seeker, card.id).expect(200)).body as Buffer, 'text').toString();
    expect(text).not.toContain('Petugas Uji');
    await t.http.post(`/api/v1/cards/${card.id}/reports`).set(bearer(officer)).send({}).expect(201);
    text = mupdf((await pdf(seeker, card.id).expect(200)).body as Buffer, 'text').toString();
    expect(text).toContain('Petugas Uji'); // the officer who took the report
    expect(text).toContain('Diterima bekerja di: ....');
    await t.http
      .post('/api/v1/placements')
      .set(bearer(employer))
      .send({ cardNumber: card.cardNumber, nik: seeker.nik, startDate: t.clock.today(), position: 'Operator' })
      .expect(201);
    const placed = (await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(seeker)).expect(200)).body;
    expect(placed.status).toBe('PLACED');
    text = mupdf((await pdf(seeker, card.id).expect(200)).body as Buffer, 'text').toString();
    expect(text).toContain(`Diterima bekerja di: ${placed.placement.employerName}`);
    const [y, m, d] = placed.placement.startDate.split('-').map(Number);
    expect(text).toMatch(new RegExp(`TMT: ${d} \\p{L}+ ${y}`, 'u'));
    expect(m).toBeGreaterThan(0);
  });

  it('a pending request has no PDF (409); an unknown card is 404', async () => {
    const seeker = await withPhoto(await photo());
    const requested = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
    expect((await pdf(seeker, requested.body.id).expect(409)).status).toBe(409);
    await pdf(officer, '00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('console: the printable card shows the photo and offers the PDF, to the holder and an officer only', async () => {
    const { seeker, card } = await holderWithCard();
    const holder = browser(t);
    await signIn(holder, seeker.email);
    const page = await holder.get('/saya/kartu/cetak').expect(200);
    expect(page.text).toContain('href="/saya/kartu/pdf"');
    expect(page.text).toContain('Unduh PDF');
    const photoUrl = /<img class="photo" src="(\/saya\/dokumen\/[0-9a-f-]{36})"/.exec(page.text)![1];
    expect((await holder.get(photoUrl).expect(200)).headers['content-type']).toBe('image/jpeg');
    const mine = await holder.get('/saya/kartu/pdf').buffer(true).parse(binary).expect(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect((mine.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const desk = browser(t);
    const officerEmail = (await t.http.get('/api/v1/auth/me').set(bearer(officer)).expect(200)).body.email as string;
    await signIn(desk, officerEmail);
    const officerPage = await desk.get(`/petugas/kartu/${card.id}/cetak`).expect(200);
    expect(officerPage.text).toContain(`href="/petugas/kartu/${card.id}/pdf"`);
    expect(officerPage.text).toMatch(/<img class="photo" src="\/petugas\/dokumen\/[0-9a-f-]{36}"/);
    const theirs = await desk.get(`/petugas/kartu/${card.id}/pdf`).buffer(true).parse(binary).expect(200);
    expect(theirs.headers['content-disposition']).toContain('attachment; filename="kartu-ak1-');

    // Another seeker reaches neither the photo nor the officer's PDF address.
    const stranger = await withPhoto(await photo(), 'foto.jpg', 'Orang Lain');
    const other = browser(t);
    await signIn(other, stranger.email);
    expect((await other.get(photoUrl)).status).not.toBe(200);
    expect((await other.get(`/petugas/kartu/${card.id}/pdf`)).status).not.toBe(200);
  });
  it('console: the print page shows what the PDF shows — signing officer, report officers, employer and TMT', async () => {
    const { seeker, card } = await holderWithCard();
    const holder = browser(t);
    await signIn(holder, seeker.email);
    const desk = browser(t);
    const officerEmail = (await t.http.get('/api/v1/auth/me').set(bearer(officer)).expect(200)).body.email as string;
    await signIn(desk, officerEmail);
    // The back of the card, from its title (the officer's page names the signed-in officer in its header).
    const backOf = (html: string) => textOf(html).split('Laporan 6 bulanan')[1];
    const pages = async () => [
      backOf((await holder.get('/saya/kartu/cetak').expect(200)).text),
      backOf((await desk.get(`/petugas/kartu/${card.id}/cetak`).expect(200)).text),
    ];

    for (const text of await pages()) {
      expect(text).toContain('Pejabat yang menandatangani, Drs. Budi Santoso NIP 196801011990031001');
      expect(text).not.toContain('Petugas Uji');
      expect(text).toContain('Diterima bekerja di: …');
      expect(text).toContain('TMT: …');
    }
    await t.http.post(`/api/v1/cards/${card.id}/reports`).set(bearer(officer)).send({}).expect(201);
    const reported = (await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(seeker)).expect(200)).body;
    expect(reported.reports).toHaveLength(1);
    for (const text of await pages()) expect(text).toMatch(/1 \d+ \p{L}+ \d{4} \d+ \p{L}+ \d{4} Petugas Uji/u);

    await t.http
      .post('/api/v1/placements')
      .set(bearer(employer))
      .send({ cardNumber: card.cardNumber, nik: seeker.nik, startDate: t.clock.today(), position: 'Operator' })
      .expect(201);
    const placed = (await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(seeker)).expect(200)).body;
    expect(placed.status).toBe('PLACED');
    const [y, , d] = placed.placement.startDate.split('-').map(Number);
    // The holder reaches the placed card's print page from "Kartu AK1 saya"; neither page has a QR any more.
    expect((await holder.get('/saya/kartu').expect(200)).text).toContain('href="/saya/kartu/cetak"');
    for (const text of await pages()) {
      expect(text).toContain(`Diterima bekerja di: ${placed.placement.employerName}`);
      expect(text).toMatch(new RegExp(`TMT: ${d} \\p{L}+ ${y}`, 'u'));
      expect(text).toContain('Petugas Uji');
    }
    expect((await desk.get(`/petugas/kartu/${card.id}/cetak`).expect(200)).text).not.toContain('class="qr"');
    expect((await desk.get(`/petugas/kartu/${card.id}`).expect(200)).text).toContain(
      `href="/petugas/kartu/${card.id}/cetak"`,
    );
  });
});

describe('the printed card without a configured signing officer', () => {
  it('leaves a line to sign by hand, on the print page as in the PDF', async () => {
    const t = await startApp({ CARD_SIGNING_OFFICER_NAME: '', CARD_SIGNING_OFFICER_NIP: '' });
    try {
      const officer = await makeOfficer(t);
      const seeker = await registerSeeker(t);
      const requested = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
      await t.http.post(`/api/v1/cards/${requested.body.id}/approve`).set(bearer(officer)).expect(200);
      const holder = browser(t);
      await signIn(holder, seeker.email);
      const text = textOf((await holder.get('/saya/kartu/cetak').expect(200)).text);
      expect(text).toContain('Pejabat yang menandatangani, ( ……………………………… ) NIP ……………………………');
    } finally {
      await t.close();
    }
  });
});
