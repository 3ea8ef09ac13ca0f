import type { OpenAPIObject } from '@nestjs/swagger';
import { OpenApiReplay, type Exchange } from '../support/openapi-replay';

/** The replay must catch each kind of drift the audit found, and accept what the document says. */
describe('OpenAPI replay (test/support/openapi-replay.ts)', () => {
  const doc = {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/api/v1/things/{id}': {
        get: {
          operationId: 'Things_get',
          responses: {
            200: {
              description: '',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
            404: {
              description: '',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorReply' } } },
            },
          },
        },
      },
      '/api/v1/things/mine': {
        get: {
          operationId: 'Things_mine',
          responses: {
            200: {
              description: '',
              content: {
                'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } },
                'text/csv': { schema: { type: 'string' } },
              },
            },
          },
        },
      },
      '/api/v1/things': {
        post: {
          operationId: 'Things_create',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/NewThing' } } },
          },
          responses: { 204: { description: '' } },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            count: { type: 'integer' },
            phone: { type: 'string', nullable: true },
            status: { type: 'string', enum: ['OPEN', 'CLOSED'], nullable: true },
            owner: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/Owner' }] },
          },
          required: ['id', 'count', 'phone', 'status', 'owner'],
        },
        Owner: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
        NewThing: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
        ErrorReply: {
          type: 'object',
          properties: { statusCode: { type: 'integer' }, code: { type: 'string' } },
          required: ['statusCode', 'code'],
        },
      },
    },
  } as unknown as OpenAPIObject;

  const id = '0b9f3c1e-6a52-4d35-9a7e-2f1d7e9b4c10';
  const good = { id, count: 2, phone: null, status: null, owner: { name: 'A' } };
  const exchange = (over: Partial<Exchange>): Exchange => ({
    method: 'GET',
    url: `/api/v1/things/${id}`,
    requestHeaders: {},
    requestBody: undefined,
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(good),
    bodyBytes: 10,
    ...over,
  });
  const problems = (x: Exchange) => {
    const r = new OpenApiReplay(doc);
    r.check(x);
    return r.drain().map((v) => `${v.operation} ${v.status}: ${v.problem}`);
  };

  it('accepts a reply that matches, nulls included', () => {
    expect(problems(exchange({}))).toEqual([]);
    expect(
      problems(exchange({ body: JSON.stringify({ ...good, phone: '0812', status: 'OPEN', owner: null }) })),
    ).toEqual([]);
  });

  it('reports a status the operation does not document', () => {
    expect(problems(exchange({ status: 409, body: '{"statusCode":409,"code":"X"}' }))).toEqual([
      'GET /api/v1/things/{id} 409: status 409 is not documented (documented: 200, 404)',
    ]);
  });

  it('reports where a body differs from its schema: wrong type, missing and undocumented fields, enum', () => {
    const body = JSON.stringify({ id: 'not-a-uuid', count: 1.5, status: 'LOST', owner: {}, extra: true });
    expect(problems(exchange({ body }))).toEqual([
      "GET /api/v1/things/{id} 200: reply body/ must have required property 'phone'",
      'GET /api/v1/things/{id} 200: reply body/ must NOT have additional properties ("extra")',
      'GET /api/v1/things/{id} 200: reply body/id must match format "uuid"',
      'GET /api/v1/things/{id} 200: reply body/count must be integer',
      'GET /api/v1/things/{id} 200: reply body/status must be equal to one of the allowed values (OPEN, CLOSED)',
      "GET /api/v1/things/{id} 200: reply body/owner must have required property 'name'",
    ]);
  });

  it('prefers a literal path to a template, and checks the media type of the reply', () => {
    expect(problems(exchange({ url: '/api/v1/things/mine', body: JSON.stringify([good]) }))).toEqual([]);
    expect(
      problems(exchange({ url: '/api/v1/things/mine?format=csv', contentType: 'text/csv; charset=utf-8', body: null })),
    ).toEqual([]);
    expect(problems(exchange({ url: `/api/v1/things/${id}`, contentType: 'text/csv', body: null }))).toEqual([
      'GET /api/v1/things/{id} 200: reply content type text/csv is not documented for 200 (documented: application/json)',
    ]);
  });

  it('checks what an accepted request sent against what the operation takes', () => {
    const post = (over: Partial<Exchange>) =>
      exchange({
        method: 'POST',
        url: '/api/v1/things',
        status: 204,
        contentType: '',
        body: null,
        bodyBytes: 0,
        ...over,
      });
    const json = { 'content-type': 'application/json', 'content-length': '20' };
    expect(problems(post({ requestHeaders: json, requestBody: { name: 'x' } }))).toEqual([]);
    expect(problems(post({}))).toEqual([
      'POST /api/v1/things 204: the request was accepted without a body, but the document says one is required',
    ]);
    expect(problems(post({ requestHeaders: json, requestBody: { name: 3 } }))).toEqual([
      'POST /api/v1/things 204: accepted request body/name must be string',
    ]);
  });

  it('leaves alone what is not an operation of the document, and operations it is told to skip', () => {
    expect(problems(exchange({ url: '/masuk', status: 500 }))).toEqual([]);
    const r = new OpenApiReplay(doc, (operationId) => operationId === 'Things_get');
    r.check(exchange({ status: 500 }));
    expect(r.drain()).toEqual([]);
  });
});
