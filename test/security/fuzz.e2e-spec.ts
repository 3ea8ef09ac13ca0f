import fc from 'fast-check';
import { startApp, type TestApp } from '../support/app';
import { bearer, type Session } from '../support/factories';
import { pathWith, ROUTE_POLICY, splitRoute, type RoutePolicy } from './route-policy';
import { buildWorld, ERROR_KEYS, LEAK_RE, type World } from './world';

/**
 * Property-based fuzzing of every route's body, query and path id, driven by the policy table and the
 * OpenAPI document (field and parameter names). Whatever arrives, the reply is never a 5xx, never
 * carries a stack trace or SQL, and every 4xx has the contract's error shape.
 */

/** A JSON object kept as its entries, so keys like `__proto__` survive until they are on the wire. */
class Entries {
  constructor(readonly entries: [string, unknown][]) {}
}

function toJson(v: unknown): string {
  if (v instanceof Entries) return `{${v.entries.map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(',')}}`;
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v === undefined) return 'null';
  return JSON.stringify(v);
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$where', '$ne'];

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    '',
    ' ',
    'null',
    'undefined',
    'NaN',
    'Infinity',
    '-1',
    '0',
    '1e309',
    '99999999999999999999',
    '0x10',
    '2026-02-30',
    '0000-00-00',
    '9999-12-31',
    '2026-13-01T25:61:00Z',
    "' OR '1'='1",
    '"; DROP TABLE users; --',
    '%',
    '_',
    '\\',
    '\\%',
    '\u0000',
    '\u202e',
    '<script>alert(1)</script>',
    '../../../etc/passwd',
    '${7*7}',
    '1671-26-000123-7',
    '1671260001237',
    '1671051205950001',
    '00000000-0000-0000-0000-000000000000',
    '𝕏'.repeat(300),
    'x'.repeat(10_000),
    'y'.repeat(200_000),
  ),
);

const hostileScalar = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, -0, 0.5, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1e308, -1e308),
  fc.boolean(),
  fc.constant(null),
);

function hostileValue(keys: string[]) {
  const key = fc.oneof(fc.constantFrom(...keys, ...HOSTILE_KEYS), fc.string({ maxLength: 12 }));
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      hostileScalar,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((e) => new Entries(e as [string, unknown][])),
    ),
  })).value;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string }[];
        requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
      }
    >
  >;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

