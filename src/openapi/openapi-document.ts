import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { ERROR_MEANINGS, RETRY_AFTER_HEADER } from '../common/http/api-responses.js';
import { ErrorReply } from '../common/http/error-reply.dto.js';

const ERROR_SCHEMA = { $ref: '#/components/schemas/ErrorReply' };
const BODY_METHODS = new Set(['post', 'put', 'patch']);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSX_MEANING = 'Excel workbook laid out like the official IPK form (A4 landscape)';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The OpenAPI document of the API, as served at /docs-json and written by `npm run lint:openapi`
 * (src/openapi/openapi.cli.ts). Routes describe their own replies with decorators; `completeDocument`
 * then adds what holds for every route of a kind, from the same facts the code runs on.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('AK1 platform API')
    .setDescription(
      "Kartu Tanda Pencari Kerja (AK1): employers, job seeker cards, card validation, vacancies, hires and the office's statistics. " +
        'Errors always have the shape { statusCode, error, code, message, details? } (schema `ErrorReply`); each operation lists the statuses it answers and their codes. ' +
        'Lists and reports also answer `text/csv` (`Accept: text/csv` or `?format=csv`); the IPK reports also an Excel workbook (`?format=xlsx`).',
    )
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'this service')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  return completeDocument(SwaggerModule.createDocument(app, config, { extraModels: [ErrorReply] }));
}

/**
 * What every route of a kind answers, added where the route's decorators do not say it already:
 *
 * - public routes (`@Public()` writes `security: [{}]`) get `security: []`: no token;
 * - every error response without a schema gets `ErrorReply` (the one exception filter writes every error),
 *   429 and 503 their `Retry-After` header;
 * - a header named twice (differently cased) is documented once;
 * - every route: 503 (the database does not answer); a route with a path parameter: 404 (ids are
 *   checked by IdPipe); a route with query parameters: 400 (validated like bodies);
 * - POST, PUT and PATCH: 400 `MALFORMED_JSON`, 413 and 415 from the body parser, which runs before any
 *   route; a POST without a body DTO documents the empty body it accepts (nothing, or `{}`); a body
 *   whose schema requires no field is optional;
 * - routes marked `@CsvExport()` (they take `format=csv`) answer their 200 as `text/csv` too, and those whose
 *   `format` also takes `xlsx` (`@XlsxExport()`, the IPK reports) as an Excel workbook.
 */
export function completeDocument(doc: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = pathItem[method];
      if (op) completeOperation(doc, method, op);
    }
  }
  return doc;
}

function completeOperation(doc: OpenAPIObject, method: string, op: OperationObject): void {
  if (op.security?.length === 1 && Object.keys(op.security[0]).length === 0) op.security = [];
  op.parameters = dedupeHeaders((op.parameters ?? []) as ParameterObject[]);
  if (op.parameters.length === 0) delete op.parameters;
  const params = (op.parameters ?? []) as ParameterObject[];
  const query = params.filter((p) => p.in === 'query' && p.name !== 'format');

  if (BODY_METHODS.has(method)) {
    if (!op.requestBody) {
      op.requestBody = {
        required: false,
        description: 'The operation takes no fields: send no body, or `{}` (fields sent are ignored).',
        content: { 'application/json': { schema: { type: 'object', example: {} } } },
      };
    } else if (!requiresAnyField(doc, op.requestBody as RequestBodyObject)) {
      (op.requestBody as RequestBodyObject).required = false;
    }
    addError(op, 400, '`MALFORMED_JSON`: the body is not valid JSON');
    addError(op, 413);
    addError(op, 415);
  }
  if (
    query.length > 0 ||
    (op.requestBody && BODY_METHODS.has(method) && hasJsonBodyFields(op.requestBody as RequestBodyObject))
  ) {
    addError(op, 400, '`VALIDATION_FAILED`: details name each field and what is wrong with it');
  }
  if (params.some((p) => p.in === 'path')) addError(op, 404);
  addError(op, 503);

  for (const [status, response] of Object.entries(op.responses ?? {}) as [string, ResponseObject][]) {
    const code = Number(status);
    if (code >= 400 && !response.content) response.content = { 'application/json': { schema: ERROR_SCHEMA } };
    if ((code === 429 || code === 503) && !response.headers?.['Retry-After'])
      response.headers = { ...response.headers, ...RETRY_AFTER_HEADER };
  }

  const format = params.find((p) => p.in === 'query' && p.name === 'format');
  const xlsx = (op as unknown as Record<string, unknown>)['x-xlsx'] === true;
  delete (op as unknown as Record<string, unknown>)['x-xlsx'];
  if (format && xlsx) {
    format.schema = { type: 'string', enum: ['csv', 'xlsx'] };
    format.description =
      'csv: the table as CSV (same as Accept: text/csv); xlsx: an Excel workbook laid out like the official form (same as Accept: ' +
      XLSX_TYPE +
      ')';
  }
  if (format) {
    const ok = op.responses?.['200'] as ResponseObject | undefined;
    if (ok)
      ok.content = {
        ...ok.content,
        'text/csv': { schema: { type: 'string', description: 'UTF-8 CSV with a header row; every page of the list' } },
        ...(xlsx ? { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary', description: XLSX_MEANING } } } : {}),
      };
  }
}

/**
 * Header names are case-insensitive: a handler reading `@Headers('idempotency-key')` and a decorator
 * documenting `Idempotency-Key` name one header. The documented one (with its description) stays.
 */
function dedupeHeaders(params: ParameterObject[]): ParameterObject[] {
  return params.filter((p) => {
    if (p.in !== 'header') return true;
    const twin = params.find((o) => o !== p && o.in === 'header' && o.name.toLowerCase() === p.name.toLowerCase());
    return (
      !twin ||
      (!!p.description && !twin.description) ||
      (!!p.description === !!twin.description && params.indexOf(p) < params.indexOf(twin))
    );
  });
}

/** Adds an error answer, or the generic code to the description of one the route declares already. */
function addError(op: OperationObject, status: number, meaning = ERROR_MEANINGS[status]): void {
  op.responses ??= {};
  const existing = op.responses[String(status)] as ResponseObject | undefined;
  if (!existing) {
    op.responses[String(status)] = { description: meaning, content: { 'application/json': { schema: ERROR_SCHEMA } } };
    return;
  }
  // A reply of the route's own shape (health's 503) is not an ErrorReply: its description stays.
  const schema = existing.content?.['application/json']?.schema as ReferenceObject | undefined;
  if (schema && schema.$ref !== ERROR_SCHEMA.$ref) return;
  const code = /`([A-Z_]+)`/.exec(meaning)?.[1];
  if (code && !existing.description.includes(code)) existing.description = `${existing.description}; or ${meaning}`;
}

function bodySchema(doc: OpenAPIObject, body: RequestBodyObject): SchemaObject | undefined {
  const schema = body.content?.['application/json']?.schema as SchemaObject | ReferenceObject | undefined;
  if (!schema) return undefined;
  if ('$ref' in schema) return doc.components?.schemas?.[schema.$ref.split('/').pop()!] as SchemaObject | undefined;
  return schema;
}

function requiresAnyField(doc: OpenAPIObject, body: RequestBodyObject): boolean {
  const schema = bodySchema(doc, body);
  return !schema || schema.type !== 'object' || (schema.required?.length ?? 0) > 0;
}

function hasJsonBodyFields(body: RequestBodyObject): boolean {
  const schema = body.content?.['application/json']?.schema as SchemaObject | ReferenceObject | undefined;
  return !!schema && ('$ref' in schema || !!schema.properties);
}
