import { NestFactory } from '@nestjs/core';
import type { Server, ServerResponse } from 'node:http';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { JsonLogger } from './common/logger.js';
import { configureApp, fastifyOptions } from './http-setup.js';

/** Builds the configured (not yet listening) application. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = new JsonLogger(config.logLevel);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter(fastifyOptions(config)),
    { logger, bodyParser: false, abortOnError: false },
  );
  await configureApp(app, config, logger);
  return app;
}

/** Longest a shutdown may take before the process gives up on in-flight work and exits 1. */
const SHUTDOWN_GRACE_MS = 25_000;

/**
 * SIGTERM / SIGINT: stop taking connections, let the requests in flight finish, then run the shutdown
 * hooks (timers, the database pool) and exit 0; exit 1 if that takes longer than SHUTDOWN_GRACE_MS.
 *
 * Node's server.close() refuses new connections and closes idle keep-alive ones, but a keep-alive
 * connection busy at that moment would stay open after its reply (accepting further requests and
 * holding the close for keepAliveTimeout); so replies from then on carry `Connection: close`.
 */
export function enableGracefulShutdown(
  app: NestFastifyApplication,
  log: (msg: string, extra?: Record<string, unknown>) => void,
): void {
  const server = app.getHttpServer() as Server;
  const open = new Set<ServerResponse>();
  let closing = false;
  server.on('request', (_req, res: ServerResponse) => {
    if (closing) res.setHeader('Connection', 'close');
    open.add(res);
    res.once('close', () => open.delete(res));
  });
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log('shutting down: draining requests in flight', { signal, inFlight: open.size });
    for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
    setTimeout(() => {
      log('shutdown took too long; exiting with requests unfinished', { inFlight: open.size });
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => {
        log('shut down cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        log('shutdown failed', { error: (err as Error)?.message });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
