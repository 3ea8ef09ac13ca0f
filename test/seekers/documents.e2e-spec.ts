import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Response } from 'supertest';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  registerSeeker,
  seekerProfile,
  type Session,
  type SeekerSession,
} from '../support/factories';

const CHECKLIST = 'KTP,IJAZAH|SKL,PAS_FOTO';
const GPS_LATITUDE = '2/1 59/1 0/1';

/** A JPEG as a phone writes it: EXIF with a GPS position and a camera model. */
async function phoneJpeg(width = 640, height = 400): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone X' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: GPS_LATITUDE, GPSLongitudeRef: 'E', GPSLongitude: '104/1 45/1 0/1' },
    })
    .toBuffer();
}

const png = () =>
  sharp({ create: { width: 300, height: 400, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 1 } } })
    .png()
    .toBuffer();

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** Reads a reply's body as bytes, whatever its content type. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

function suite(label: string, env: () => Record<string, string>) {
  describe(`seeker documents (${label})`, () => {
    let t: TestApp;
    let officer: Session;

    beforeAll(async () => {
      t = await startApp({ REQUIRED_DOCUMENTS: CHECKLIST, ...env() });
      officer = await makeOfficer(t);
    });
    afterAll(() => t.close());

    const upload = (s: Session, path: string, type: string, bytes: Buffer, name = 'file.jpg') =>
      t.http.post(`/api/v1/seekers/${path}/documents`).set(bearer(s)).field('type', type).attach('file', bytes, name);
    const download = (s: Session, id: string) =>
      t.http.get(`/api/v1/documents/${id}/file`).set(bearer(s)).buffer(true).parse(binary);

    it('takes a phone photo with GPS metadata and gives it back without any', async () => {
      const seeker = await registerSeeker(t);
      const sent = await phoneJpeg();
      expect((await sharp(sent).metadata()).exif).toBeDefined();
      const res = await upload(seeker, 'me', 'KTP', sent).expect(201);
      expect(res.body).toMatchObject({ type: 'KTP', contentType: 'image/jpeg', status: 'SUBMITTED' });
      expect(res.body.size).toBeGreaterThan(0);
      const file = await download(seeker, res.body.id).expect(200);
      expect(file.headers['content-type']).toBe('image/jpeg');
      expect(file.headers['content-disposition']).toMatch(/^inline/);
      expect(file.headers['cache-control']).toBe('private, no-store');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      const meta = await sharp(file.body as Buffer).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
      expect((file.body as Buffer).includes(Buffer.from('PhoneMaker'))).toBe(false);
      expect(file.body.length).toBe(res.body.size);
    });

    it('caps an image at 2000 px and keeps a PNG a PNG; a PDF is kept as sent, as an attachment', async () => {
      const seeker = await registerSeeker(t);
      const big = await upload(seeker, 'me', 'TRANSKRIP', await phoneJpeg(3000, 1000)).expect(201);
      const bigFile = await download(seeker, big.body.id).expect(200);
      const meta = await sharp(bigFile.body as Buffer).metadata();
      expect([meta.width, meta.height]).toEqual([2000, 667]);

      const photo = await upload(seeker, 'me', 'PAS_FOTO', await png(), 'foto.png').expect(201);
      expect(photo.body.contentType).toBe('image/png');
      expect((await sharp((await download(seeker, photo.body.id).expect(200)).body as Buffer).metadata()).format).toBe(
        'png',
      );

      const pdf = await upload(seeker, 'me', 'IJAZAH', PDF, 'ijazah.pdf').expect(201);
      expect(pdf.body).toMatchObject({ contentType: 'application/pdf', size: PDF.length });
      const pdfFile = await download(seeker, pdf.body.id).expect(200);
      expect(pdfFile.headers['content-disposition']).toMatch(/^attachment/);
      expect(Buffer.compare(pdfFile.body as Buffer, PDF)).toBe(0);
    });

    it('judges by the bytes: text named .jpg, a broken image, an encrypted PDF → 400; 2 MiB + 1 → 413', async () => {
      const seeker = await registerSeeker(t);
      const text = await upload(seeker, 'me', 'KTP', Buffer.from('hello, I am not a photo'), 'ktp.jpg').expect(400);
      expect(text.body.code).toBe('UNSUPPORTED_FILE_TYPE');
      const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);
      expect((await upload(seeker, 'me', 'KTP', broken).expect(400)).body.code).toBe('UNSUPPORTED_FILE_TYPE');
      const encrypted = Buffer.from('%PDF-1.6\n1 0 obj << /Filter /Standard >> endobj\ntrailer << /Encrypt 1 0 R >>\n');
      expect((await upload(seeker, 'me', 'KTP', encrypted, 'k.pdf').expect(400)).body.code).toBe(
        'UNSUPPORTED_FILE_TYPE',
      );
      const tooBig = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
      const big = await upload(seeker, 'me', 'KTP', tooBig, 'k.pdf').expect(413);
      expect(big.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
      const exactly = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024 - PDF.length, 0x20)]);
      await upload(seeker, 'me', 'KTP', exactly, 'k.pdf').expect(201);
      const badType = await upload(seeker, 'me', 'PASPOR', PDF, 'k.pdf').expect(400);
      expect(badType.body.code).toBe('VALIDATION_FAILED');
      const noFile = await t.http.post('/api/v1/seekers/me/documents').set(bearer(seeker)).field('type', 'KTP');
      expect(noFile.status).toBe(400);
      const json = await t.http.post('/api/v1/seekers/me/documents').set(bearer(seeker)).send({ type: 'KTP' });
      expect(json.status).toBe(415);
      const list = await t.http.get('/api/v1/seekers/me/documents').set(bearer(seeker)).expect(200);
      expect(list.body.items).toHaveLength(1);
    });

    it("hides another seeker's document (404) and shows any to an officer; an employer gets 403", async () => {
      const owner = await registerSeeker(t);
      const other = await registerSeeker(t);
      const doc = await upload(owner, 'me', 'KTP', await phoneJpeg()).expect(201);
      expect((await download(other, doc.body.id)).status).toBe(404);
      await download(officer, doc.body.id).expect(200);
      const list = await t.http.get(`/api/v1/seekers/${owner.seekerId}/documents`).set(bearer(officer)).expect(200);
      expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([doc.body.id]);
      await t.http.get(`/api/v1/seekers/${owner.seekerId}/documents`).set(bearer(other)).expect(403);
      await t.http.get(`/api/v1/documents/${doc.body.id}/file`).expect(401);
    });

    it('replaces the older document of a type; the checklist takes IJAZAH or SKL', async () => {
      const seeker = await registerSeeker(t);
      const first = await upload(seeker, 'me', 'KTP', await phoneJpeg()).expect(201);
      const second = await upload(seeker, 'me', 'KTP', await png(), 'ktp.png').expect(201);
      expect((await download(seeker, first.body.id)).status).toBe(404);
      await upload(seeker, 'me', 'SKL', PDF, 'skl.pdf').expect(201);
      const list = (await t.http.get('/api/v1/seekers/me/documents').set(bearer(seeker)).expect(200)).body;
      expect(list.items.map((d: { type: string }) => d.type).sort()).toEqual(['KTP', 'SKL']);
      expect(list.checklist).toEqual([
        { requirement: 'KTP', satisfied: true, documentId: second.body.id },
        { requirement: 'IJAZAH|SKL', satisfied: true, documentId: expect.any(String) },
        { requirement: 'PAS_FOTO', satisfied: false },
      ]);
    });

    it('refuses an approval with DOCUMENTS_INCOMPLETE, accepts it after the uploads and verifies them', async () => {
      const seeker = await registerSeeker(t);
      const card = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
      const refused = await t.http.post(`/api/v1/cards/${card.body.id}/approve`).set(bearer(officer)).expect(422);
      expect(refused.body).toMatchObject({
        code: 'DOCUMENTS_INCOMPLETE',
        details: [{ requirement: 'KTP' }, { requirement: 'IJAZAH|SKL' }, { requirement: 'PAS_FOTO' }],
      });
      await upload(seeker, 'me', 'KTP', await phoneJpeg()).expect(201);
      await upload(seeker, 'me', 'IJAZAH', PDF, 'i.pdf').expect(201);
      const again = await t.http.post(`/api/v1/cards/${card.body.id}/approve`).set(bearer(officer)).expect(422);
      expect(again.body.details).toEqual([{ requirement: 'PAS_FOTO' }]);
      expect((await t.http.get(`/api/v1/cards/${card.body.id}`).set(bearer(officer))).body.status).toBe('PENDING');
      await upload(officer, seeker.seekerId, 'PAS_FOTO', await png(), 'f.png').expect(201);
      await t.http.post(`/api/v1/cards/${card.body.id}/approve`).set(bearer(officer)).expect(200);
      const list = (await t.http.get('/api/v1/seekers/me/documents').set(bearer(seeker)).expect(200)).body;
      expect(list.items.map((d: { status: string }) => d.status)).toEqual(['VERIFIED', 'VERIFIED', 'VERIFIED']);
    });

    it('refuses a walk-in issue without the documents, issues after an officer uploads them', async () => {
      const created = await t.http.post('/api/v1/seekers').set(bearer(officer)).send(seekerProfile()).expect(201);
      const seekerId = created.body.id as string;
      const refused = await t.http.post('/api/v1/cards').set(bearer(officer)).send({ seekerId }).expect(422);
      expect(refused.body.code).toBe('DOCUMENTS_INCOMPLETE');
      await upload(officer, seekerId, 'KTP', await phoneJpeg()).expect(201);
      await upload(officer, seekerId, 'SKL', PDF, 's.pdf').expect(201);
      await upload(officer, seekerId, 'PAS_FOTO', await phoneJpeg()).expect(201);
      await t.http.post('/api/v1/cards').set(bearer(officer)).send({ seekerId }).expect(201);
      await upload(officer, '00000000-0000-4000-8000-000000000000', 'KTP', PDF, 'k.pdf').expect(404);
    });

    it('verify and reject: the seeker is told of a rejection, and a rejected document does not count', async () => {
      const seeker: SeekerSession = await registerSeeker(t);
      const ktp = await upload(seeker, 'me', 'KTP', await phoneJpeg()).expect(201);
      const foto = await upload(seeker, 'me', 'PAS_FOTO', await png(), 'f.png').expect(201);
      const verified = await t.http.post(`/api/v1/documents/${ktp.body.id}/verify`).set(bearer(officer)).expect(200);
      expect(verified.body.status).toBe('VERIFIED');
      await t.http.post(`/api/v1/documents/${ktp.body.id}/verify`).set(bearer(officer)).expect(409);
      await t.http.post(`/api/v1/documents/${ktp.body.id}/verify`).set(bearer(seeker)).expect(403);
      await t.http.post(`/api/v1/documents/${foto.body.id}/reject`).set(bearer(officer)).send({}).expect(400);
      const rejected = await t.http
        .post(`/api/v1/documents/${foto.body.id}/reject`)
        .set(bearer(officer))
        .send({ reason: 'Foto buram, mohon difoto ulang' })
        .expect(200);
      expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectReason: 'Foto buram, mohon difoto ulang' });
      const list = (await t.http.get('/api/v1/seekers/me/documents').set(bearer(seeker)).expect(200)).body;
      expect(list.checklist.find((c: { requirement: string }) => c.requirement === 'PAS_FOTO').satisfied).toBe(false);
      const inbox = (await t.http.get('/api/v1/notifications').set(bearer(seeker)).expect(200)).body;
      const told = inbox.items.filter((n: { kind: string }) => n.kind === 'DOCUMENT_REJECTED');
      expect(told).toHaveLength(1);
      expect(JSON.stringify(told[0])).toContain('Foto buram');
    });

    it('two uploads of one type at once leave one document', async () => {
      const seeker = await registerSeeker(t);
      const [a, b] = await Promise.all([
        upload(seeker, 'me', 'KTP', await phoneJpeg()),
        upload(seeker, 'me', 'KTP', await png(), 'k.png'),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      const list = (await t.http.get('/api/v1/seekers/me/documents').set(bearer(seeker)).expect(200)).body;
      expect(list.items).toHaveLength(1);
      await download(seeker, list.items[0].id).expect(200);
    });
  });
}

suite('database storage', () => ({}));

let storageDir = '';
beforeAll(() => {
  storageDir = mkdtempSync(join(tmpdir(), 'ak1-documents-'));
});
afterAll(() => {
  // The filesystem driver wrote its files here, and nothing else.
  expect(readdirSync(storageDir).length).toBeGreaterThan(0);
  rmSync(storageDir, { recursive: true, force: true });
});
suite('filesystem storage', () => ({ STORAGE_DRIVER: 'filesystem', STORAGE_PATH: storageDir }));

describe('REQUIRED_DOCUMENTS', () => {
  it('an empty checklist approves without documents', async () => {
    const t = await startApp({ REQUIRED_DOCUMENTS: '' });
    try {
      const officer = await makeOfficer(t);
      const seeker = await registerSeeker(t);
      const card = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
      await t.http.post(`/api/v1/cards/${card.body.id}/approve`).set(bearer(officer)).expect(200);
      const list = (await t.http.get('/api/v1/seekers/me/documents').set(bearer(seeker)).expect(200)).body;
      expect(list).toEqual({ items: [], checklist: [], rejectedRetentionDays: 30 });
    } finally {
      await t.close();
    }
  });
});
