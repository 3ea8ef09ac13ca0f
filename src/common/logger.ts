import type { LoggerService } from '@nestjs/common';
import type { LogLevel } from '../config/config.js';
import { currentRequestId } from './request-context.js';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

// Nest's start-up chatter, and its own reports of a failed start (main.ts prints one clear sentence
// instead), are demoted to debug.
const QUIET_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'TypeOrmModule',
  'ExceptionHandler',
]);

/**
 * One JSON object per line on stdout. Callers never pass personal data (NIK, names, tokens,
 * passwords); request logs carry the route path only, without the query string.
 */
export class JsonLogger implements LoggerService {
  constructor(private readonly level: LogLevel = 'info') {}

  private write(
    level: Exclude<LogLevel, 'silent'>,
    message: unknown,
    context?: string,
    extra?: Record<string, unknown>,
  ) {
    if (context && QUIET_CONTEXTS.has(context)) level = 'debug';
    if (ORDER[level] < ORDER[this.level]) return;
    const line: Record<string, unknown> = { time: new Date().toISOString(), level };
    if (context) line.context = context;
    const reqId = currentRequestId();
    if (reqId) line.reqId = reqId;
    if (typeof message === 'object' && message !== null) Object.assign(line, message);
    else line.msg = String(message);
    if (extra) Object.assign(line, extra);
    process.stdout.write(JSON.stringify(line) + '\n');
  }

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, ...rest: unknown[]) {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    this.write('error', message, context);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  /** Whether access log lines would be written at this level (info), so the hook that makes them is worth adding. */
  get logsRequests(): boolean {
    return ORDER.info >= ORDER[this.level];
  }
  request(fields: Record<string, unknown>) {
    this.write('info', { msg: 'request', ...fields });
  }
}
