import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createConnection } from 'mysql2/promise';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/http-setup';
import { Clock, TestClock } from '../../src/common/clock';
import { loadConfig, type AppConfig } from '../../src/config/config';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  clock: TestClock;
  config: AppConfig;
  ds: DataSource;
  close(): Promise<void>;
}

/** The engine the suite runs on: SQLite unless DB_TYPE=mysql (then DB_URL names the database). */
export const ENGINE = process.env.DB_TYPE === 'mysql' ? 'mysql' : 'sqlite';

/**
 * Starts the real application on the real database: a fresh SQLite file per app, or the MySQL
 * database from DB_URL (shared; tests make their own data and never wipe others').
 */
export async function startApp(env: Record<string, string> = {}, extraControllers: Type[] = [], opts: { freshDatabase?: boolean } = {}): Promise<TestApp> {
  let dir: string | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;
  const base: Record<string, string> = { NODE_ENV: 'test', LOG_LEVEL: 'silent', SCHEDULER_ENABLED: 'false' };
  if (ENGINE === 'mysql') {
    base.DB_TYPE = 'mysql';
    base.DB_URL = process.env.DB_URL ?? 'mysql://root@127.0.0.1:3306/ak1_test';
    if (opts.freshDatabase) ({ url: base.DB_URL, drop: dropDatabase } = await createScratchDatabase(base.DB_URL));
  } else {
    dir = mkdtempSync(join(tmpdir(), 'ak1-test-'));
    base.DB_TYPE = 'sqlite';
    base.DB_PATH = join(dir, 'test.sqlite');
  }
  const passthrough: Record<string, string> = {};
  for (const k of ['MEILI_HOST', 'MEILI_API_KEY']) if (process.env[k]) passthrough[k] = process.env[k]!;
  const config = loadConfig({ ...passthrough, ...base, ...env });
  const clock = new TestClock();
  const app = await createAppWithClock(config, clock, extraControllers);
  await app.init();
  const ds = app.get(DataSource);
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    config,
    ds,
    async close() {
      await app.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
      if (dropDatabase) await dropDatabase();
    },
  };
}

async function createAppWithClock(config: AppConfig, clock: TestClock, controllers: Type[]): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)], controllers })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureApp(app, config, null);
  return app;
}

/**
 * A database of its own on the MySQL server of DB_URL, for specs that check totals over everything in
 * the database (reports): on the shared test database other specs' rows would count too.
 */
export async function createScratchDatabase(sharedUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(sharedUrl);
  const name = `ak1_scratch_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE ${name}`);
      await admin.end();
    },
  };
}
