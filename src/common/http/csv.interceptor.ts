import {
  applyDecorators,
  Injectable,
  SetMetadata,
  StreamableFile,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { Reflector } from '@nestjs/core';
import { routeOf, type HttpRequest } from './http.js';
import { Readable } from 'node:stream';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { csvLine, flattenRow } from './csv.js';

const CSV_ROWS = 'ak1:csvRows';
const CSV_PAGE_SIZE = 100;

const CSV_COLUMNS = 'ak1:csvColumns';

/** For a route whose reply is not a list: how to turn the reply into CSV rows. */
export const CsvRows = (toRows: (reply: never) => Record<string, unknown>[]) => SetMetadata(CSV_ROWS, toRows);

/** The columns of a list's CSV, in order (dotted for nested fields), so even an empty export has its header. */
export const CsvColumns = (columns: string[]) => SetMetadata(CSV_COLUMNS, columns);

interface PageLike {
  items: Record<string, unknown>[];
  page: number;
  pageSize: number;
  total: number;
}

function isPage(x: unknown): x is PageLike {
  return (
    !!x && typeof x === 'object' && Array.isArray((x as PageLike).items) && typeof (x as PageLike).total === 'number'
  );
}

export function wantsCsv(req: HttpRequest): boolean {
  const format = (req.query as Record<string, unknown>)?.format;
  if (format === 'csv') return true;
  const accept = req.headers.accept ?? '';
  return /\btext\/csv\b/.test(accept) && !/^application\/json/.test(accept);
}

/**
 * Marks a list or report route as also answering CSV. Applied per route rather than globally: Nest wraps
 * every route that has an interceptor in an rxjs pipeline, which cost about a seventh of the throughput of
 * card validation. `test/common/csv-exports.e2e-spec.ts` checks that no list route goes without it.
 */
export const CsvExport = () =>
  applyDecorators(
    UseInterceptors(CsvInterceptor),
    ApiQuery({
      name: 'format',
      required: false,
      enum: ['csv'],
      description: 'csv: the whole list as CSV (same as Accept: text/csv)',
    }),
    // The route declares its JSON reply; the document builder adds the text/csv one to every route taking `format`.
  );

/**
 * Every list and report also answers `text/csv` (`Accept: text/csv` or `?format=csv`), with a header row.
 * A list is streamed page by page — the route's own handler is called again for each page, with the same
 * filters and authorisation — so a 100,000-row export never holds more than one page in memory.
 */
@Injectable()
export class CsvInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<HttpRequest>();
    if (req.method !== 'GET' || !wantsCsv(req)) return next.handle();

    // `format` is ours, not the route's: take it out before the route's query validation sees it.
    const { format: _format, ...query } = req.query as Record<string, unknown>;
    void _format;
    setQuery(req, query);
    const toRows = this.reflector.get<((reply: unknown) => Record<string, unknown>[]) | undefined>(
      CSV_ROWS,
      ctx.getHandler(),
    );
    const columns = this.reflector.get<string[] | undefined>(CSV_COLUMNS, ctx.getHandler()) ?? null;
    const name =
      routeOf(req)
        ?.split('/')
        .filter((p) => p && !p.startsWith(':'))
        .pop() ?? 'export';

    return from(
      (async () => {
        const first = await lastValueFrom(next.handle());
        if (!isPage(first) || toRows) {
          const rows = toRows
            ? toRows(first)
            : Array.isArray(first)
              ? (first as Record<string, unknown>[])
              : [first as Record<string, unknown>];
          return csvFile(name, Readable.from(rowsToCsv(rows)));
        }
        // Lists: restart from page 1 at the export page size and walk every page.
        const pages = async function* (): AsyncGenerator<Record<string, unknown>[]> {
          for (let page = 1; ; page++) {
            setQuery(req, { ...query, page: String(page), pageSize: String(CSV_PAGE_SIZE) });
            const reply = (await lastValueFrom(next.handle())) as PageLike;
            if (reply.items.length > 0) yield reply.items;
            if (reply.items.length < CSV_PAGE_SIZE || page * CSV_PAGE_SIZE >= reply.total) return;
          }
        };
        return csvFile(name, Readable.from(pagesToCsv(pages(), columns)));
      })(),
    );
  }
}

function setQuery(req: HttpRequest, query: Record<string, unknown>): void {
  // Pin the value the route should see (whatever the framework does with its own property).
  Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true, enumerable: true });
}

function csvFile(name: string, stream: Readable): StreamableFile {
  return new StreamableFile(stream, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}.csv"`,
  });
}

function* rowsToCsv(rows: Record<string, unknown>[]): Generator<string> {
  const flat = rows.map((r) => flattenRow(r));
  const header = columnsOf(flat);
  yield '\uFEFF' + csvLine(header);
  for (const r of flat) yield csvLine(header.map((h) => r[h]));
}

async function* pagesToCsv(
  pages: AsyncGenerator<Record<string, unknown>[]>,
  columns: string[] | null,
): AsyncGenerator<string> {
  let header: string[] | null = columns;
  if (header) yield '\uFEFF' + csvLine(header);
  for await (const items of pages) {
    const flat = items.map((r) => flattenRow(r));
    if (!header) {
      header = columnsOf(flat);
      yield '\uFEFF' + csvLine(header);
    }
    let chunk = '';
    for (const r of flat) chunk += csvLine(header.map((h) => r[h]));
    yield chunk;
  }
  // An empty list without declared columns: there is no row to take a header from.
  if (!header) yield '\uFEFF';
}

function columnsOf(rows: Record<string, unknown>[]): string[] {
  const cols: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  return cols;
}
