import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { DocumentsService } from '../../src/documents/documents.service';
import { SeekerDocument } from '../../src/documents/seeker-document.entity';
import { DailyJobs } from '../../src/jobs/daily-jobs.service';
import { startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, registerSeeker, type Session } from '../support/factories';
import { browser, signIn, textOf } from '../console/support';

const jpeg = (r = 200) =>
  sharp({ create: { width: 320, height: 200, channels: 3, background: { r, g: 120, b: 40 } } })
    .jpeg()
    .toBuffer();

const DAY = 86_400_000;

/** Issue 18: a REJECTED document not replaced within REJECTED_DOCUMENT_RETENTION_DAYS loses its file. */
function suite(label: string, env: () => Record<string, string>) {
  describe(`purging rejected documents' files (${label})`, () => {
    let t: TestApp;
    let officer: Session;

    beforeAll(async () => {
      t = await startApp({ REQUIRED_DOCUMENTS: 'KTP', ...env() }, [], { freshDatabase: true });
      officer = await makeOfficer(t);
    });
    afterAll(() => t.close());

    const upload = (s: Session, type: string, bytes: Buffer) =>
      t.http.post('/api/v1/seekers/me/documents').set(bearer(s)).field('type', type).attach('file', bytes, 'f.jpg');
    const reject = (id: string, reason: string) =>
      t.http.post(`/api/v1/documents/${id}/reject`).set(bearer(officer)).send({ reason }).expect(200);
    const stored = async (id: string) => {
      const doc = await t.ds.getRepository(SeekerDocument).findOneByOrFail({ id });
      if (env().STORAGE_DRIVER === 'filesystem') {
        return existsSync(join(env().STORAGE_PATH, doc.storageKey.slice(0, 2), doc.storageKey));
      }
      const rows: unknown[] = await t.ds.query('SELECT storage_key FROM document_blobs WHERE storage_key = ?', [
        doc.storageKey,
      ]);
      return rows.length === 1;
    };

    it('after 30 days the daily job deletes the file, keeps the row and its reason; the file is then 410', async () => {
      t.clock.set('2031-05-01T03:00:00.000Z');
      const seeker = await registerSeeker(t);
      const other = await registerSeeker(t);
      const ktp = (await upload(seeker, 'KTP', await jpeg()).expect(201)).body as { id: string };
      const foto = (await upload(seeker, 'PAS_FOTO', await jpeg(90)).expect(201)).body as { id: string };
      await reject(ktp.id, 'KTP buram, mohon difoto ulang');
      // A document of another seeker rejected later, and a SUBMITTED one: neither is due.
      const later = (await upload(other, 'KTP', await jpeg(30)).expect(201)).body as { id: string };

      t.clock.set(new Date(Date.parse('2031-05-01T03:00:00.000Z') + 20 * DAY).toISOString());
      await reject(later.id, 'Bukan KTP');
      t.clock.set(new Date(Date.parse('2031-05-01T03:00:00.000Z') + 29 * DAY).toISOString());
      expect((await t.app.get(DailyJobs).runIfDue())!['purge-rejected-documents']).toEqual({ purged: 0 });
      expect(await stored(ktp.id)).toBe(true);

      t.clock.set(new Date(Date.parse('2031-05-01T03:00:00.000Z') + 31 * DAY).toISOString());
      expect((await t.app.get(DailyJobs).runIfDue())!['purge-rejected-documents']).toEqual({ purged: 1 });
      expect(await stored(ktp.id)).toBe(false);
      expect(await stored(foto.id)).toBe(true);
      expect(await stored(later.id)).toBe(true);
      // Run again (a second instance, a retry): nothing more to do.
      expect(await t.app.get(DocumentsService).purgeRejected(t.clock.now())).toEqual({ purged: 0 });

      const list = (await t.http.get('/api/v1/seekers/me/documents').set(bearer(seeker)).expect(200)).body;
      const row = list.items.find((d: { id: string }) => d.id === ktp.id);
      expect(row).toMatchObject({ type: 'KTP', status: 'REJECTED', rejectReason: 'KTP buram, mohon difoto ulang' });
      expect(row.purgedAt).toBe(t.clock.now().toISOString());
      expect(list.items.find((d: { id: string }) => d.id === foto.id).purgedAt).toBeUndefined();
      expect(list.checklist).toEqual([{ requirement: 'KTP', satisfied: false }]);
      expect(list.rejectedRetentionDays).toBe(30);

      const gone = await t.http.get(`/api/v1/documents/${ktp.id}/file`).set(bearer(seeker)).expect(410);
      expect(gone.body).toMatchObject({ code: 'DOCUMENT_PURGED' });
      await t.http.get(`/api/v1/documents/${ktp.id}/file`).set(bearer(officer)).expect(410);
      await t.http.get(`/api/v1/documents/${ktp.id}/file`).set(bearer(other)).expect(404);

      // The console's checklist says why, in Indonesian, with no link to a file that is gone.
      const b = browser(t);
      await signIn(b, seeker.email);
      const page = await b.get('/saya/kartu').expect(200);
      expect(textOf(page.text)).toContain('Berkas dihapus setelah 30 hari; silakan unggah ulang.');
      expect(textOf(page.text)).toContain('KTP buram, mohon difoto ulang');
      expect(page.text).not.toContain(`/saya/dokumen/${ktp.id}`);
      const direct = await b.get(`/saya/dokumen/${ktp.id}`);
      expect(direct.status).toBe(410);
      expect(direct.text).not.toContain('DOCUMENT_PURGED');

      // Uploading again replaces it as usual.
      const again = (await upload(seeker, 'KTP', await jpeg(120)).expect(201)).body as { id: string };
      const after = (await t.http.get('/api/v1/seekers/me/documents').set(bearer(seeker)).expect(200)).body;
      expect(after.items.map((d: { id: string }) => d.id)).not.toContain(ktp.id);
      expect(after.checklist).toEqual([{ requirement: 'KTP', satisfied: true, documentId: again.id }]);
    });
  });
}

suite('database storage', () => ({}));

let storageDir = '';
beforeAll(() => {
  storageDir = mkdtempSync(join(tmpdir(), 'ak1-retention-'));
});
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));
suite('filesystem storage', () => ({ STORAGE_DRIVER: 'filesystem', STORAGE_PATH: storageDir }));
