import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { registerDecorator } from 'class-validator';
import type { Observable } from 'rxjs';
import { Clock } from '../clock.js';
import { isCalendarDate } from '../dates.js';

/**
 * "Today" (the injected Clock's, Asia/Jakarta) for DTO rules that depend on it, such as a vacancy's
 * closing date being in the future. The DTO pipe has no clock of its own; a route that needs such a
 * rule runs its validation inside this scope (`@UseInterceptors(ValidationDay)`), so the date rule is
 * reported in the same answer as every other field error instead of only after they are all fixed.
 */
const day = new AsyncLocalStorage<string>();

/** Runs `fn` (and everything it awaits) with `today` as the validation day. */
export function withValidationDay<T>(today: string, fn: () => T): T {
  return day.run(today, fn);
}

/**
 * Puts the route's pipes and handler inside the validation day. Nest binds the async context when
 * `next.handle()` is called, so the pipes that run inside it see the store.
 */
@Injectable()
export class ValidationDay implements NestInterceptor {
  constructor(private readonly clock: Clock) {}

  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return withValidationDay(this.clock.today(), () => next.handle());
  }
}

/**
 * A calendar date after today. Outside a validation day (a caller that validates without one) the rule
 * passes and the service's own check is the one that refuses; a value that is not a calendar date is
 * left to the field's date rule.
 */
export function IsAfterToday(field: string): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'isAfterToday',
      target: target.constructor,
      propertyName: key as string,
      validator: {
        validate: (v: unknown) => {
          const today = day.getStore();
          return today === undefined || !isCalendarDate(v) || v > today;
        },
        defaultMessage: () => `${field} must be a date after today (${day.getStore()}, Asia/Jakarta)`,
      },
    });
}
