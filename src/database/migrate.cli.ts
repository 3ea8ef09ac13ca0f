import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config.js';
import { openDataSource } from './data-source.js';

/** `npm run migration:run`: applies pending migrations and exits. */
async function main() {
  const config = loadConfig();
  const ds = await openDataSource(config);
  const applied = await ds.query(
    ds.options.type === 'mysql' ? 'SELECT COUNT(*) AS n FROM migrations' : 'SELECT COUNT(*) AS n FROM migrations',
  );
  process.stdout.write(`Migrations up to date on ${config.db.type} (${Number(applied[0].n)} applied).\n`);
  await ds.destroy();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `Migration failed: ${(err as Error).message}`}\n`);
  process.exit(1);
});
