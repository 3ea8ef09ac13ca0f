import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kbliSection } from '../../src/common/reference/classification';
import { EDUCATION_LEVELS } from '../../src/common/reference/education';
import { ReferenceCodes } from '../../src/reference/reference-codes.service';
import { readShippedList, REFERENCE_LISTS } from '../../src/reference/reference-lists';
import { startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, registerSeeker, type Session } from '../support/factories';

const SHIPPED = join(__dirname, '..', '..', 'data', 'reference');

describe('Reference code lists', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    // A database of its own: this spec replaces lists, which other specs sharing MySQL rely on.
    t = await startApp({}, [], { freshDatabase: true });
    officer = await makeOfficer(t);
  });
  afterAll(() => t.close());

  it('ships every list, and the loaded lists equal the files', async () => {
    for (const list of REFERENCE_LISTS) {
      const rows = readShippedList(list);
      const res = await t.http.get(`/api/v1/reference/${list}`).query({ pageSize: 100 });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(rows.length);
      expect(res.body.items[0]).toEqual({ ...rows[0], active: true });
    }
  });

  it('gives every education level at least one detailed code, each of 4 digits', () => {
    const rows = readShippedList('education');
    for (const level of EDUCATION_LEVELS) expect(rows.some((r) => r.parent === level)).toBe(true);
    expect(rows.every((r) => /^\d{4}$/.test(r.code))).toBe(true);
    expect(rows.find((r) => r.code === '0421')).toMatchObject({ label: 'SMK - Tata Boga', parent: 'SMK' });
  });

  it('has the ten KBJI major groups and at least 150 unit groups under them', () => {
    const rows = readShippedList('kbji');
    expect(rows.filter((r) => r.code.length === 1).map((r) => r.code)).toEqual('0123456789'.split(''));
    const units = rows.filter((r) => r.code.length === 4);
    expect(units.length).toBeGreaterThanOrEqual(150);
    for (const g of '0123456789') expect(units.some((u) => u.parent === g)).toBe(true);
  });

  it('agrees with classification.ts on the KBLI sections', () => {
    const rows = readShippedList('kbli-sections');
    expect(rows.map((r) => r.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    for (const r of rows) {
      const [from, to] = r.parent!.split('-');
      expect(kbliSection(`${from}111`)).toBe(r.code);
      expect(kbliSection(`${to}999`)).toBe(r.code);
    }
  });

  it('searches code or label, case-insensitively, paged', async () => {
    const byLabel = await t.http.get('/api/v1/reference/kbji').query({ q: 'FORKLIFT' });
    expect(byLabel.status).toBe(200);
    expect(byLabel.body.items).toEqual([{ code: '8344', label: 'Operator forklift', parent: '8', active: true }]);
    const byCode = await t.http.get('/api/v1/reference/kbji').query({ q: '251', pageSize: 2, page: 2 });
    expect(byCode.body.total).toBeGreaterThanOrEqual(4);
    expect(byCode.body.page).toBe(2);
    expect(byCode.body.items).toHaveLength(2);
    expect(byCode.body.items.every((i: { code: string }) => i.code.includes('251'))).toBe(true);
    const wild = await t.http.get('/api/v1/reference/kbji').query({ q: '%_' });
    expect(wild.body.total).toBe(0);
  });

  it('answers a whole list as CSV, like every list', async () => {
    const res = await t.http.get('/api/v1/reference/kbli-sections').query({ format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe('code,label,parent,active');
    expect(lines).toHaveLength(22);
    expect(lines).toContain('C,Industri pengolahan,10-33,true');
  });

  it('answers 404 for an unknown list and 400 for a hostile query', async () => {
    expect((await t.http.get('/api/v1/reference/nope')).status).toBe(404);
    const bad = await t.http.get('/api/v1/reference/kbji').query({ pageSize: 1000 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('lets only an officer load a list', async () => {
    const seeker = await registerSeeker(t);
    const body = 'code,label\nSWASTA,Perusahaan swasta\n';
    const anonymous = await t.http.put('/api/v1/reference/employer-kinds').set('Content-Type', 'text/csv').send(body);
    expect(anonymous.status).toBe(401);
    const res = await t.http
      .put('/api/v1/reference/employer-kinds')
      .set(bearer(seeker))
      .set('Content-Type', 'text/csv')
      .send(body);
    expect(res.status).toBe(403);
  });

  it.each([
    ['a wrong header', 'code,name,majorGroup\n8344,Operator forklift,8\n', 1, 'header'],
    ['a bad code', 'code,label,majorGroup\n8344,Operator forklift,8\n83A4,Salah,8\n', 3, 'code must be'],
    ['a duplicate', 'code,label,majorGroup\n8344,Operator forklift,8\n2511,Analis,2\n8344,Lagi,8\n', 4, 'twice'],
    ['a long label', `code,label,majorGroup\n8344,${'x'.repeat(201)},8\n`, 2, 'label'],
    ['a wrong major group', 'code,label,majorGroup\n8344,Operator forklift,7\n', 2, 'majorGroup must be 8'],
    ['too few columns', 'code,label,majorGroup\n8344,Operator forklift\n', 2, 'columns'],
    ['broken quoting', 'code,label,majorGroup\n8344,"Operator forklift,8\n', 2, ''],
  ])('refuses a list with %s, naming the line', async (_what, csv, line, words) => {
    const res = await t.http
      .put('/api/v1/reference/kbji')
      .set(bearer(officer))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain(`Line ${line}`);
    expect(res.body.message).toContain(words);
    expect(res.body.details[0].field).toBe(`line ${line}`);
    const still = await t.http.get('/api/v1/reference/kbji').query({ q: '2511' });
    expect(still.body.items[0].active).toBe(true);
  });

  it('refuses a body that is not CSV with 415', async () => {
    const res = await t.http.put('/api/v1/reference/kbji').set(bearer(officer)).send({ code: '1' });
    expect(res.status).toBe(415);
  });

  it('loads a newer list: its codes are the active ones, the missing ones stay inactive, audited', async () => {
    const codes = t.app.get(ReferenceCodes);
    expect(await codes.isActive('employer-kinds', 'YAYASAN')).toBe(true); // fills the cache
    const csv =
      'code,label\nSWASTA,Perusahaan swasta (badan usaha)\nPEMERINTAH,Instansi pemerintah\nKOPERASI_DESA,Koperasi desa\n';
    const res = await t.http
      .put('/api/v1/reference/employer-kinds')
      .set(bearer(officer))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(res.status).toBe(200);
    const before = readShippedList('employer-kinds').length;
    expect(res.body).toEqual({ list: 'employer-kinds', loaded: 3, added: 1, updated: 1, deactivated: before - 2 });

    const active = await t.http.get('/api/v1/reference/employer-kinds');
    expect(active.body.items.map((i: { code: string }) => i.code)).toEqual(['SWASTA', 'PEMERINTAH', 'KOPERASI_DESA']);
    const all = await t.http.get('/api/v1/reference/employer-kinds').query({ includeInactive: 'true' });
    expect(all.body.total).toBe(before + 1);
    expect(all.body.items.find((i: { code: string }) => i.code === 'YAYASAN')).toMatchObject({ active: false });

    // The cache of this process is dropped by the update: the lookups see the new list at once.
    expect(await codes.isActive('employer-kinds', 'YAYASAN')).toBe(false);
    expect(await codes.label('employer-kinds', 'YAYASAN')).toBe('Yayasan atau lembaga nirlaba');
    expect(await codes.label('employer-kinds', 'SWASTA')).toBe('Perusahaan swasta (badan usaha)');

    const audit = await t.ds.query(
      "SELECT action, actor_id FROM audit_events WHERE entity_type = 'reference' AND entity_id = 'employer-kinds'",
    );
    expect(audit).toEqual([{ action: 'reference.replaced', actor_id: officer.userId }]);

    // Loading the shipped file again brings every code back.
    const again = await t.http
      .put('/api/v1/reference/employer-kinds')
      .set(bearer(officer))
      .set('Content-Type', 'text/csv')
      .send(readFileSync(join(SHIPPED, 'employer-kinds.csv'), 'utf8'));
    expect(again.status).toBe(200);
    expect(again.body.deactivated).toBe(1);
    expect(await codes.isActive('employer-kinds', 'YAYASAN')).toBe(true);
  });
});
