import { AuditEvent } from '../../src/audit/audit-event.entity';
import { DailyJobs } from '../../src/jobs/daily-jobs.service';
import { Vacancy } from '../../src/vacancies/vacancy.entity';
import { Application } from '../../src/applications/application.entity';
import { VacanciesService } from '../../src/vacancies/vacancies.service';
import { Transactions } from '../../src/database/transactions';
import { startApp, type TestApp } from '../support/app';
import { world, type World } from '../support/world';
import {
  bearer,
  postVacancy,
  registerEmployer,
  vacancyBody,
  verifiedEmployer,
  type EmployerSession,
  type Session,
} from '../support/factories';

const V = '/api/v1/vacancies';

describe('vacancies: lifecycle, rules, visibility, daily close', () => {
  let t: TestApp;
  let officer: Session;
  let employer: EmployerSession;
  let w: World;
  /** An undecided application to the vacancy, to see it close with the vacancy. */
  const applicant = async (vacancyId: string): Promise<string> =>
    w.application({ id: vacancyId }, await w.seeker({ account: true }).withActiveCard());
  const application = (id: string) => t.ds.getRepository(Application).findOneByOrFail({ id });

  beforeAll(async () => {
    t = await startApp();
    w = world(t);
    officer = await w.session(await w.officer());
    const company = await w.verifiedEmployer();
    employer = { ...(await w.session(company.actor)), employerId: company.id };
  });
  afterAll(() => t.close());

  describe('posting', () => {
    it('creates an OPEN vacancy with every field of the report and the read-only ones', async () => {
      const body = vacancyBody(t, { major: 'Teknik Mesin', genderRequirement: 'L' });
      const res = await t.http.post(V).set(bearer(employer)).send(body).expect(201);
      expect(res.body).toMatchObject({
        ...body,
        status: 'OPEN',
        requiresAk1: true,
        filled: 0,
        remaining: 2,
        employer: { id: employer.employerId, legalName: expect.stringMatching(/^PT /) },
      });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(res.body.publishedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    });

    it('defaults genderRequirement to ANY and requiresAk1 to true, and honours requiresAk1=false', async () => {
      const { genderRequirement: _g, ...rest } = vacancyBody(t) as Record<string, unknown>;
      void _g;
      const a = await t.http.post(V).set(bearer(employer)).send(rest).expect(201);
      expect(a.body.genderRequirement).toBe('ANY');
      expect(a.body.requiresAk1).toBe(true);
      const b = await t.http
        .post(V)
        .set(bearer(employer))
        .send(vacancyBody(t, { requiresAk1: false }))
        .expect(201);
      expect(b.body.requiresAk1).toBe(false);
    });

    it('keeps a DRAFT unpublished until publish', async () => {
      const draft = await postVacancy(t, employer, { status: 'DRAFT' });
      expect(draft.status).toBe('DRAFT');
      expect(draft.publishedAt).toBeNull();
      const res = await t.http.post(`${V}/${draft.id}/publish`).set(bearer(employer)).expect(200);
      expect(res.body.status).toBe('OPEN');
      expect(res.body.publishedAt).toEqual(expect.any(String));
      const again = await t.http.post(`${V}/${draft.id}/publish`).set(bearer(employer)).expect(409);
      expect(again.body.code).toBe('INVALID_STATE_TRANSITION');
    });

    it('refuses to publish a draft whose closing date has passed with 422 CLOSING_DATE_PASSED', async () => {
      const draft = await postVacancy(t, employer, { status: 'DRAFT' });
      t.clock.advanceDays(31);
      try {
        const res = await t.http.post(`${V}/${draft.id}/publish`).set(bearer(employer)).expect(422);
        expect(res.body.code).toBe('CLOSING_DATE_PASSED');
      } finally {
        t.clock.reset();
      }
    });

    it.each([
      ['salaryMin', { salaryMin: 5_000_000, salaryMax: 4_000_000 }],
      ['ageMin', { ageMin: 40, ageMax: 30 }],
      ['closesAt', { closesAt: '2020-01-01' }],
      ['educationMin', { educationMin: 'SLTA' }],
      ['kecamatanCode', { kecamatanCode: '16.71.99' }],
      ['quota', { quota: 0 }],
      ['closesAt', { closesAt: '2026-02-30' }],
      ['employmentType', { employmentType: 'FREELANCE' }],
      ['occupationCode', { occupationCode: '83' }],
    ])('answers field-level 400 for a bad %s', async (field, patch) => {
      const res = await t.http.post(V).set(bearer(employer)).send(vacancyBody(t, patch)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('refuses a closing date of today (it must lie after today, Asia/Jakarta)', async () => {
      const res = await t.http
        .post(V)
        .set(bearer(employer))
        .send(vacancyBody(t, { closesAt: t.clock.today() }))
        .expect(400);
      expect(res.body.details).toEqual([{ field: 'closesAt', messages: [expect.stringContaining('after today')] }]);
    });

    it('lets only staff of a verified employer post', async () => {
      const pending = await registerEmployer(t);
      expect((await t.http.post(V).set(bearer(pending)).send(vacancyBody(t)).expect(403)).body.code).toBe(
        'EMPLOYER_NOT_VERIFIED',
      );
      expect((await t.http.post(V).set(bearer(officer)).send(vacancyBody(t)).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await t.http.post(V).send(vacancyBody(t)).expect(401)).body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('editing', () => {
    it('edits an OPEN vacancy and clears optional fields with null', async () => {
      const v = await postVacancy(t, employer);
      const res = await t.http
        .patch(`${V}/${v.id}`)
        .set(bearer(employer))
        .send({
          title: 'Operator Forklift Senior',
          quota: 5,
          salaryMax: null,
          skills: ['Forklift', 'forklift', ' SIM B1 '],
        })
        .expect(200);
      expect(res.body).toMatchObject({
        title: 'Operator Forklift Senior',
        quota: 5,
        remaining: 5,
        salaryMax: null,
        salaryMin: 3_500_000,
        skills: ['Forklift', 'SIM B1'],
      });
    });

    it('checks ranges against the merged report', async () => {
      const v = await postVacancy(t, employer);
      const res = await t.http.patch(`${V}/${v.id}`).set(bearer(employer)).send({ salaryMin: 9_000_000 }).expect(400);
      expect(res.body.details).toEqual([{ field: 'salaryMin', messages: [expect.any(String)] }]);
      expect(
        (await t.http.patch(`${V}/${v.id}`).set(bearer(employer)).send({ title: null }).expect(400)).body.details[0]
          .field,
      ).toBe('title');
      expect(
        (await t.http.patch(`${V}/${v.id}`).set(bearer(employer)).send({ status: 'OPEN' }).expect(400)).body.details[0]
          .field,
      ).toBe('status');
    });

    it('never lets the quota drop below the filled positions (422 QUOTA_BELOW_FILLED)', async () => {
      const v = await postVacancy(t, employer, { quota: 3 });
      const waiting = await applicant(v.id);
      await t.app.get(Transactions).run((m) => t.app.get(VacanciesService).countHire(m, null, v.id));
      await t.app.get(Transactions).run((m) => t.app.get(VacanciesService).countHire(m, null, v.id));
      const res = await t.http.patch(`${V}/${v.id}`).set(bearer(employer)).send({ quota: 1 }).expect(422);
      expect(res.body.code).toBe('QUOTA_BELOW_FILLED');
      const filled = await t.http.patch(`${V}/${v.id}`).set(bearer(employer)).send({ quota: 2 }).expect(200);
      expect(filled.body).toMatchObject({
        status: 'FILLED',
        quota: 2,
        filled: 2,
        remaining: 0,
        closedReason: 'FILLED',
      });
      expect(await application(waiting)).toMatchObject({ status: 'CLOSED', closedReason: 'VACANCY_FILLED' });
    });

    it('refuses edits to a CLOSED or FILLED vacancy with 409', async () => {
      const v = await postVacancy(t, employer);
      await t.http.post(`${V}/${v.id}/close`).set(bearer(employer)).send({}).expect(200);
      const res = await t.http.patch(`${V}/${v.id}`).set(bearer(employer)).send({ title: 'Lagi' }).expect(409);
      expect(res.body.code).toBe('INVALID_STATE_TRANSITION');

      const full = await postVacancy(t, employer, { quota: 1 });
      await t.app.get(Transactions).run((m) => t.app.get(VacanciesService).countHire(m, null, full.id));
      expect((await t.http.get(`${V}/${full.id}`).set(bearer(employer)).expect(200)).body.status).toBe('FILLED');
      expect(
        (await t.http.patch(`${V}/${full.id}`).set(bearer(employer)).send({ title: 'Lagi' }).expect(409)).body.code,
      ).toBe('INVALID_STATE_TRANSITION');
    });

    it("hides another company's vacancy from edits (404)", async () => {
      const other = await verifiedEmployer(t, officer);
      const v = await postVacancy(t, employer);
      expect(
        (await t.http.patch(`${V}/${v.id}`).set(bearer(other)).send({ title: 'Bukan milikmu' }).expect(404)).body.code,
      ).toBe('NOT_FOUND');
      expect((await t.http.post(`${V}/${v.id}/close`).set(bearer(other)).send({}).expect(404)).body.code).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('closing', () => {
    it('closes by its employer with a reason, and its undecided applications close with it', async () => {
      const v = await postVacancy(t, employer);
      const waiting = await applicant(v.id);
      const res = await t.http
        .post(`${V}/${v.id}/close`)
        .set(bearer(employer))
        .send({ reason: 'Sudah terisi dari internal' })
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'CLOSED',
        closedReason: 'CLOSED_BY_EMPLOYER',
        closeNote: 'Sudah terisi dari internal',
      });
      expect(res.body.closedAt).toEqual(expect.any(String));
      expect(await application(waiting)).toMatchObject({ status: 'CLOSED', closedReason: 'VACANCY_CLOSED' });
      expect((await t.http.post(`${V}/${v.id}/close`).set(bearer(employer)).send({}).expect(409)).body.code).toBe(
        'INVALID_STATE_TRANSITION',
      );
    });

    it('lets an officer close any vacancy, with or without a body', async () => {
      const v = await postVacancy(t, employer);
      const res = await t.http.post(`${V}/${v.id}/close`).set(bearer(officer)).expect(200);
      expect(res.body).toMatchObject({ status: 'CLOSED', closedReason: 'CLOSED_BY_OFFICER' });
    });

    it('closes OPEN vacancies past their closing date in the daily job, once', async () => {
      const soon = await postVacancy(t, employer, { closesAt: vacancyBody(t, {}).closesAt });
      const waiting = await applicant(soon.id);
      const later = await postVacancy(t, employer, { closesAt: '2099-12-31' });
      const draft = await postVacancy(t, employer, { status: 'DRAFT' });
      t.clock.advanceDays(30);
      try {
        // On its closing date the vacancy still takes applications.
        await t.app.get(DailyJobs).runAll();
        expect((await t.http.get(`${V}/${soon.id}`).expect(200)).body.status).toBe('OPEN');
        t.clock.advanceDays(1);
        const first = await t.app.get(DailyJobs).runAll();
        expect((first['close-expired-vacancies'] as { closed: number }).closed).toBeGreaterThanOrEqual(1);
        const closed = await t.http.get(`${V}/${soon.id}`).set(bearer(employer)).expect(200);
        expect(closed.body).toMatchObject({ status: 'CLOSED', closedReason: 'EXPIRED' });
        expect(await application(waiting)).toMatchObject({ status: 'CLOSED', closedReason: 'VACANCY_CLOSED' });
        expect((await t.http.get(`${V}/${later.id}`).expect(200)).body.status).toBe('OPEN');
        expect((await t.http.get(`${V}/${draft.id}`).set(bearer(employer)).expect(200)).body.status).toBe('DRAFT');
        const second = await t.app.get(DailyJobs).runAll();
        expect(second['close-expired-vacancies']).toEqual({ closed: 0 });
        const audit = await t.ds.getRepository(AuditEvent).findBy({ entityId: soon.id, action: 'vacancy.expired' });
        expect(audit).toHaveLength(1);
        expect(audit[0].actorId).toBeNull();
      } finally {
        t.clock.reset();
      }
    });
  });

  describe('hires counted against the vacancy (for placements)', () => {
    it('fills the vacancy at its quota and then refuses more with VACANCY_FILLED', async () => {
      const v = await postVacancy(t, employer, { quota: 1 });
      const svc = t.app.get(VacanciesService);
      expect(await t.app.get(Transactions).run((m) => svc.countHire(m, null, v.id))).toBe('FILLED');
      await expect(t.app.get(Transactions).run((m) => svc.countHire(m, null, v.id))).rejects.toMatchObject({
        code: 'VACANCY_FILLED',
      });
      const row = await t.ds.getRepository(Vacancy).findOneByOrFail({ id: v.id });
      expect(row.filled).toBe(1);
      expect(row.closedReason).toBe('FILLED');
    });

    it('never counts more hires than the quota under concurrency', async () => {
      const v = await postVacancy(t, employer, { quota: 3 });
      const svc = t.app.get(VacanciesService);
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () => t.app.get(Transactions).run((m) => svc.countHire(m, null, v.id))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      const row = await t.ds.getRepository(Vacancy).findOneByOrFail({ id: v.id });
      expect(row).toMatchObject({ filled: 3, status: 'FILLED' });
    });
  });

  describe('reading', () => {
    it('shows an OPEN vacancy of a verified employer to anyone, others only to its employer and officers', async () => {
      const open = await postVacancy(t, employer);
      const draft = await postVacancy(t, employer, { status: 'DRAFT' });
      const other = await verifiedEmployer(t, officer);
      expect((await t.http.get(`${V}/${open.id}`).expect(200)).body.id).toBe(open.id);
      expect((await t.http.get(`${V}/${draft.id}`).expect(404)).body.code).toBe('NOT_FOUND');
      await t.http.get(`${V}/${draft.id}`).set(bearer(other)).expect(404);
      await t.http.get(`${V}/${draft.id}`).set('Authorization', 'Bearer nonsense').expect(404);
      expect((await t.http.get(`${V}/${draft.id}`).set(bearer(employer)).expect(200)).body.status).toBe('DRAFT');
      expect((await t.http.get(`${V}/${draft.id}`).set(bearer(officer)).expect(200)).body.status).toBe('DRAFT');
      await t.http.get(`${V}/not-a-uuid`).expect(404);
    });

    it('hides the vacancies of a suspended employer from the public, not from its staff', async () => {
      const e = await verifiedEmployer(t, officer);
      const v = await postVacancy(t, e);
      await t.http
        .post(`/api/v1/employers/${e.employerId}/suspend`)
        .set(bearer(officer))
        .send({ reason: 'Laporan palsu' })
        .expect(200);
      await t.http.get(`${V}/${v.id}`).expect(404);
      await t.http.get(`${V}/${v.id}`).set(bearer(e)).expect(200);
      await t.http.post(`/api/v1/employers/${e.employerId}/reinstate`).set(bearer(officer)).expect(200);
      await t.http.get(`${V}/${v.id}`).expect(200);
    });

    it("lists the company's own vacancies in every state, paginated and filtered by status", async () => {
      const e = await verifiedEmployer(t, officer);
      const a = await postVacancy(t, e);
      const b = await postVacancy(t, e, { status: 'DRAFT' });
      await postVacancy(t, employer);
      const all = await t.http.get('/api/v1/employers/me/vacancies?pageSize=1').set(bearer(e)).expect(200);
      expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
      expect([a.id, b.id]).toContain(all.body.items[0].id);
      const drafts = await t.http.get('/api/v1/employers/me/vacancies?status=DRAFT').set(bearer(e)).expect(200);
      expect(drafts.body.items.map((v: { id: string }) => v.id)).toEqual([b.id]);
      await t.http.get('/api/v1/employers/me/vacancies').set(bearer(officer)).expect(403);
    });
  });

  it('writes the audit trail for each change', async () => {
    const v = await postVacancy(t, employer, { status: 'DRAFT' });
    await t.http.post(`${V}/${v.id}/publish`).set(bearer(employer)).expect(200);
    await t.http.patch(`${V}/${v.id}`).set(bearer(employer)).send({ quota: 4 }).expect(200);
    await t.http.post(`${V}/${v.id}/close`).set(bearer(officer)).send({ reason: 'Duplikat' }).expect(200);
    const res = await t.http
      .get(`/api/v1/audit-events?entityType=vacancy&entityId=${v.id}`)
      .set(bearer(officer))
      .expect(200);
    const actions = res.body.items.map((e: { action: string }) => e.action).sort();
    expect(actions).toEqual(['vacancy.closed', 'vacancy.created', 'vacancy.published', 'vacancy.updated']);
    const updated = res.body.items.find((e: { action: string }) => e.action === 'vacancy.updated');
    expect(updated.before).toEqual({ quota: 2 });
    expect(updated.after).toEqual({ quota: 4 });
  });

  it('documents every vacancy route in OpenAPI', async () => {
    const paths = Object.keys((await t.http.get('/docs-json').expect(200)).body.paths);
    for (const p of [
      '/api/v1/vacancies',
      '/api/v1/vacancies/{id}',
      '/api/v1/vacancies/{id}/publish',
      '/api/v1/vacancies/{id}/close',
      '/api/v1/employers/me/vacancies',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
