import { readShippedList } from '../../src/reference/reference-lists';
import { browser, csrfOf, signIn, textOf } from '../console/support';
import { startApp, type TestApp } from '../support/app';
import { bearer, makeOffice, makeOfficer, officerIn, type Session } from '../support/factories';

/**
 * The code lists are the deployment's (decision 124): in a province deployment only the province's officers (its
 * first office) load a newer list; a city officer is refused with 403 in the API and, in the console, sees who
 * loads them instead of the upload form.
 */
describe('reference code lists in a deployment of several offices', () => {
  let t: TestApp;
  let province: Session;
  let city: Session;

  beforeAll(async () => {
    t = await startApp({ REGION_CODE: '16', OFFICE_NAME: 'Disnakertrans Sumatera Selatan' }, [], {
      freshDatabase: true,
    });
    province = await makeOfficer(t);
    const [root] = (await t.ds.query("SELECT id FROM offices WHERE code = '16'")) as { id: string }[];
    const cityId = await makeOffice(t, province, {
      code: '1671',
      level: 'CITY',
      name: 'Disnaker Kota Palembang',
      parentId: root.id,
    });
    city = await officerIn(t, province, cityId);
  });
  afterAll(() => t.close());

  /** The shipped employer kinds, written back as the CSV a newer list would be. */
  const kindsCsv = () => {
    const rows = readShippedList('employer-kinds');
    return ['code,label', ...rows.map((r) => `${r.code},${r.label}`)].join('\n') + '\n';
  };

  it("refuses a city officer's list with 403 and takes the province officer's", async () => {
    const refused = await t.http
      .put('/api/v1/reference/employer-kinds')
      .set(bearer(city))
      .set('Content-Type', 'text/csv')
      .send(kindsCsv())
      .expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const loaded = await t.http
      .put('/api/v1/reference/employer-kinds')
      .set(bearer(province))
      .set('Content-Type', 'text/csv')
      .send(kindsCsv())
      .expect(200);
    expect(loaded.body).toMatchObject({ list: 'employer-kinds', loaded: readShippedList('employer-kinds').length });
  });

  it('shows a city officer who loads the lists, without the upload form, and refuses a posted file', async () => {
    const b = browser(t);
    await signIn(b, city.email);
    const page = await b.get('/petugas/referensi').expect(200);
    expect(textOf(page.text)).toContain('diperbarui oleh petugas Disnakertrans Sumatera Selatan');
    expect(page.text).not.toContain('action="/petugas/referensi/employer-kinds"');
    const posted = await b
      .post('/petugas/referensi/employer-kinds')
      .field('_csrf', csrfOf(page.text))
      .attach('file', Buffer.from(kindsCsv()), { filename: 'jenis.csv', contentType: 'text/csv' });
    expect(posted.status).toBe(403);
    expect(textOf(posted.text)).toContain('diperbarui oleh petugas Disnakertrans Sumatera Selatan');

    const top = browser(t);
    await signIn(top, province.email);
    const own = await top.get('/petugas/referensi').expect(200);
    expect(own.text).toContain('action="/petugas/referensi/employer-kinds"');
    expect(textOf(own.text)).not.toContain('diperbarui oleh petugas');
  });
});
