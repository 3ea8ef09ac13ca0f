import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../bootstrap.js';
import { loadConfig } from '../config/config.js';
import { createOpenApiDocument } from './openapi-document.js';

/**
 * `node dist/src/openapi/openapi.cli.js > openapi.json` (used by `npm run lint:openapi`): writes the
 * OpenAPI document to stdout without listening or touching the configured database — the app is built
 * on a throw-away SQLite file with fixed settings, so the document never depends on the environment.
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ak1-openapi-'));
  try {
    const config = loadConfig({
      NODE_ENV: 'development',
      DB_TYPE: 'sqlite',
      DB_PATH: join(dir, 'openapi.sqlite'),
      LOG_LEVEL: 'silent',
      SCHEDULER_ENABLED: 'false',
    });
    const app = await createApp(config);
    const doc = createOpenApiDocument(app);
    await app.close();
    process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`The OpenAPI document could not be built: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});
