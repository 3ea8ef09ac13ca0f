import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { validationFailed, type FieldIssue } from '../domain-error.js';

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

/** Strict input: unknown fields are refused, types are converted only where a DTO says so. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
