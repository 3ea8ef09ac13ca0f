import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, registerDecorator, type ValidationArguments } from 'class-validator';
import { PageQuery } from './pagination.js';
import { isPeriodDate, PERIOD_FIRST_YEAR, PERIOD_LAST_YEAR } from '../dates.js';

/**
 * `from` / `to` of a list or report: a real calendar date within years 1900–2100. A far-future `to`
 * (9999-12-31) used to reach date arithmetic that cannot write year 10000 and answered 500.
 */
export function IsPeriodDate(field: string): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'isPeriodDate',
      target: target.constructor,
      propertyName: key as string,
      validator: {
        validate: (v: unknown) => isPeriodDate(v),
        defaultMessage: () =>
          `${field} must be a real date written YYYY-MM-DD, from ${PERIOD_FIRST_YEAR}-01-01 to ${PERIOD_LAST_YEAR}-12-31`,
      },
    });
}

/** On `to`: not before `from` (both inclusive; checked only when both are valid dates). */
export function NotBeforeFrom(): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'notBeforeFrom',
      target: target.constructor,
      propertyName: key as string,
      validator: {
        validate: (to: unknown, args: ValidationArguments) => {
          const from = (args.object as { from?: unknown }).from;
          return !isPeriodDate(from) || !isPeriodDate(to) || to >= from;
        },
        defaultMessage: () => 'to must not be before from',
      },
    });
}

/** A page of a list filtered by a period: `from` and `to`, calendar days in Asia/Jakarta, both inclusive. */
export class PeriodPageQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-11-01', description: 'first day (Asia/Jakarta), inclusive' })
  @IsOptional()
  @IsPeriodDate('from')
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-11-30', description: 'last day (Asia/Jakarta), inclusive' })
  @IsOptional()
  @IsPeriodDate('to')
  @NotBeforeFrom()
  to?: string;
}
