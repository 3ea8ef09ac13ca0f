import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config.js';
import { createApp, enableGracefulShutdown } from './bootstrap.js';

const log = (msg: string, extra: Record<string, unknown> = {}) =>
  process.stdout.write(
    JSON.stringify({ time: new Date().toISOString(), level: 'info', context: 'Main', msg, ...extra }) + '\n',
  );

async function main(): Promise<void> {
  const config = loadConfig();
  for (const w of config.warnings)
    process.stdout.write(
      JSON.stringify({ time: new Date().toISOString(), level: 'warn', context: 'Config', msg: w }) + '\n',
    );
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  enableGracefulShutdown(app, log);
  process.stdout.write(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'info',
      context: 'Main',
      msg: `listening on ${config.host}:${config.port}`,
      db: config.db.type,
      env: config.env,
    }) + '\n',
  );
}

main().catch((err: unknown) => {
  // A start-up failure is one sentence for the operator, not a stack trace.
  const message =
    err instanceof ConfigError ? err.message : `The service could not start: ${(err as Error)?.message ?? String(err)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
