import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Response } from 'supertest';
import { Transactions } from '../../src/database/transactions';
import { moveDocuments } from '../../src/documents/document-move';
import { DatabaseDocumentStorage, FilesystemDocumentStorage } from '../../src/documents/document-storage';
import { targetOf } from '../../src/documents/documents-move.cli';
import { SeekerDocument } from '../../src/documents/seeker-document.entity';
import { startApp, type TestApp } from '../support/app';
import { bearer, registerSeeker, type Session } from '../support/factories';

const jpeg = (r: number) =>
  sharp({ create: { width: 240, height: 160, channels: 3, background: { r, g: 60, b: 90 } } })
    .jpeg()
    .toBuffer();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** `npm run documents:move`: every document's bytes to the other driver, each copy verified first. */
describe('moving documents between storage drivers', () => {
  let t: TestApp;
  let dir: string;
  let seeker: Session;
  const db = new DatabaseDocumentStorage();
  let fs: FilesystemDocumentStorage;
  const originals = new Map<string, Buffer>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ak1-move-'));
    fs = new FilesystemDocumentStorage(dir);
    // The app reads the database driver; the move is run against both drivers directly.
    t = await startApp({ REQUIRED_DOCUMENTS: '' }, [], { freshDatabase: true });
    seeker = await registerSeeker(t);
    for (const [type, bytes] of [
      ['KTP', await jpeg(10)],
      ['IJAZAH', PDF],
      ['PAS_FOTO', await jpeg(200)],
    ] as const) {
      const res = await t.http
        .post('/api/v1/seekers/me/documents')
        .set(bearer(seeker))
        .field('type', type)
        .attach('file', bytes, 'f')
        .expect(201);
      const file = await download(res.body.id).expect(200);
      originals.set(res.body.id, file.body as Buffer);
    }
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const download = (id: string) =>
    t.http.get(`/api/v1/documents/${id}/file`).set(bearer(seeker)).buffer(true).parse(binary);
  const docs = () => t.ds.getRepository(SeekerDocument).find({ order: { id: 'ASC' } });
  const blobs = async () => ((await t.ds.query('SELECT storage_key FROM document_blobs')) as unknown[]).length;
  const fileOf = (key: string) => join(dir, key.slice(0, 2), key);
  const move = (from: typeof db | typeof fs, to: typeof db | typeof fs) =>
    moveDocuments(t.app.get(Transactions), from, to);

  it('database → filesystem: copies, verifies, removes the source; a second run finds nothing left to do', async () => {
    const [first] = await docs();
    // An interrupted earlier run: the first document was copied but its blob not yet removed.
    await fs.put(t.ds.manager, first.storageKey, originals.get(first.id)!);

    const counts = await move(db, fs);
    expect(counts).toEqual({ moved: 2, alreadyMoved: 1, missing: 0, failed: 0, problems: [] });
    expect(await blobs()).toBe(0);
    for (const d of await docs()) expect(existsSync(fileOf(d.storageKey))).toBe(true);
    // The service on the database driver no longer finds them (until STORAGE_DRIVER=filesystem).
    await download(first.id).expect(404);

    expect(await move(db, fs)).toEqual({ moved: 0, alreadyMoved: 3, missing: 0, failed: 0, problems: [] });
  });

  it('filesystem → database: a damaged copy in the target is replaced; bytes come back the same', async () => {
    const [first] = await docs();
    // A stale, wrong blob left in the database for the first document: replaced, not trusted.
    await db.put(t.ds.manager, first.storageKey, Buffer.from('not the file'));
    const counts = await move(fs, db);
    expect(counts).toEqual({ moved: 3, alreadyMoved: 0, missing: 0, failed: 0, problems: [] });
    expect(readdirSync(dir).flatMap((d) => readdirSync(join(dir, d)))).toEqual([]);
    expect(await blobs()).toBe(3);
    for (const [id, bytes] of originals) expect((await download(id).expect(200)).body).toEqual(bytes);
  });

  it('a file whose bytes do not match its checksum, or that is nowhere, is left and named; the rest move', async () => {
    const [first, second] = await docs();
    await db.remove(t.ds.manager, first.storageKey);
    await db.remove(t.ds.manager, second.storageKey);
    await db.put(t.ds.manager, second.storageKey, Buffer.from('tampered'));
    const counts = await move(db, fs);
    expect(counts).toMatchObject({ moved: 1, alreadyMoved: 0, missing: 2, failed: 0 });
    expect(counts.problems).toEqual(
      expect.arrayContaining([expect.stringContaining(first.id), expect.stringContaining(second.id)]),
    );
    // The damaged source is kept for the operator to look at, and not copied.
    expect(await blobs()).toBe(1);
    expect(existsSync(fileOf(second.storageKey))).toBe(false);
  });

  it('reads --to from the command line', () => {
    expect(targetOf(['--to', 'filesystem'])).toBe('filesystem');
    expect(targetOf(['--to=database'])).toBe('database');
    expect(targetOf(['--to', 's3'])).toBeNull();
    expect(targetOf([])).toBeNull();
  });
});
