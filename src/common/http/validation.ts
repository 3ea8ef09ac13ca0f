import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { DomainError, validationFailed, type FieldIssue } from '../domain-error.js';
import { hostileInputIssues, withoutHostileInput } from './hostile-input.js';
import { memoiseValidationMetadata } from './validation-metadata.js';

/** Flattens class-validator's tree into `[{ field: "company.nib", messages: [...] }]`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints) {
      const messages = Object.entries(e.constraints).map(([rule, text]) =>
        rule === 'whitelistValidation' ? `${field} is not an allowed field` : text,
      );
      out.push({ field, messages });
    }
    if (e.children && e.children.length > 0) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** Issues by field, in order of first appearance; messages of the same field are put together. */
function mergeIssues(...lists: FieldIssue[][]): FieldIssue[] {
  const byField = new Map<string, FieldIssue>();
  for (const issue of lists.flat()) {
    const seen = byField.get(issue.field);
    if (seen) seen.messages.push(...issue.messages.filter((m) => !seen.messages.includes(m)));
    else byField.set(issue.field, { field: issue.field, messages: [...issue.messages] });
  }
  return [...byField.values()];
}

/**
 * The DTO pipe, plus what no DTO can see: keys named like members of Object.prototype (`__proto__`,
 * `constructor`, …), which class-transformer would drop silently, and strings that are not well-formed
 * Unicode (a lone surrogate made isEmail throw). Both are refused by field, at any depth of a body or
 * query, whatever the route's parameter type; the DTO's own refusals of the rest come in the same answer.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body' && metadata.type !== 'query') return super.transform(value, metadata);
    const hostile = hostileInputIssues(value, metadata.data ?? '');
    if (hostile.length === 0) return super.transform(value, metadata);
    let others: FieldIssue[] = [];
    try {
      await super.transform(withoutHostileInput(value), metadata);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'VALIDATION_FAILED') others = (err.details ?? []) as FieldIssue[];
    }
    throw validationFailed(
      mergeIssues(
        hostile.map((h) => ({ field: h.field, messages: [h.message] })),
        others,
      ),
    );
  }
}

/** Strict input: unknown fields are refused, types are converted only where a DTO says so. */
export function createValidationPipe(): ValidationPipe {
  memoiseValidationMetadata();
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
