import type { Type } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { createConnection } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { configureApp, fastifyOptions } from '../../src/http-setup';
import { Clock, TestClock } from '../../src/common/clock';
import { loadConfig, type AppConfig } from '../../src/config/config';
import { createOpenApiDocument } from '../../src/openapi/openapi-document';
import { formatViolations, OpenApiReplay } from './openapi-replay';

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  clock: TestClock;
  config: AppConfig;
  ds: DataSource;
  /** Every route the app registered (`GET`, `/api/v1/cards/:id`), HEAD twins left out. */
  routes: { method: string; url: string }[];
  /** Checks every reply against the OpenAPI document (see openapi-replay.ts); null with OPENAPI_REPLAY=off. */
  replay: OpenApiReplay | null;
  close(): Promise<void>;
}

/**
 * Every test app replays its traffic against the OpenAPI document; a test whose requests got replies
 * the document does not describe fails (after the test, with one line per violation). OPENAPI_REPLAY=off
 * turns it off while debugging something else.
 */
const replays = new Set<OpenApiReplay>();
if (typeof afterEach === 'function') {
  afterEach(() => {
    const violations = [...replays].flatMap((r) => r.drain());
    if (violations.length > 0) throw new Error(formatViolations(violations));
  });
}

const PROCESS_JWT_SECRET = randomBytes(48).toString('base64url');

/** The engine the suite runs on: SQLite unless DB_TYPE=mysql (then DB_URL names the database). */
export const ENGINE = process.env.DB_TYPE === 'mysql' ? 'mysql' : 'sqlite';

/**
 * Starts the real application on the real database: a fresh SQLite file per app, or the MySQL
 * database from DB_URL (shared; tests make their own data and never wipe others').
 * The document checklist is off by default (`REQUIRED_DOCUMENTS: ''`), so tests approve and issue cards
 * without uploads; the documents specs pass the real default (`KTP,IJAZAH|SKL,PAS_FOTO`) themselves.
 */
export async function startApp(
  env: Record<string, string> = {},
  extraControllers: Type[] = [],
  opts: { freshDatabase?: boolean } = {},
): Promise<TestApp> {
  let dir: string | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;
  // One token secret per test process: Passport keeps one 'jwt' strategy per process, so apps started
  // side by side in one spec must agree on it (a spec may still pass its own, or JWT_SECRET: '' for none).
  const base: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SCHEDULER_ENABLED: 'false',
    JWT_SECRET: PROCESS_JWT_SECRET,
    REQUIRED_DOCUMENTS: '',
  };
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
  const { app, replay } = await createAppWithClock(config, clock, extraControllers);
  const routes: { method: string; url: string }[] = [];
  (app.getHttpAdapter().getInstance() as unknown as FastifyInstance).addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const ds = app.get(DataSource);
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    config,
    ds,
    routes,
    replay: replay?.validator ?? null,
    async close() {
      await app.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
      if (dropDatabase) await dropDatabase();
      replay?.finish();
    },
  };
}

async function createAppWithClock(
  config: AppConfig,
  clock: TestClock,
  controllers: Type[],
): Promise<{ app: NestFastifyApplication; replay: InstalledReplay | null }> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)], controllers })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(fastifyOptions(config)), {
    bodyParser: false,
    logger: false,
  });
  // First in line, so it sees every reply, including the body parser's and the 503s of stalled requests.
  const replay = process.env.OPENAPI_REPLAY === 'off' ? null : installReplay(app, controllers);
  await configureApp(app, config, null);
  return { app, replay };
}

interface InstalledReplay {
  validator: OpenApiReplay;
  finish(): void;
}
/**
 * The recorder goes in before the routes exist; the document is built from the app at its first
 * request (after init). Routes of controllers a spec adds for itself are not part of the API.
 */
function installReplay(app: NestFastifyApplication, extraControllers: Type[]): InstalledReplay {
  const extras = extraControllers.map((c) => `${c.name}_`);
  let validator: OpenApiReplay | null = null;
  let record: onRequestHookHandler | null = null;
  const get = (): OpenApiReplay => {
    if (!validator) {
      validator = new OpenApiReplay(createOpenApiDocument(app), (operationId) =>
        extras.some((p) => operationId.startsWith(p)),
      );
      record = validator.hook() as onRequestHookHandler;
      replays.add(validator);
    }
    return validator;
  };
  (app.getHttpAdapter().getInstance() as unknown as FastifyInstance).addHook('onRequest', function (req, reply, next) {
    get();
    return record!.call(this, req, reply, next);
  });
  return {
    get validator() {
      return get();
    },
    finish() {
      if (!validator) return;
      replays.delete(validator);
      writeReplayReport(validator);
      const left = validator.drain();
      if (left.length > 0) throw new Error(formatViolations(left));
    },
  };
}

/** With OPENAPI_REPLAY_REPORT=<file>, each app appends what it checked (replies per operation and status). */
function writeReplayReport(validator: OpenApiReplay): void {
  const file = process.env.OPENAPI_REPLAY_REPORT;
  if (!file) return;
  appendFileSync(
    file,
    JSON.stringify({ spec: expect.getState().testPath, seen: Object.fromEntries(validator.seen) }) + '\n',
  );
}

/**
 * A database of its own on the MySQL server of DB_URL, for specs that check totals over everything in
 * the database (reports): on the shared test database other specs' rows would count too.
 */
export async function createScratchDatabase(sharedUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(sharedUrl);
  const name = `ak1_scratch_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
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
