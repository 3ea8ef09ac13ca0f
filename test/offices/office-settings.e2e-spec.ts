import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { browser, signIn, textOf } from '../console/support';
import { ENGINE, startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, registerSeeker, type Session } from '../support/factories';

/** Decision 91: where a global setting was read, the office's own value is read first. */

const READER = join(__dirname, '../support/render-pdf-page.mjs');
const pdfText = (pdf: Buffer) =>
  execFileSync(process.execPath, [READER, 'text'], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString();
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('per-office settings override the deployment', () => {
  let t: TestApp;
  let officer: Session;
  let officeId: string;

  beforeAll(async () => {
    t = await startApp(
      {
        REGION_CODE: '1671',
        OFFICE_NAME: 'Nama Kantor Global',
        CARD_SIGNING_OFFICER_NAME: 'Penandatangan Global',
        CARD_SIGNING_OFFICER_NIP: '196801011990031001',
      },
      [],
      { freshDatabase: true },
    );
    officer = await makeOfficer(t);
    officeId = (await t.http.get('/api/v1/auth/me').set(bearer(officer)).expect(200)).body.officeId;
  });
  afterAll(() => t.close());

  const settings = (body: Record<string, unknown>) =>
    t.http.patch(`/api/v1/offices/${officeId}/settings`).set(bearer(officer)).send(body).expect(200);

  it("a card's PDF and print page show the office's signing officer and letterhead", async () => {
    const seeker = await registerSeeker(t, { fullName: 'Rina Marlina' });
    const req = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
    const card = await t.http.post(`/api/v1/cards/${req.body.id}/approve`).set(bearer(officer)).expect(200);
    const pdf = async () =>
      pdfText(
        (
          await t.http
            .get(`/api/v1/cards/${card.body.id}/pdf`)
            .set(bearer(seeker))
            .buffer(true)
            .parse(binary)
            .expect(200)
        ).body as Buffer,
      );

    let text = await pdf();
    expect(text).toContain('Penandatangan Global');
    expect(text).toContain('Nama Kantor Global');

    await settings({
      signingOfficer: { name: 'Drs. Ahmad Fauzi, M.Si.', nip: '197001011995031001' },
      letterhead: { name: 'Dinas Tenaga Kerja Kota Palembang', address: 'Jl. Merdeka No. 1' },
    });
    text = await pdf();
    expect(text).toContain('Drs. Ahmad Fauzi, M.Si.');
    expect(text).toContain('197001011995031001');
    expect(text).toContain('Dinas Tenaga Kerja Kota Palembang');
    expect(text).not.toContain('Penandatangan Global');

    const holder = browser(t);
    await signIn(holder, seeker.email);
    const page = textOf((await holder.get('/saya/kartu/cetak').expect(200)).text);
    expect(page).toContain('Drs. Ahmad Fauzi, M.Si.');
    expect(page).toContain('Dinas Tenaga Kerja Kota Palembang');
    expect(page).not.toContain('Penandatangan Global');

    // Unset: the deployment's again.
    await settings({ signingOfficer: null, letterhead: null });
    text = await pdf();
    expect(text).toContain('Penandatangan Global');
    expect(text).toContain('Nama Kantor Global');
  });

  it("the documents checklist and the approval follow the office's requiredDocuments", async () => {
    const seeker = await registerSeeker(t);
    const checklist = async () =>
      (await t.http.get('/api/v1/seekers/me/documents').set(bearer(seeker)).expect(200)).body.checklist;
    expect(await checklist()).toEqual([]); // the deployment's REQUIRED_DOCUMENTS is '' in tests

    await settings({ requiredDocuments: 'KTP' });
    expect(await checklist()).toEqual([{ requirement: 'KTP', satisfied: false }]);
    const req = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
    const refused = await t.http.post(`/api/v1/cards/${req.body.id}/approve`).set(bearer(officer)).expect(422);
    expect(refused.body).toMatchObject({ code: 'DOCUMENTS_INCOMPLETE', details: [{ requirement: 'KTP' }] });

    await t.http
      .post('/api/v1/seekers/me/documents')
      .set(bearer(seeker))
      .field('type', 'KTP')
      .attach('file', PDF, 'ktp.pdf')
      .expect(201);
    expect(await checklist()).toEqual([{ requirement: 'KTP', satisfied: true, documentId: expect.any(String) }]);
    await t.http.post(`/api/v1/cards/${req.body.id}/approve`).set(bearer(officer)).expect(200);

    await settings({ requiredDocuments: null });
    expect(await checklist()).toEqual([]);
  });

  it('another instance sees a change within the cache time (30 s)', async () => {
    const env: Record<string, string> =
      ENGINE === 'mysql'
        ? { DB_URL: t.config.db.url!, REGION_CODE: '1671' }
        : { DB_PATH: t.config.db.path, REGION_CODE: '1671' };
    const other = await startApp(env);
    try {
      const seeker = await registerSeeker(t);
      const checklistOn = async (app: TestApp) =>
        (await app.http.get('/api/v1/seekers/me/documents').set(bearer(seeker)).expect(200)).body.checklist;
      expect(await checklistOn(other)).toEqual([]);
      await settings({ requiredDocuments: 'PAS_FOTO' });
      expect(await checklistOn(t)).toEqual([{ requirement: 'PAS_FOTO', satisfied: false }]);
      expect(await checklistOn(other)).toEqual([]); // its copy is still fresh
      other.clock.advance(31_000);
      expect(await checklistOn(other)).toEqual([{ requirement: 'PAS_FOTO', satisfied: false }]);
    } finally {
      await settings({ requiredDocuments: null });
      await other.close();
    }
  });
});
