import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { JsonLogger } from '../common/logger.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { DailyJobs } from './daily-jobs.service.js';

/** `npm run jobs:daily`: runs the daily job once against the configured database and exits. */
async function main() {
  const config = { ...loadConfig(), schedulerEnabled: false };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: new JsonLogger('warn') });
  const report = await app.get(DailyJobs).runAll();
  process.stdout.write(JSON.stringify(report) + '\n');
  await app.close();
  if (Object.values(report).some((r) => 'error' in r)) process.exit(1);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `${err instanceof ConfigError ? err.message : `The daily job failed: ${(err as Error).message}`}\n`,
  );
  process.exit(1);
});
