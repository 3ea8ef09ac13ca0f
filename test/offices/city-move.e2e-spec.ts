import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { ENGINE, startApp, type TestApp } from '../support/app';
import {
  bearer,
  login,
  makeOfficer,
  postVacancy,
  seekerWithActiveCard,
  verifiedEmployer,
  type Session,
} from '../support/factories';

/**
 * docs/operations.md, "Moving a city's data into a province deployment": the SQL block of that section, run as
 * written (the schema names `city` and `prov` replaced by two scratch databases), moves a city installation's
 * rows into a province deployment's office 1671. MySQL/MariaDB only: the steps are MySQL's (two schemas on one
 * server); on SQLite the suite has nothing to run them on.
 */
const SECTION = "## Moving a city's data into a province deployment";

/** The statements of the section's ```sql block, comments and blank lines left out. */
function documentedStatements(): string[] {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'operations.md'), 'utf8');
  const section = doc.slice(doc.indexOf(SECTION));
  const block = /```sql\n([\s\S]*?)```/.exec(section)![1];
  return block
    .split('\n')
    .map((l) => l.replace(/--.*$/, '').trimEnd())
    .filter((l) => l.trim() !== '')
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const dbName = (t: TestApp) => new URL(t.config.db.url!).pathname.slice(1);

(ENGINE === 'mysql' ? describe : describe.skip)('moving a city installation into a province (documented SQL)', () => {
  let city: TestApp;
  let prov: TestApp;
  let sql: Connection;
  let cityOfficer: Session;
  let moved: Awaited<ReturnType<typeof seekerWithActiveCard>>;
  let employer: Awaited<ReturnType<typeof verifiedEmployer>>;
  let cityOfficeId: string;

  beforeAll(async () => {
    city = await startApp({ REGION_CODE: '1671' }, [], { freshDatabase: true });
    prov = await startApp({ REGION_CODE: '16' }, [], { freshDatabase: true });
    const url = new URL(city.config.db.url!);
    sql = await createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
    // The city's own life: an officer, a seeker with a card, a verified employer with a vacancy.
    cityOfficer = await makeOfficer(city);
    moved = await seekerWithActiveCard(city, cityOfficer);
    employer = await verifiedEmployer(city, cityOfficer);
    await postVacancy(city, employer);
    // The province makes its city office 1671.
    const provinceOfficer = await makeOfficer(prov);
    const root = (await prov.ds.query(`SELECT id FROM offices WHERE code = '16'`))[0].id as string;
    const made = await prov.http
      .post('/api/v1/offices')
      .set(bearer(provinceOfficer))
      .send({ code: '1671', level: 'CITY', name: 'Dinas Tenaga Kerja Kota Palembang', parentId: root });
    expect(made.status).toBe(201);
    cityOfficeId = made.body.id;
  });

  afterAll(async () => {
    await sql?.end();
    await city?.close();
    await prov?.close();
  });

  it('moves every row to office 1671, card numbers and NIKs intact, and the checks after it hold', async () => {
    const [c, p] = [dbName(city), dbName(prov)];
    const count = async (q: string) => Number(((await sql.query(q)) as [{ n: unknown }[], unknown])[0][0].n);
    // The conditions: no e-mail twice, no card of the province's 1671 yet.
    expect(await count(`SELECT COUNT(*) AS n FROM ${c}.users WHERE email IN (SELECT email FROM ${p}.users)`)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM ${p}.cards WHERE office_id = '${cityOfficeId}'`)).toBe(0);
    const before = {
      cards: await count(`SELECT COUNT(*) AS n FROM ${c}.cards`),
      users: await count(`SELECT COUNT(*) AS n FROM ${c}.users`),
      seekers: await count(`SELECT COUNT(*) AS n FROM ${c}.seekers`),
      employers: await count(`SELECT COUNT(*) AS n FROM ${c}.employers`),
      vacancies: await count(`SELECT COUNT(*) AS n FROM ${c}.vacancies`),
    };
    expect(before.cards).toBeGreaterThan(0);
    const oldOffice = ((await sql.query(`SELECT id FROM ${c}.offices`)) as [{ id: string }[], unknown])[0][0].id;

    const statements = documentedStatements();
    expect(statements.length).toBeGreaterThan(25);
    for (const statement of statements)
      await sql.query(statement.replace(/\bcity\./g, `${c}.`).replace(/\bprov\./g, `${p}.`));

    for (const [table, n] of Object.entries(before))
      expect({
        table,
        n: await count(`SELECT COUNT(*) AS n FROM ${p}.${table} WHERE office_id = '${cityOfficeId}'`),
      }).toEqual({
        table,
        n,
      });
    for (const table of Object.keys(before))
      expect(await count(`SELECT COUNT(*) AS n FROM ${p}.${table} WHERE office_id = '${oldOffice}'`)).toBe(0);
    expect(moved.card.cardNumber.replace(/\D/g, '').startsWith('1671')).toBe(true);
    const [serials] = (await sql.query(
      `SELECT year, last_serial FROM ${p}.card_serials WHERE region_code = '1671' ORDER BY year`,
    )) as [{ year: number; last_serial: number }[], unknown];
    const [cityserials] = (await sql.query(
      `SELECT year, last_serial FROM ${c}.card_serials WHERE region_code = '1671' ORDER BY year`,
    )) as [{ year: number; last_serial: number }[], unknown];
    expect(serials).toEqual(cityserials);

    // The city's officer signs in on the province: their office is 1671.
    const officer = await login(prov, cityOfficer.email);
    const me = await prov.http.get('/api/v1/auth/me').set(bearer(officer));
    expect({ status: me.status, officeId: me.body.officeId }).toEqual({ status: 200, officeId: cityOfficeId });
    // The city's employer checks the moved card with its holder's NIK: VALID (the same DATA_KEY on both sides).
    const staff = await login(prov, employer.email);
    const check = await prov.http
      .post('/api/v1/card-validations')
      .set(bearer(staff))
      .send({ cardNumber: moved.card.cardNumber, nik: moved.seeker.nik });
    expect({ status: check.status, result: check.body.result }).toEqual({ status: 200, result: 'VALID' });
    // The card as the province's officers read it: the same number.
    const read = await prov.http.get(`/api/v1/cards/${moved.card.id}`).set(bearer(officer));
    expect({ status: read.status, number: read.body.cardNumber }).toEqual({
      status: 200,
      number: moved.card.cardNumber,
    });
  });
});
