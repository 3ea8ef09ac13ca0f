import 'reflect-metadata';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { PersonalData } from '../../src/common/personal-data';
import { loadConfig } from '../../src/config/config';
import { openDataSource } from '../../src/database/data-source';
import { runSeed, type SeedAccounts, type SeedOptions } from '../../src/seed/seed';
import { Passwords } from '../../src/users/passwords';
import { startApp } from '../support/app';
import { bearer, login } from '../support/factories';

/**
 * `--offices province`: a small world of province 16 with its 17 city offices on a fresh SQLite file. Every
 * owned row belongs to a city office, cards carry their office's code and count per city, labour events
 * name the office of their card or vacancy, and every city has people, companies and cards.
 */
const TODAY = '2026-11-28';
const CITIES = [
  '1601', '1602', '1603', '1604', '1605', '1606', '1607', '1608', '1609',
  '1610', '1611', '1612', '1613', '1671', '1672', '1673', '1674',
]; // prettier-ignore

describe('seed generator, --offices province (small world on SQLite)', () => {
  const file = join(tmpdir(), `ak1-seed-province-${process.pid}.sqlite`);
  const accountsFile = join(tmpdir(), `ak1-seed-province-${process.pid}.json`);
  const config = loadConfig({ NODE_ENV: 'test', DB_TYPE: 'sqlite', DB_PATH: file, REGION_CODE: '16' });
  let ds: DataSource;
  let accounts: SeedAccounts;
  let passwordHash = '';
  const options = (over: Partial<SeedOptions> = {}): SeedOptions => ({
    scale: 'province',
    seed: 11,
    cards: 2_500,
    employers: 120,
    vacancies: 900,
    openVacancies: 150,
    validations: 4_000,
    today: TODAY,
    regionCode: '16',
    offices: 'province',
    accountsFile,
    password: 'Seed-Passw0rd!',
    passwordHash,
    ...over,
  });
  const rows = async <T>(sql: string, params: unknown[] = []) => (await ds.query(sql, params)) as T[];
  const num = async (sql: string, params: unknown[] = []) => Number((await rows<{ n: unknown }>(sql, params))[0].n);

  beforeAll(async () => {
    // One real hash (the last test signs in): every seeded account shares it.
    passwordHash = await new Passwords().hash('Seed-Passw0rd!');
    ds = await openDataSource(config);
    accounts = await runSeed(ds, new PersonalData(config), options(), () => undefined);
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    rmSync(accountsFile, { force: true });
  });

  it('makes province 16 the first office with its 17 city offices under it', async () => {
    const offices = await rows<{ id: string; code: string; level: string; name: string; parent_id: string | null }>(
      'SELECT id, code, level, name, parent_id FROM offices ORDER BY code',
    );
    expect(offices).toHaveLength(18);
    const [province, ...cities] = offices;
    expect(province).toMatchObject({ code: '16', level: 'PROVINCE', parent_id: null });
    expect(cities.map((c) => c.code)).toEqual(CITIES);
    for (const c of cities) expect(c).toMatchObject({ level: 'CITY', parent_id: province.id });
    expect(cities.find((c) => c.code === '1671')!.name).toBe('Dinas Tenaga Kerja Kota Palembang');
    expect(cities.find((c) => c.code === '1610')!.name).toBe('Dinas Tenaga Kerja Kabupaten Ogan Ilir');
  });

  it('gives every office one officer, listed in the accounts file with its office', async () => {
    const officers = await rows<{ email: string; code: string }>(
      `SELECT u.email, o.code FROM users u JOIN offices o ON o.id = u.office_id WHERE u.role = 'officer' ORDER BY o.code`,
    );
    expect(officers.map((o) => o.code)).toEqual(['16', ...CITIES]);
    expect(officers[0].email).toBe('officer@seed.example.com');
    expect(officers.find((o) => o.code === '1671')!.email).toBe('officer.1671@seed.example.com');
    const file = JSON.parse(readFileSync(accountsFile, 'utf8')) as SeedAccounts;
    expect(file.officers.map((o) => o.officeCode)).toEqual(['16', ...CITIES]);
    expect(file.officers.map((o) => o.email).sort()).toEqual(officers.map((o) => o.email).sort());
  });

  it('sets office_id on every owned row, always a city office', async () => {
    for (const table of ['users', 'seekers', 'employers', 'cards', 'vacancies']) {
      expect({ table, missing: await num(`SELECT COUNT(*) AS n FROM ${table} WHERE office_id IS NULL`) }).toEqual({
        table,
        missing: 0,
      });
      const level = table === 'users' ? `AND t.role <> 'officer'` : '';
      expect({
        table,
        notCity: await num(
          `SELECT COUNT(*) AS n FROM ${table} t JOIN offices o ON o.id = t.office_id WHERE o.level <> 'CITY' ${level}`,
        ),
      }).toEqual({ table, notCity: 0 });
    }
    // A seeker's account, a card and a vacancy belong to the office of their seeker / employer.
    expect(
      await num(
        `SELECT COUNT(*) AS n FROM cards c JOIN seekers s ON s.id = c.seeker_id WHERE c.office_id <> s.office_id`,
      ),
    ).toBe(0);
    expect(
      await num(
        `SELECT COUNT(*) AS n FROM vacancies v JOIN employers e ON e.id = v.employer_id WHERE v.office_id <> e.office_id`,
      ),
    ).toBe(0);
    expect(
      await num(
        `SELECT COUNT(*) AS n FROM users u JOIN seekers s ON s.id = u.seeker_id WHERE u.office_id <> s.office_id`,
      ),
    ).toBe(0);
    expect(
      await num(
        `SELECT COUNT(*) AS n FROM users u JOIN employers e ON e.id = u.employer_id WHERE u.office_id <> e.office_id`,
      ),
    ).toBe(0);
  });

  it("numbers cards with their office's code, counting per city and year", async () => {
    expect(await num(`SELECT COUNT(*) AS n FROM cards WHERE card_number IS NOT NULL`)).toBeGreaterThan(2_000);
    expect(
      await num(
        `SELECT COUNT(*) AS n FROM cards c JOIN offices o ON o.id = c.office_id
          WHERE c.card_number IS NOT NULL AND SUBSTR(c.card_number, 1, 4) <> o.code`,
      ),
    ).toBe(0);
    const counters = await rows<{ region_code: string; year: number; last_serial: number }>(
      'SELECT region_code, year, last_serial FROM card_serials',
    );
    const highest = await rows<{ code: string; year: string; n: number; top: string }>(
      `SELECT SUBSTR(card_number, 1, 4) AS code, SUBSTR(card_number, 5, 2) AS year, COUNT(*) AS n,
              MAX(SUBSTR(card_number, 7, 6)) AS top
         FROM cards WHERE card_number IS NOT NULL GROUP BY SUBSTR(card_number, 1, 4), SUBSTR(card_number, 5, 2)`,
    );
    expect(counters).toHaveLength(highest.length);
    for (const h of highest) {
      const counter = counters.find((c) => c.region_code === h.code && Number(c.year) % 100 === Number(h.year));
      // Serials run 1..n in each city and year with no gap: the counter stands at the last one.
      expect({ key: `${h.code}/${h.year}`, last: Number(counter?.last_serial), top: Number(h.top) }).toEqual({
        key: `${h.code}/${h.year}`,
        last: Number(h.n),
        top: Number(h.n),
      });
    }
  });

  it('writes labour events with the office code of their card or vacancy', async () => {
    expect(await num(`SELECT COUNT(*) AS n FROM labour_events`)).toBeGreaterThan(2_500);
    expect(
      await num(
        `SELECT COUNT(*) AS n FROM labour_events e JOIN cards c ON c.id = e.ref_id JOIN offices o ON o.id = c.office_id
          WHERE e.subject = 'SEEKER' AND e.office <> o.code`,
      ),
    ).toBe(0);
    expect(
      await num(
        `SELECT COUNT(*) AS n FROM labour_events e JOIN vacancies v ON v.id = e.ref_id JOIN offices o ON o.id = v.office_id
          WHERE e.subject = 'VACANCY' AND e.office <> o.code`,
      ),
    ).toBe(0);
    // Every event is tied to a card or a vacancy of the world (none left with the province's code).
    expect(await num(`SELECT COUNT(*) AS n FROM labour_events WHERE office NOT LIKE '16__'`)).toBe(0);
    expect(await num(`SELECT COUNT(DISTINCT office) AS n FROM labour_events WHERE subject = 'SEEKER'`)).toBe(17);
  });

  it("puts seekers, employers and cards in every city, Palembang the largest, in their city's kecamatan", async () => {
    for (const table of ['seekers', 'employers', 'cards']) {
      const per = await rows<{ code: string; n: number }>(
        `SELECT o.code, COUNT(*) AS n FROM ${table} t JOIN offices o ON o.id = t.office_id GROUP BY o.code ORDER BY o.code`,
      );
      expect({ table, codes: per.map((p) => p.code) }).toEqual({ table, codes: CITIES });
      const largest = per.reduce((a, b) => (Number(b.n) > Number(a.n) ? b : a));
      expect({ table, largest: largest.code }).toEqual({ table, largest: '1671' });
    }
    expect(await num(`SELECT COUNT(DISTINCT v.office_id) AS n FROM vacancies v`)).toBeGreaterThan(8);
    // 16.71.05 belongs to 1671.
    const outside = `SUBSTR(t.kecamatan_code, 1, 2) || SUBSTR(t.kecamatan_code, 4, 2) <> o.code`;
    for (const table of ['seekers', 'employers', 'vacancies'])
      expect({
        table,
        outside: await num(
          `SELECT COUNT(*) AS n FROM ${table} t JOIN offices o ON o.id = t.office_id
            WHERE t.kecamatan_code IS NOT NULL AND ${outside}`,
        ),
      }).toEqual({ table, outside: 0 });
  });

  it('has city officers register, decide and verify only their own city', async () => {
    const mismatch = (sql: string) => num(sql);
    expect(
      await mismatch(
        `SELECT COUNT(*) AS n FROM seekers s JOIN users u ON u.id = s.created_by WHERE u.office_id <> s.office_id`,
      ),
    ).toBe(0);
    expect(
      await mismatch(
        `SELECT COUNT(*) AS n FROM cards c JOIN users u ON u.id = c.decided_by WHERE u.office_id <> c.office_id`,
      ),
    ).toBe(0);
    expect(
      await mismatch(
        `SELECT COUNT(*) AS n FROM employers e JOIN users u ON u.id = e.verified_by WHERE u.office_id <> e.office_id`,
      ),
    ).toBe(0);
    expect(accounts.cards.length).toBeGreaterThan(100);
  });

  it('refuses a deployment whose REGION_CODE is not the province', async () => {
    const other = join(tmpdir(), `ak1-seed-province-other-${process.pid}.sqlite`);
    const cfg = loadConfig({ NODE_ENV: 'test', DB_TYPE: 'sqlite', DB_PATH: other });
    const fresh = await openDataSource(cfg);
    try {
      await expect(
        runSeed(fresh, new PersonalData(cfg), options({ regionCode: cfg.regionCode }), () => undefined),
      ).rejects.toThrow(/REGION_CODE=16/);
      expect(Number((await fresh.query('SELECT COUNT(*) AS n FROM offices'))[0].n)).toBe(0);
    } finally {
      await fresh.destroy();
      for (const suffix of ['', '-wal', '-shm']) rmSync(other + suffix, { force: true });
    }
  });

  it("starts the service on it: the province stays the first office, a city officer's token carries its city", async () => {
    await ds.destroy();
    const t = await startApp({ DB_TYPE: 'sqlite', DB_PATH: file, REGION_CODE: '16' });
    try {
      expect(Number((await t.ds.query('SELECT COUNT(*) AS n FROM offices'))[0].n)).toBe(18);
      const palembang = (await t.ds.query(`SELECT id FROM offices WHERE code = '1671'`))[0].id as string;
      const officer = await login(t, 'officer.1671@seed.example.com', 'Seed-Passw0rd!');
      const me = await t.http.get('/api/v1/auth/me').set(bearer(officer));
      expect({ status: me.status, officeId: me.body.officeId }).toEqual({ status: 200, officeId: palembang });
      const card = (
        await t.ds.query(`SELECT id, card_number_display FROM cards WHERE office_id = ? AND card_number IS NOT NULL`, [
          palembang,
        ])
      )[0] as { id: string; card_number_display: string };
      const read = await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(officer));
      expect({ status: read.status, number: read.body.cardNumber }).toEqual({
        status: 200,
        number: card.card_number_display,
      });
      expect(card.card_number_display.startsWith('1671')).toBe(true);
    } finally {
      await t.close();
    }
  });
});