describe('security: fuzzing', () => {
  let t: TestApp;
  let w: World;
  let doc: OpenApiDoc;
  const runs = Number(process.env.FUZZ_RUNS ?? 30);

  beforeAll(async () => {
    t = await startApp({
      VALIDATION_RATE_LIMIT: '1000000',
      CARD_MISMATCH_LIMIT: '1000000',
      REGISTRATION_RATE_LIMIT: '1000000',
      LOGIN_FAILURE_LIMIT_PER_EMAIL: '1000000',
      LOGIN_FAILURE_LIMIT_PER_ADDRESS: '1000000',
    });
    w = await buildWorld(t);
    doc = (await t.http.get('/docs-json').expect(200)).body;
  });
  /** Replies by status over the whole run: shows the fuzzing got past validation, not only into it. */
  const statuses = new Map<number, number>();
  afterAll(async () => {
    console.log(
      `fuzzing: ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests (${runs} runs per route), replies by status ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    await t.close();
  });

  /** Body field names (from the OpenAPI schema) and query parameter names of a route. */
  function namesOf(p: RoutePolicy): { bodyKeys: string[]; queryKeys: string[] } {
    const { method, path } = splitRoute(p.route);
    const op = doc.paths[path]?.[method.toLowerCase()];
    const ref = op?.requestBody?.content?.['application/json']?.schema?.$ref;
    const schema = ref ? doc.components.schemas[ref.split('/').pop()!] : undefined;
    return {
      bodyKeys: Object.keys(schema?.properties ?? {}),
      queryKeys: (op?.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name),
    };
  }

  /** The caller that may use the route, preferring the one whose objects are checked for ownership. */
  function callerFor(p: RoutePolicy): Session | null {
    if (p.allow.includes('public')) return null;
    if (p.allow.includes('verified') || p.allow.includes('employer')) return w.a;
    if (p.allow.includes('seeker')) return w.s1;
    return w.officer;
  }

  function ownId(p: RoutePolicy, caller: Session | null): string | undefined {
    const employer = caller === w.a;
    switch (p.object) {
      case 'vacancy':
      case 'vacancyOutcome':
        return caller === w.s1 ? w.vacancyB : w.vacancyA;
      case 'application':
        return employer ? w.appS2toA : w.appS1toB;
      case 'card':
        return w.s1.cardId;
      case 'employer':
        return employer ? w.a.employerId : w.pending.employerId;
      case 'seeker':
        return w.s2.seekerId;
      case 'document':
        return caller === w.s1 ? w.docS1 : w.docS2;
      case 'placement':
        return w.placementB;
      default:
        return undefined;
    }
  }

  type Input = {
    body?: string;
    csv?: string;
    query?: [string, string | string[]][];
    id?: string;
    idempotencyKey?: string;
  };

  function inputs(p: RoutePolicy): fc.Arbitrary<Input> {
    const { method } = splitRoute(p.route);
    const { bodyKeys, queryKeys } = namesOf(p);
    const options: fc.Arbitrary<Input>[] = [];
    const value = hostileValue(bodyKeys);
    if (method !== 'GET') {
      if (p.csv) {
        options.push(
          fc
            .oneof(
              fc.string({ maxLength: 400 }),
              fc
                .array(
                  fc.array(hostileString, { maxLength: 12 }).map((cells) => cells.join(',')),
                  { maxLength: 8 },
                )
                .map(
                  (l) =>
                    `cardNumber,nik,fullName,birthPlace,birthDate,gender,address,educationLevel,issuedAt,status\n${l.join('\n')}`,
                ),
            )
            .map((csv) => ({ csv })),
        );
      } else {
        const base = p.body ? Object.entries(p.body(w) as Record<string, unknown>) : [];
        const key = fc.oneof(fc.constantFrom(...bodyKeys, ...HOSTILE_KEYS), fc.string({ maxLength: 12 }));
        // A valid body with a few fields replaced or added ...
        options.push(
          fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 3 }).map((changes) => {
            const entries = base.filter(([k]) => !changes.some(([c]) => c === k));
            return { body: toJson(new Entries([...entries, ...changes])) };
          }),
        );
        // ... or anything at all in its place.
        options.push(value.map((v) => ({ body: toJson(v) })));
      }
      options.push(
        fc
          .string({ unit: 'grapheme-ascii', maxLength: 300 })
          .map((idempotencyKey) => ({ body: toJson(new Entries(Object.entries(p.body?.(w) ?? {}))), idempotencyKey })),
      );
    }
    const qKey = fc.oneof(
      fc.constantFrom(...queryKeys, 'page', 'pageSize', 'format', ...HOSTILE_KEYS),
      fc.string({ maxLength: 10 }),
      fc.constantFrom(...queryKeys, 'page').map((k) => `${k}[$ne]`),
    );
    const qValue = fc.oneof(
      hostileString.filter((s) => s.length < 5000),
      fc.array(fc.string({ maxLength: 10 }), { minLength: 2, maxLength: 3 }),
    );
    options.push(fc.array(fc.tuple(qKey, qValue), { minLength: 1, maxLength: 4 }).map((query) => ({ query })));
    if (p.object)
      options.push(
        fc
          .oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.uuid())
          .map((id) => ({ id })),
      );
    return fc.oneof(...options);
  }

  async function send(p: RoutePolicy, input: Input) {
    const { method, path } = splitRoute(p.route);
    const caller = callerFor(p);
    const id = input.id ?? ownId(p, caller);
    let url = pathWith(path, id === '' ? ' ' : id);
    if (input.query) {
      const qs = input.query
        .flatMap(([k, v]) =>
          (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`),
        )
        .join('&');
      url += `?${qs}`;
    }
    let req = t.http[method.toLowerCase() as 'get' | 'post' | 'patch'](url);
    if (caller) req = req.set(bearer(caller));
    if (input.idempotencyKey !== undefined) req = req.set('Idempotency-Key', input.idempotencyKey);
    if (input.csv !== undefined) return req.set('Content-Type', 'text/csv').send(input.csv);
    if (input.body !== undefined) return req.set('Content-Type', 'application/json').send(input.body);
    return req;
  }

  it('has a route for each row of the policy table', () => {
    expect(ROUTE_POLICY.length).toBeGreaterThan(50);
  });

  it.each(ROUTE_POLICY.map((p) => [p.route, p] as const))(
    '%s: no 5xx, no stack or SQL, errors in the contract shape',
    async (_r, p) => {
      await fc.assert(
        fc.asyncProperty(inputs(p), async (input) => {
          const res = await send(p, input);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500)
            throw new Error(`${res.status} for ${JSON.stringify(input).slice(0, 500)}: ${res.text.slice(0, 500)}`);
          if (res.status >= 400) {
            const body = res.body as Record<string, unknown>;
            const shapeOk =
              body.statusCode === res.status &&
              typeof body.error === 'string' &&
              typeof body.code === 'string' &&
              typeof body.message === 'string' &&
              Object.keys(body).every((k) => ERROR_KEYS.includes(k)) &&
              (body.details === undefined || Array.isArray(body.details));
            if (!shapeOk)
              throw new Error(
                `error body off contract for ${JSON.stringify(input).slice(0, 300)}: ${res.text.slice(0, 500)}`,
              );
            if (LEAK_RE.test(res.text)) throw new Error(`internal detail leaked: ${res.text.slice(0, 500)}`);
          }
        }),
        { numRuns: runs },
      );
    },
  );
});
