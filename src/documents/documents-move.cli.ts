import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { JsonLogger } from '../common/logger.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { Transactions } from '../database/transactions.js';
import { moveDocuments } from './document-move.js';
import { DatabaseDocumentStorage, FilesystemDocumentStorage } from './document-storage.js';

const USAGE = 'Usage: npm run documents:move -- --to filesystem|database';

/** The target driver from `--to X` or `--to=X`; null when absent or unknown. */
export function targetOf(args: string[]): 'filesystem' | 'database' | null {
  const i = args.findIndex((a) => a === '--to' || a.startsWith('--to='));
  if (i < 0) return null;
  const value = args[i].startsWith('--to=') ? args[i].slice(5) : args[i + 1];
  return value === 'filesystem' || value === 'database' ? value : null;
}

/**
 * `npm run documents:move -- --to filesystem|database` (docs/documents.md, "Changing the storage driver"):
 * moves every document's bytes to the other driver, verifying each copy before the original goes. Safe to
 * run again after an interruption. Prints the counts as JSON; exits 1 when a document could not be moved.
 */
async function main() {
  const to = targetOf(process.argv.slice(2));
  if (!to) throw new ConfigError(USAGE);
  const config = { ...loadConfig(), schedulerEnabled: false };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: new JsonLogger('warn') });
  const database = new DatabaseDocumentStorage();
  const filesystem = new FilesystemDocumentStorage(config.documents.storagePath);
  const [from, target] = to === 'filesystem' ? [database, filesystem] : [filesystem, database];
  const counts = await moveDocuments(app.get(Transactions), from, target, (done) => {
    if (done % 500 === 0) process.stderr.write(`${done} documents…\n`);
  });
  process.stdout.write(JSON.stringify({ to, ...counts }) + '\n');
  if (config.documents.storageDriver !== to)
    process.stderr.write(`Now set STORAGE_DRIVER=${to} and start the service again.\n`);
  await app.close();
  if (counts.missing > 0 || counts.failed > 0) process.exit(1);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `${err instanceof ConfigError ? err.message : `Moving the documents failed: ${(err as Error).message}`}\n`,
    );
    process.exit(1);
  });
}
