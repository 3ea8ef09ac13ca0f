import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { loadConfig } from '../../src/config/config';
import { openDataSource, runMigrations } from '../../src/database/data-source';
import { ENGINE } from '../support/app';

/** The real migrations, applied to an empty database, rolled all the way back, and applied again. */
describe(`migrations on ${ENGINE}`, () => {
  let ds: DataSource;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (ENGINE === 'mysql') {
      const url = new URL(process.env.DB_URL ?? 'mysql://root@127.0.0.1:3306/ak1_test');
      const name = `ak1_mig_${process.pid}_${Date.now() % 100000}`;
      const admin = await createConnection({
        host: url.hostname,
        port: Number(url.port || 3306),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
      });
      await admin.query(`CREATE DATABASE ${name}`);
      url.pathname = `/${name}`;
      ds = await openDataSource(loadConfig({ DB_TYPE: 'mysql', DB_URL: url.toString(), NODE_ENV: 'test' }));
      cleanup = async () => {
        await ds.destroy();
        await admin.query(`DROP DATABASE ${name}`);
        await admin.end();
      };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'ak1-mig-'));
      ds = await openDataSource(loadConfig({ DB_TYPE: 'sqlite', DB_PATH: join(dir, 'm.sqlite'), NODE_ENV: 'test' }));
      cleanup = async () => {
        await ds.destroy();
        rmSync(dir, { recursive: true, force: true });
      };
    }
  });
  afterAll(() => cleanup());

  const tables = async (): Promise<string[]> => {
    const rows: { name: string }[] = await ds.query(
      ENGINE === 'mysql'
        ? 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()'
        : "SELECT name FROM sqlite_master WHERE type = 'table'",
    );
    return rows
      .map((r) => r.name)
      .filter((n) => n !== 'migrations' && !n.startsWith('sqlite_'))
      .sort();
  };

  it('applies every migration, undoes them all, and applies them again', async () => {
    const applied = await ds.query('SELECT name FROM migrations');
    expect(applied).toHaveLength(migrations.length);
    const created = await tables();
    expect(created).toEqual(expect.arrayContaining(['users', 'employers', 'refresh_tokens', 'audit_events']));

    for (let i = 0; i < migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);

    await runMigrations(ds);
    expect(await tables()).toEqual(created);
    // Running again finds nothing to do.
    await runMigrations(ds);
    expect(await ds.query('SELECT name FROM migrations')).toHaveLength(migrations.length);
  });

  it("keeps the labour history through the IPK dimensions: '-' in the new columns, the office of REGION_CODE", async () => {
    const index = migrations.findIndex((m) => m.name === 'IpkDimensions1764232800000');
    const undo = migrations.length - index;
    for (let i = 0; i < undo; i++) await ds.undoLastMigration({ transaction: 'each' });
    await ds.query(
      "INSERT INTO labour_events (id, event_date, subject, kind, sex, age_band, education, positions, ref_id, recorded_at) VALUES ('e1', '2026-01-15', 'SEEKER', 'REGISTERED', 'P', '20-29', 'SMA', 1, 'c1', '2026-01-15 03:00:00.000')",
    );
    await ds.query(
      "INSERT INTO labour_monthly (month, subject, kind, sex, age_band, education, total) VALUES ('2026-01', 'SEEKER', 'REGISTERED', 'P', '20-29', 'SMA', 7)",
    );
    await runMigrations(ds, { regionCode: '1672' });
    expect(await ds.query("SELECT office, education_code AS code, channel FROM labour_events WHERE id = 'e1'")).toEqual(
      [{ office: '1672', code: '-', channel: '-' }],
    );
    const [cell] = await ds.query(
      "SELECT office, occupation, sector, total FROM labour_monthly WHERE month = '2026-01'",
    );
    expect({ ...cell, total: Number(cell.total) }).toEqual({ office: '1672', occupation: '-', sector: '-', total: 7 });
    expect(await ds.query('SELECT closed_through AS c FROM report_ledger')).toEqual([{ c: null }]);
    // Months close per office (1764233600000): the one ledger row is kept under the office of REGION_CODE.
    expect(await ds.query('SELECT office FROM report_ledger')).toEqual([{ office: '1672' }]);
  });
});
