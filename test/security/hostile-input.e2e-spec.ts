import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  companyBody,
  makeOfficer,
  PASSWORD,
  postVacancy,
  seekerProfile,
  uniq,
  vacancyBody,
  verifiedEmployer,
  type EmployerSession,
  type Session,
} from '../support/factories';
import { expectErrorShape } from './world';
import { browser, csrfOf, signIn } from '../console/support';

/**
 * Findings of the outside security audit (docs/security.md, "Findings of the outside audit"): hostile
 * input that used to answer 500, slip through silently, or hide field errors. Each answer must be a 4xx
 * in the contract's shape that names the offending field.
 */
describe('security: hostile input (outside audit)', () => {
  let t: TestApp;
  let officer: Session;
  let employer: EmployerSession;

  beforeAll(async () => {
    t = await startApp({
      REGISTRATION_RATE_LIMIT: '1000000',
      LOGIN_FAILURE_LIMIT_PER_EMAIL: '1000000',
      LOGIN_FAILURE_LIMIT_PER_ADDRESS: '1000000',
    });
    officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
  });
  afterAll(() => t.close());

  const fields = (res: { body: { details?: { field: string }[] } }) => (res.body.details ?? []).map((d) => d.field);

  /** Sends a JSON text as is, so escapes like \ud800 and keys like __proto__ reach the server unchanged. */
  function rawJson(method: 'post' | 'patch', url: string, json: string, auth?: Session) {
    let req = t.http[method](url).set('Content-Type', 'application/json');
    if (auth) req = req.set(bearer(auth));
    return req.send(json);
  }

  function expectValidationFailed(
    res: { status: number; body: { code?: string; details?: { field: string }[] }; text: string },
    field?: string,
  ) {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expectErrorShape(res);
    if (field !== undefined) expect(fields(res)).toContain(field);
  }

  describe('1. deeply nested JSON', () => {
    const deep = '['.repeat(400_000) + ']'.repeat(400_000);

    it('refuses 400 000 nested arrays on an unauthenticated route with 400, not 500', async () => {
      const res = await rawJson('post', '/api/v1/auth/login', deep);
      expectValidationFailed(res, 'body');
      expect(res.body.message).toMatch(/nested/i);
    });

    it('refuses it on authenticated routes and on the console alike', async () => {
      expectValidationFailed(await rawJson('post', '/api/v1/vacancies', deep, employer), 'body');
      const console = await t.http.post('/masuk').set('Content-Type', 'application/json').send(deep);
      expect(console.status).toBe(400);
      expect(console.body.code).toBe('VALIDATION_FAILED');
    });

    it('refuses objects nested 33 deep and lets 32 through to validation', async () => {
      const nest = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);
      const body = (depth: number) => `{"email":"x@y.co","password":"p","extra":${nest(depth - 1)}}`;
      expectValidationFailed(await rawJson('post', '/api/v1/auth/login', body(33)), 'body');
      // Depth 32 is parsed: the refusal is the ordinary unknown-field one.
      const ok = await rawJson('post', '/api/v1/auth/login', body(32));
      expectValidationFailed(ok, 'extra');
      expect(fields(ok)).not.toContain('body');
    });

    it('counts brackets outside strings only (escaped quotes included)', async () => {
      const email = `${uniq('deep')}@mail.test`;
      const json = `{"email":"${email}","password":"\\"${'['.repeat(1000)}\\\\"}`;
      const res = await rawJson('post', '/api/v1/auth/login', json);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
    });
  });

  describe('2a. lone surrogates', () => {
    const lone = '\\ud800@x.co';

    it('refuses a lone surrogate in the email of every registration route and of sign-in, naming the field', async () => {
      const seeker = JSON.stringify({ password: PASSWORD, ...seekerProfile() }).slice(1, -1);
      const company = JSON.stringify(companyBody());
      const cases: [string, string, Session?][] = [
        ['/api/v1/auth/register/seeker', `{"email":"${lone}",${seeker}}`],
        [
          '/api/v1/auth/register/employer',
          `{"email":"${lone}","password":"${PASSWORD}","fullName":"Staf HR","company":${company}}`,
        ],
        ['/api/v1/officers', `{"email":"${lone}","password":"${PASSWORD}","fullName":"Petugas Baru"}`, officer],
        [
          '/api/v1/employers/me/staff',
          `{"email":"${lone}","password":"${PASSWORD}","fullName":"Staf Kedua"}`,
          employer,
        ],
        ['/api/v1/auth/login', `{"email":"${lone}","password":"${PASSWORD}"}`],
      ];
      for (const [url, json, auth] of cases) {
        const res = await rawJson('post', url, json, auth);
        expectValidationFailed(res, 'email');
        expect(fields(res)).toEqual(['email']);
        expect(res.body.details[0].messages[0]).toMatch(/email contains an unpaired surrogate/);
      }
    });

    it('reports the other field errors of the body in the same answer', async () => {
      const res = await rawJson(
        'post',
        '/api/v1/officers',
        `{"email":"${lone}","password":"short","fullName":"Petugas Baru","constructor":1}`,
        officer,
      );
      expectValidationFailed(res);
      expect(fields(res).sort()).toEqual(['constructor', 'email', 'password']);
    });

    it('refuses one anywhere in a body: nested fields, array items, keys', async () => {
      const company = JSON.stringify(companyBody({ legalName: 'PT \ud800' }));
      expect(company).toContain('\\ud800');
      const reg = await rawJson(
        'post',
        '/api/v1/auth/register/employer',
        `{"email":"${uniq('hr')}@company.test","password":"${PASSWORD}","fullName":"Staf HR","company":${company}}`,
      );
      expectValidationFailed(reg, 'company.legalName');

      const vac = await rawJson(
        'post',
        '/api/v1/vacancies',
        JSON.stringify(vacancyBody(t, { skills: ['las', 'x\udc00y'] })),
        employer,
      );
      expectValidationFailed(vac, 'skills.1');

      const key = await rawJson('post', '/api/v1/auth/login', `{"email":"a@b.co","password":"p","k\\udbff":1}`);
      expect(key.status).toBe(400);
      expect(key.body.code).toBe('VALIDATION_FAILED');
    });

    it('accepts a well-formed pair (an emoji) where text is free', async () => {
      const v = await postVacancy(t, employer, { title: 'Kasir 😀 toko' });
      expect(v.title).toBe('Kasir 😀 toko');
    });
  });

  describe('2b. dates outside any sane period', () => {
    const routes = [
      '/api/v1/placements',
      '/api/v1/card-validations',
      '/api/v1/audit-events',
      '/api/v1/monitoring/summary',
      '/api/v1/monitoring/employers',
    ];

    it.each(routes)('%s refuses far-future and far-past dates with 400 naming the field', async (route) => {
      const caller = route === '/api/v1/audit-events' || route.startsWith('/api/v1/monitoring') ? officer : employer;
      for (const [query, field] of [
        ['to=9999-12-31', 'to'],
        ['from=9999-12-31', 'from'],
        ['to=2101-01-01', 'to'],
        ['from=0000-01-01', 'from'],
        ['from=0099-06-15', 'from'],
        ['from=1899-12-31', 'from'],
        ['from=2026-03-01&to=2026-02-01', 'to'],
      ] as const) {
        const res = await t.http.get(`${route}?${query}`).set(bearer(caller));
        expectValidationFailed(res, field);
      }
      // The same, asked for as CSV.
      expectValidationFailed(await t.http.get(`${route}?to=9999-12-31&format=csv`).set(bearer(caller)), 'to');
      // The bounds themselves are fine.
      const ok = await t.http.get(`${route}?from=1900-01-01&to=2100-12-31`).set(bearer(caller));
      expect(ok.status).toBe(200);
    });

    it('an employer asking for placements with only a far-future `to` as well', async () => {
      expectValidationFailed(await t.http.get('/api/v1/placements?to=9999-12-31').set(bearer(officer)), 'to');
    });

    it('the console reports fall back to this month instead of answering 500', async () => {
      const b = browser(t);
      await signIn(b, officer.email);
      for (const q of ['to=9999-12-31', 'from=9999-12-31', 'from=0000-01-01&to=9999-12-31']) {
        expect((await b.get(`/petugas?${q}`)).status).toBe(200);
      }
    });

    it('/reports/* refuse years outside their range', async () => {
      for (const r of [
        'ipk-iii-1',
        'ipk-iii-2',
        'ipk-iii-3',
        'ipk-iii-4',
        'ipk-iii-5',
        'ipk-iii-6',
        'ipk-iii-7',
        'ipk-iii-8',
      ]) {
        expectValidationFailed(
          await t.http.get(`/api/v1/reports/${r}?year=9999&month=12`).set(bearer(officer)),
          'year',
        );
      }
    });
  });

  describe('2c. forms with too many fields', () => {
    const form = Array.from({ length: 1001 }, (_, i) => `f${i}=x`).join('&');

    it('an API route answers 400 in the contract shape', async () => {
      const res = await t.http
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(form);
      expectValidationFailed(res, 'body');
    });

    it('a console form answers the same JSON 400 (the body is refused before any route runs)', async () => {
      const res = await t.http.post('/masuk').set('Content-Type', 'application/x-www-form-urlencoded').send(form);
      expectValidationFailed(res, 'body');
    });
  });

  describe('3. keys that collide with Object.prototype', () => {
    const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

    it.each(KEYS)('refuses %s at the top level, in a nested object and in an array item', async (key) => {
      const top = await rawJson(
        'post',
        '/api/v1/auth/login',
        `{"email":"a@b.co","password":"p",${JSON.stringify(key)}:{"x":1}}`,
      );
      expectValidationFailed(top, key);

      const company = JSON.stringify(companyBody()).slice(0, -1) + `,${JSON.stringify(key)}:"x"}`;
      const reg = await rawJson(
        'post',
        '/api/v1/auth/register/employer',
        `{"email":"${uniq('hr')}@company.test","password":"${PASSWORD}","fullName":"Staf HR","company":${company}}`,
      );
      expectValidationFailed(reg, `company.${key}`);

      const profile = JSON.stringify({ email: `${uniq('s')}@mail.test`, password: PASSWORD, ...seekerProfile() });
      const deep = profile.replace('"experience":[{', `"experience":[{${JSON.stringify(key)}:1,`);
      expect(deep).not.toBe(profile);
      expectValidationFailed(await rawJson('post', '/api/v1/auth/register/seeker', deep), `experience.0.${key}`);
    });

    it('refuses them on a PATCH as well, and leaves the object unchanged', async () => {
      const v = await postVacancy(t, employer);
      const res = await rawJson(
        'patch',
        `/api/v1/vacancies/${v.id}`,
        '{"title":"Judul Baru","constructor":{"prototype":{"x":1}}}',
        employer,
      );
      expectValidationFailed(res, 'constructor');
      const after = await t.http.get(`/api/v1/vacancies/${v.id}`).set(bearer(employer)).expect(200);
      expect(after.body.title).toBe(v.title);
    });

    it('refuses them in a query string', async () => {
      const res = await t.http.get('/api/v1/vacancies?constructor=x');
      expectValidationFailed(res, 'constructor');
    });
  });

  describe('4. Authorization header', () => {
    it('accepts exactly "Bearer <jwt>", any case of the scheme', async () => {
      for (const h of [`Bearer ${officer.token}`, `bearer ${officer.token}`, `BEARER ${officer.token}`]) {
        await t.http.get('/api/v1/auth/me').set('Authorization', h).expect(200);
      }
    });

    it('refuses anything more or less with 401 UNAUTHENTICATED', async () => {
      const tok = officer.token;
      for (const h of [
        `Bearer ${tok} extra`,
        `Bearer ${tok} ${tok}`,
        `Bearer ${tok},${tok}`,
        `Bearer ${tok}\textra`,
        `Bearer  ${tok}`,
        `Bearer\t${tok}`,
        `Basic ${tok}`,
        `${tok}`,
        'Bearer',
        `Bearer ${tok}.x`,
        `Bearer x${tok}`,
      ]) {
        const res = await t.http.get('/api/v1/auth/me').set('Authorization', h);
        expect({ h: h.replace(tok, '<jwt>'), status: res.status, code: res.body.code }).toEqual({
          h: h.replace(tok, '<jwt>'),
          status: 401,
          code: 'UNAUTHENTICATED',
        });
      }
    });
  });

  describe('5. vacancy: every field error in one answer', () => {
    const yesterday = () => {
      const [y, m, d] = t.clock.today().split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
    };

    it('POST /vacancies names closesAt (in the past) with the other bad fields', async () => {
      const res = await t.http
        .post('/api/v1/vacancies')
        .set(bearer(employer))
        .send(vacancyBody(t, { title: 'x', quota: 0, employmentType: 'SOMETIMES', closesAt: yesterday() }));
      expectValidationFailed(res);
      expect(fields(res).sort()).toEqual(['closesAt', 'employmentType', 'quota', 'title']);
    });

    it('POST /vacancies names today as a closing date, and the salary and age ranges, with the other bad fields', async () => {
      const res = await t.http
        .post('/api/v1/vacancies')
        .set(bearer(employer))
        .send(
          vacancyBody(t, {
            title: 'x',
            closesAt: t.clock.today(),
            salaryMin: 5_000_000,
            salaryMax: 4_000_000,
            ageMin: 40,
            ageMax: 20,
          }),
        );
      expectValidationFailed(res);
      expect(fields(res).sort()).toEqual(['ageMin', 'closesAt', 'salaryMin', 'title']);
    });

    it('PATCH /vacancies/:id names closesAt with the other bad fields', async () => {
      const v = await postVacancy(t, employer);
      const res = await t.http
        .patch(`/api/v1/vacancies/${v.id}`)
        .set(bearer(employer))
        .send({ title: 'x', quota: 0, closesAt: yesterday(), salaryMin: 9, salaryMax: 1 });
      expectValidationFailed(res);
      expect(fields(res).sort()).toEqual(['closesAt', 'quota', 'salaryMin', 'title']);
      // Alone, a past closing date is still refused, by field.
      const alone = await t.http
        .patch(`/api/v1/vacancies/${v.id}`)
        .set(bearer(employer))
        .send({ closesAt: yesterday() });
      expectValidationFailed(alone, 'closesAt');
    });

    it('the console vacancy form marks the closing date with the other bad fields', async () => {
      const b = browser(t);
      await signIn(b, employer.email);
      const form = await b.get('/perusahaan/lowongan/baru');
      const body = Object.fromEntries(
        Object.entries(vacancyBody(t, { title: 'x', closesAt: yesterday() })).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.join(', ') : String(v),
        ]),
      );
      const res = await b
        .post('/perusahaan/lowongan/baru')
        .type('form')
        .send({ _csrf: csrfOf(form.text), ...body });
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/id="f-title"[^>]*aria-invalid="true"/);
      expect(res.text).toMatch(/id="f-closesAt"[^>]*aria-invalid="true"/);
    });

    it('follows the injected clock, not the machine clock', async () => {
      const v = await postVacancy(t, employer);
      t.clock.set('2031-06-01T03:00:00Z');
      try {
        const res = await t.http
          .patch(`/api/v1/vacancies/${v.id}`)
          .set(bearer(employer))
          .send({ title: 'x', closesAt: '2031-05-31' });
        expect(fields(res).sort()).toEqual(['closesAt', 'title']);
        await t.http
          .patch(`/api/v1/vacancies/${v.id}`)
          .set(bearer(employer))
          .send({ closesAt: '2031-06-02' })
          .expect(200);
      } finally {
        t.clock.reset();
      }
    });
  });
});
