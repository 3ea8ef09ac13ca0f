import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/http/pagination.js';
import { MonthQuery, ParticipationQuery, PeriodQuery } from './monitoring.dto.js';

export const REPORT_SCOPES = ['office', 'aggregate'] as const;
export type ReportScopeName = (typeof REPORT_SCOPES)[number];

/** Which office a report or monitoring view is of (docs/reports.md, "Per office and aggregated"). */
export interface OfficeScopeFields {
  officeId?: string;
  scope?: ReportScopeName;
}

type Ctor<T = object> = abstract new (...args: any[]) => T; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Adds `officeId` (and, unless `withScope` is false, `scope`) to a query class. */
function withOffice<B extends Ctor>(Base: B, withScope = true) {
  abstract class WithOffice extends Base {
    @ApiPropertyOptional({
      format: 'uuid',
      description:
        "the office (GET /offices); default: the caller's. Its own office or one below it (a province's cities); another → 404",
    })
    @IsOptional()
    @IsUUID('all', { message: 'officeId must be an office id' })
    officeId?: string;
  }
  if (!withScope) return WithOffice;
  abstract class WithScope extends WithOffice {
    @ApiPropertyOptional({
      enum: REPORT_SCOPES,
      default: 'office',
      description:
        '`office`: the office alone; `aggregate` (province and national offices only, else 400): the office and every office below it added up',
    })
    @IsOptional()
    @IsIn(REPORT_SCOPES, { message: 'scope must be office or aggregate' })
    scope?: ReportScopeName;
  }
  return WithScope;
}

export class OfficeMonthQuery extends withOffice(MonthQuery) {}
export class OfficePeriodQuery extends withOffice(PeriodQuery) {}
export class OfficeParticipationQuery extends withOffice(ParticipationQuery) {}
/** Closing and the closed months: one office's (no aggregate: an aggregate is never filed). */
export class OfficeQuery extends withOffice(class {}, false) {}
export class OfficePageQuery extends withOffice(PageQuery, false) {}
