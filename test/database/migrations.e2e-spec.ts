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
});
