import { createOpenApiDocument } from '../../src/openapi/openapi-document';
import { startApp, type TestApp } from '../support/app';

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  allOf?: unknown[];
  items?: Schema;
};
type Operation = {
  operationId: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};

/**
 * What the replay of real traffic (test/support/openapi-replay.ts) cannot see: operations no test
 * calls must still state their replies, and the document served is the one the replay checks against.
 * `npm run lint:openapi` (Redocly) checks the rest of its form.
 */
describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: ReturnType<typeof createOpenApiDocument>;
  let operations: [string, Operation][];

  beforeAll(async () => {
    t = await startApp();
    doc = createOpenApiDocument(t.app);
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, op]): [string, Operation] => [
        `${method.toUpperCase()} ${path}`,
        op,
      ]),
    );
  });
  afterAll(() => t.close());

  it('is the document served at /docs-json', async () => {
    const served = (await t.http.get('/docs-json').expect(200)).body;
    expect(served).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('gives every operation a success reply with a schema (or 204 / 304, which have no body), and every error reply a schema', () => {
    const problems: string[] = [];
    for (const [name, op] of operations) {
      const statuses = Object.keys(op.responses);
      if (!statuses.some((s) => /^2\d\d$/.test(s))) problems.push(`${name}: no 2xx reply`);
      for (const status of statuses) {
        if (status === '204' || status === '304') continue;
        const content = op.responses[status].content ?? {};
        const json = content['application/json']?.schema;
        // A file (a document's bytes) is a success reply of binary media types, each with its schema.
        const file =
          /^2\d\d$/.test(status) &&
          Object.keys(content).length > 0 &&
          Object.values(content).every((m) => (m.schema as { format?: string } | undefined)?.format === 'binary');
        if (file) continue;
        if (!json) problems.push(`${name} ${status}: no application/json schema`);
        else if (
          Number(status) >= 400 &&
          json.$ref !== '#/components/schemas/ErrorReply' &&
          !/^GET \/(api\/v1\/)?health/.test(name)
        ) {
          problems.push(`${name} ${status}: an error reply not in the ErrorReply shape`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('says for every operation whether it needs a token (security: [] when it does not)', () => {
    const unstated = operations.filter(([, op]) => !Array.isArray(op.security)).map(([name]) => name);
    expect(unstated).toEqual([]);
    const publicOps = operations.filter(([, op]) => op.security!.length === 0).map(([name]) => name);
    expect(publicOps).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/login',
        'GET /api/v1/vacancies',
        'GET /health',
        'GET /.well-known/jwks.json',
        'POST /api/v1/auth/register/seeker',
      ]),
    );
  });

  it('types every property of every schema: no bare `object` standing in for a string, number or nullable field', () => {
    const bare: string[] = [];
    const visit = (where: string, s: Schema | undefined) => {
      if (!s || s.$ref) return;
      if (s.type === 'object' && !s.properties && s.additionalProperties === undefined && !s.allOf) bare.push(where);
      for (const [k, p] of Object.entries(s.properties ?? {})) visit(`${where}.${k}`, p);
      if (s.items) visit(`${where}[]`, s.items);
    };
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) visit(name, schema as Schema);
    expect(bare).toEqual([]);
  });
});
