import { startApp, type TestApp } from '../support/app';
import { bearer } from '../support/factories';
import {
  CALLERS,
  CONSOLE_ROUTE,
  pathWith,
  refusalFor,
  MULTIPART_FILE,
  ROUTE_POLICY,
  splitRoute,
  type RoutePolicy,
} from './route-policy';
import { buildWorld, expectErrorShape, foreignObjects, objectIdOf, sessionOf, type World } from './world';

/**
 * Function-level and object-level authorisation, generated from the policy table, plus the check
 * that the table and the running app name exactly the same routes.
 */
describe('security: access control', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startApp({ VALIDATION_RATE_LIMIT: '100000', REGISTRATION_RATE_LIMIT: '100000' });
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  /** `METHOD /path` for every route the app serves, path parameters written `{id}` as in OpenAPI. */
  function servedRoutes(): string[] {
    const routes = t.routes.map(({ method, url }) => `${method} ${url.replace(/:(\w+)/g, '{$1}')}`);
    // Swagger's own UI and document, and the console's files (@fastify/static), are infrastructure,
    // not routes of the API or the console.
    return [...new Set(routes)].filter((r) => !/ \/(docs(-json|-yaml|\/|$)|assets\/)/.test(r));
  }

  async function documentedRoutes(): Promise<string[]> {
    const doc = (await t.http.get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    return Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
  }

  describe('route inventory', () => {
    const table = ROUTE_POLICY.map((p) => p.route);

    it('has one policy row per route', () => {
      expect(table.length).toBe(new Set(table).size);
    });

    it('covers every route the OpenAPI document lists, and names no route that is gone', async () => {
      const documented = await documentedRoutes();
      expect({
        notInPolicyTable: documented.filter((r) => !table.includes(r)),
        goneFromApp: table.filter((r) => !documented.includes(r)),
      }).toEqual({
        notInPolicyTable: [],
        goneFromApp: [],
      });
    });

    it("covers every route Nest's router serves (also those left out of the OpenAPI document)", () => {
      // Web console pages are accounted for by their mount points (see CONSOLE_ROUTE), not by this table.
      const served = servedRoutes().filter((r) => !CONSOLE_ROUTE.test(r));
      expect(served.length).toBeGreaterThan(40);
      expect({
        notInPolicyTable: served.filter((r) => !table.includes(r)),
        goneFromApp: table.filter((r) => !served.includes(r)),
      }).toEqual({
        notInPolicyTable: [],
        goneFromApp: [],
      });
    });
  });

  describe('function level: each caller against each route it must not call', () => {
    const cases = ROUTE_POLICY.flatMap((p) =>
      CALLERS.flatMap((caller) => {
        const refusal = refusalFor(p, caller);
        return refusal ? [{ p, caller, refusal }] : [];
      }),
    );

    it('has cases for every non-public route', () => {
      const guarded = ROUTE_POLICY.filter((p) => !p.allow.includes('public'));
      expect(new Set(cases.map((c) => c.p.route)).size).toBe(guarded.length);
    });

    it.each(cases.map((c) => [c.p.route, c.caller, c.refusal.status, c.refusal.code, c] as const))(
      '%s as %s → %i %s',
      async (_r, caller, status, code, c) => {
        const res = await send(c.p, objectIdFor(c.p), sessionOf(w, caller));
        expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
        expectErrorShape(res);
      },
    );
  });

  describe("object level: each caller against another tenant's objects", () => {
    const cases = ROUTE_POLICY.filter((p) => p.object).flatMap((p) =>
      CALLERS.filter((caller) => refusalFor(p, caller) === null).map((caller) => ({ p, caller })),
    );

    it('attacks every route that takes an id and that a non-officer may call', () => {
      const routes = new Set(cases.filter((c) => c.caller !== 'officer').map((c) => c.p.route));
      const expected = ROUTE_POLICY.filter((p) => p.object && p.allow.some((a) => a !== 'officer')).map((p) => p.route);
      expect([...routes].sort()).toEqual(expected.sort());
    });

    it.each(cases.map((c) => [c.p.route, c.caller, c] as const))(
      '%s as %s → 404 for objects not its own, nothing leaked',
      async (_r, caller, c) => {
        const targets = foreignObjects(w, c.p, caller);
        if (caller === 'officer') {
          expect(targets).toEqual([]); // officers may see every object
          return;
        }
        expect(targets.length).toBeGreaterThan(0);
        for (const target of targets) {
          const res = await send(c.p, target.id, sessionOf(w, caller));
          expect({ target: target.label, status: res.status, code: res.body.code }).toEqual({
            target: target.label,
            status: 404,
            code: 'NOT_FOUND',
          });
          expectErrorShape(res);
          for (const secret of w.secrets) expect(res.text).not.toContain(secret);
          // Control: the same read by the object's owner succeeds, so the 404 above is about ownership.
          if (c.p.route.startsWith('GET ')) expect((await send(c.p, target.id, target.owner)).status).toBe(200);
        }
      },
    );

    it('left every attacked object exactly as it was', async () => {
      const vacancyB = await t.http.get(`/api/v1/vacancies/${w.vacancyB}`).set(bearer(w.b)).expect(200);
      expect(vacancyB.body).toMatchObject({ status: 'OPEN', filled: 0 });
      expect(vacancyB.body.title).not.toContain('penyerang');
      const draftB = await t.http.get(`/api/v1/vacancies/${w.draftB}`).set(bearer(w.b)).expect(200);
      expect(draftB.body.status).toBe('DRAFT');
      const appsB = await t.http.get(`/api/v1/vacancies/${w.vacancyB}/applications`).set(bearer(w.b)).expect(200);
      expect(appsB.body.items.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([
        [w.appS1toB, 'SUBMITTED'],
      ]);
      const mineS2 = await t.http.get('/api/v1/seekers/me/applications').set(bearer(w.s2)).expect(200);
      expect(mineS2.body.items.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([
        [w.appS2toA, 'SUBMITTED'],
      ]);
      const cardS2 = await t.http.get(`/api/v1/cards/${w.s2.cardId}`).set(bearer(w.s2)).expect(200);
      expect(cardS2.body).toMatchObject({ status: 'ACTIVE', reports: [] });
      const employerB = await t.http.get(`/api/v1/employers/${w.b.employerId}`).set(bearer(w.b)).expect(200);
      expect(employerB.body.status).toBe('VERIFIED');
    });
  });

  describe('lists show only the caller’s own objects', () => {
    it('card validations: an employer sees its own, never another’s, and cannot ask for another’s', async () => {
      const mine = await t.http.get('/api/v1/card-validations').set(bearer(w.a)).expect(200);
      expect(mine.body.items.length).toBeGreaterThan(0);
      expect(new Set(mine.body.items.map((v: { employerId: string }) => v.employerId))).toEqual(
        new Set([w.a.employerId]),
      );
      expect(mine.text).not.toContain(w.s2.nik);
      const theirs = await t.http
        .get(`/api/v1/card-validations?employerId=${w.b.employerId}`)
        .set(bearer(w.a))
        .expect(403);
      expectErrorShape(theirs);
    });

    it('placements: an employer sees its own, never another’s, and cannot ask for another’s', async () => {
      const ofB = await t.http.get('/api/v1/placements').set(bearer(w.b)).expect(200);
      expect(ofB.body.items.length).toBeGreaterThan(0);
      const ofA = await t.http.get('/api/v1/placements').set(bearer(w.a)).expect(200);
      expect(ofA.body.items).toEqual([]);
      expectErrorShape(
        await t.http.get(`/api/v1/placements?employerId=${w.b.employerId}`).set(bearer(w.a)).expect(403),
      );
    });

    it("an employer's vacancy list holds none of B's vacancies; public search shows no draft", async () => {
      const mine = await t.http.get('/api/v1/employers/me/vacancies?pageSize=100').set(bearer(w.a)).expect(200);
      expect(mine.body.items.map((v: { id: string }) => v.id)).toEqual([w.vacancyA]);
      const search = await t.http.get(`/api/v1/vacancies?employerId=${w.b.employerId}`).expect(200);
      expect(search.body.items.map((v: { id: string }) => v.id)).toEqual([w.vacancyB]);
    });

    it("a seeker's applications and cards are its own only", async () => {
      const apps = await t.http.get('/api/v1/seekers/me/applications').set(bearer(w.s1)).expect(200);
      expect(apps.body.items.map((a: { id: string }) => a.id)).toEqual([w.appS1toB]);
      const cards = await t.http.get('/api/v1/cards/me').set(bearer(w.s1)).expect(200);
      expect(cards.body.current.id).toBe(w.s1.cardId);
      expect(cards.text).not.toContain(w.s2.cardNumber);
    });

    it("an employer's view of its applicants carries no NIK, birth date or address", async () => {
      const res = await t.http.get(`/api/v1/vacancies/${w.vacancyB}/applications`).set(bearer(w.b)).expect(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.text).not.toContain(w.s1.nik);
      expect(res.text).not.toMatch(/"(nik|nikHash|nikEncrypted|birthDate|address)"/);
    });
  });

  /** An id of the right kind for function-level calls (the guard answers before the object is read). */
  function objectIdFor(p: RoutePolicy): string | undefined {
    return objectIdOf(w, p.object);
  }

  function send(p: RoutePolicy, id: string | undefined, session: { token: string } | null) {
    const { method, path } = splitRoute(p.route);
    let req = t.http[method.toLowerCase() as 'get' | 'post' | 'patch'](pathWith(path, id));
    if (session) req = req.set(bearer(session));
    if (!p.body) return req;
    if (p.multipart) {
      for (const [k, v] of Object.entries(p.body(w) as Record<string, string>)) req = req.field(k, v);
      return req.attach('file', MULTIPART_FILE, 'file.pdf');
    }
    return p.csv ? req.set('Content-Type', 'text/csv').send(p.body(w) as string) : req.send(p.body(w) as object);
  }
});
