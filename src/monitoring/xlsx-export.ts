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
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { HttpRequest } from '../common/http/http.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import type { OfficeScopeFields } from './dto/office-scope.dto.js';
import { ipkWorkbook } from './report-xlsx.js';
import { ReportScopes } from './report-scope.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSX_TABLE = 'ak1:xlsxTable';

export function wantsXlsx(req: HttpRequest): boolean {
  const format = (req.query as Record<string, unknown>)?.format;
  if (format === 'xlsx') return true;
  const accept = req.headers.accept ?? '';
  return accept.includes(XLSX_TYPE) && !/^application\/json/.test(accept);
}

/**
 * Marks an IPK report route (`table` = '1'…'8') as also answering an Excel workbook laid out like the
 * official form (`?format=xlsx` or `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`).
 * With `@CsvExport()` (which documents `format`); the document builder then adds `xlsx` to `format` and
 * the workbook to the 200 response of every route marked `x-xlsx`.
 */
export const XlsxExport = (table: string) =>
  applyDecorators(
    SetMetadata(XLSX_TABLE, table),
    UseInterceptors(XlsxInterceptor),
    // Read by the document builder: `format` gains `xlsx` and the 200 the workbook's type.
    ApiExtension('x-xlsx', true),
  );

/** Writes the route's reply (the report) as the form's workbook, named `ipk-iii-2-2026-11.xlsx`. */
@Injectable()
export class XlsxInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly scopes: ReportScopes,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<HttpRequest>();
    const table = this.reflector.get<string | undefined>(XLSX_TABLE, ctx.getHandler());
    if (req.method !== 'GET' || !table || !wantsXlsx(req)) return next.handle();
    // `format` is ours, not the route's: take it out before the route's query validation sees it.
    const { format: _format, ...query } = req.query as Record<string, unknown>;
    void _format;
    Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true, enumerable: true });
    return from(
      (async () => {
        const report = (await lastValueFrom(next.handle())) as Record<string, unknown>;
        // Named after the office the report is about (the route accepted its officeId and scope).
        const { officeId, scope } = query as OfficeScopeFields;
        const asked = { ...(officeId ? { officeId } : {}), ...(scope ? { scope } : {}) };
        const title = await this.scopes.title(await this.scopes.resolve((req as { user?: AuthUser }).user!, asked));
        const body = await ipkWorkbook(table, report, title);
        return new StreamableFile(body, {
          type: XLSX_TYPE,
          disposition: `attachment; filename="ipk-iii-${table}-${String(report.period)}.xlsx"`,
        });
      })(),
    );
  }
}
