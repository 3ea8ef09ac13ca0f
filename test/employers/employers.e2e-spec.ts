import { Controller, HttpCode, Post } from '@nestjs/common';
import { VerifiedEmployer } from '../../src/common/auth/decorators';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  companyBody,
  digits,
  login,
  makeOfficer,
  PASSWORD,
  registerEmployer,
  uniq,
  type Session,
} from '../support/factories';

/** A route behind the reusable verified-employer guard, mounted only in this test. */
@Controller('guard-probe')
class GuardProbeController {
  @Post()
  @HttpCode(200)
  @VerifiedEmployer()
  probe() {
    return { passed: true };
  }
}

describe('employers: registration, verification, staff', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp({ LOGIN_FAILURE_LIMIT_PER_EMAIL: '3', LOGIN_FAILURE_LIMIT_PER_ADDRESS: '1000' }, [
      GuardProbeController,
    ]);
    officer = await makeOfficer(t);
  });
  afterAll(() => t.close());

  describe('employer registration and validation', () => {
    const base = () => ({
      email: `${uniq('hr')}@company.test`,
      password: PASSWORD,
      fullName: 'Staf HR',
      company: companyBody(),
    });

    it('registers a company as PENDING with its first HR user', async () => {
      const body = base();
      const res = await t.http.post('/api/v1/auth/register/employer').send(body).expect(201);
      expect(res.body.employer).toMatchObject({
        status: 'PENDING',
        nib: body.company.nib,
        legalName: body.company.legalName,
      });
      expect(res.body.user).toMatchObject({ email: body.email, role: 'employer', employerId: res.body.employer.id });
      expect(res.body.user.passwordHash).toBeUndefined();
      expect(res.body.employer.id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it.each([
      ['company.nib', { nib: '123' }],
      ['company.kbli', { kbli: '4711' }],
      ['company.npwp', { npwp: '12345' }],
      ['company.kecamatanCode', { kecamatanCode: '16.71.99' }],
    ])('refuses a bad %s with a field error', async (field, patch) => {
      const body = base();
      Object.assign(body.company, patch);
      const res = await t.http.post('/api/v1/auth/register/employer').send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    });

    it('refuses a password shorter than 10 or longer than 128 characters', async () => {
      for (const password of ['short', 'x'.repeat(129)]) {
        const res = await t.http
          .post('/api/v1/auth/register/employer')
          .send({ ...base(), password })
          .expect(400);
        expect(res.body.details[0].field).toBe('password');
      }
    });

    it('accepts a 15-digit old-format NPWP and no NPWP at all', async () => {
      const a = base();
      a.company.npwp = digits(15);
      await t.http.post('/api/v1/auth/register/employer').send(a).expect(201);
      const b = base();
      delete (b.company as Record<string, unknown>).npwp;
      await t.http.post('/api/v1/auth/register/employer').send(b).expect(201);
    });

    it('refuses a duplicate NIB with DUPLICATE_EMPLOYER and a duplicate email with DUPLICATE_EMAIL', async () => {
      const first = base();
      await t.http.post('/api/v1/auth/register/employer').send(first).expect(201);
      const sameNib = base();
      sameNib.company.nib = first.company.nib;
      expect((await t.http.post('/api/v1/auth/register/employer').send(sameNib).expect(409)).body.code).toBe(
        'DUPLICATE_EMPLOYER',
      );
      const sameEmail = base();
      sameEmail.email = first.email.toUpperCase();
      expect((await t.http.post('/api/v1/auth/register/employer').send(sameEmail).expect(409)).body.code).toBe(
        'DUPLICATE_EMAIL',
      );
      // Nothing half-written: the refused company does not exist.
      const list = await t.http.get(`/api/v1/employers?q=${sameEmail.company.nib}`).set(bearer(officer)).expect(200);
      expect(list.body.total).toBe(0);
    });
  });

  describe('employer verification and the verified guard', () => {
    it('goes registration → login → officer verifies → guard lets the staff through', async () => {
      const e = await registerEmployer(t);
      const refused = await t.http.post('/api/v1/guard-probe').set(bearer(e)).expect(403);
      expect(refused.body.code).toBe('EMPLOYER_NOT_VERIFIED');

      const v = await t.http.post(`/api/v1/employers/${e.employerId}/verify`).set(bearer(officer)).expect(200);
      expect(v.body).toMatchObject({ status: 'VERIFIED', verifiedBy: officer.userId });
      expect(new Date(v.body.verifiedAt).toISOString()).toBe(v.body.verifiedAt);
      expect((await t.http.post('/api/v1/guard-probe').set(bearer(e)).expect(200)).body).toEqual({ passed: true });

      // Suspension takes effect at once, with the same token.
      await t.http
        .post(`/api/v1/employers/${e.employerId}/suspend`)
        .set(bearer(officer))
        .send({ reason: 'Laporan palsu' })
        .expect(200);
      expect((await t.http.post('/api/v1/guard-probe').set(bearer(e)).expect(403)).body.code).toBe(
        'EMPLOYER_NOT_VERIFIED',
      );
      const back = await t.http.post(`/api/v1/employers/${e.employerId}/reinstate`).set(bearer(officer)).expect(200);
      expect(back.body.status).toBe('VERIFIED');
      await t.http.post('/api/v1/guard-probe').set(bearer(e)).expect(200);
    });

    it('refuses transitions that break the rules with INVALID_STATE_TRANSITION', async () => {
      const e = await registerEmployer(t);
      const url = `/api/v1/employers/${e.employerId}`;
      expect(
        (await t.http.post(`${url}/suspend`).set(bearer(officer)).send({ reason: 'tidak aktif' }).expect(409)).body
          .code,
      ).toBe('INVALID_STATE_TRANSITION');
      expect((await t.http.post(`${url}/reinstate`).set(bearer(officer)).expect(409)).body.code).toBe(
        'INVALID_STATE_TRANSITION',
      );
      const rej = await t.http
        .post(`${url}/reject`)
        .set(bearer(officer))
        .send({ reason: 'NIB tidak ditemukan di OSS' })
        .expect(200);
      expect(rej.body).toMatchObject({ status: 'REJECTED', statusReason: 'NIB tidak ditemukan di OSS' });
      expect((await t.http.post(`${url}/verify`).set(bearer(officer)).expect(409)).body.code).toBe(
        'INVALID_STATE_TRANSITION',
      );
      expect(
        (await t.http.post(`${url}/reject`).set(bearer(officer)).send({ reason: 'lagi' }).expect(409)).body.code,
      ).toBe('INVALID_STATE_TRANSITION');
      await t.http.post('/api/v1/guard-probe').set(bearer(e)).expect(403);
    });

    it('requires a reason to reject or suspend', async () => {
      const e = await registerEmployer(t);
      const res = await t.http
        .post(`/api/v1/employers/${e.employerId}/reject`)
        .set(bearer(officer))
        .send({})
        .expect(400);
      expect(res.body.details[0].field).toBe('reason');
    });

    it('answers 404 for an unknown or malformed employer id', async () => {
      await t.http
        .post('/api/v1/employers/00000000-0000-4000-8000-000000000000/verify')
        .set(bearer(officer))
        .expect(404);
      await t.http.get('/api/v1/employers/not-a-uuid').set(bearer(officer)).expect(404);
    });

    it('writes the audit trail for every change, before → after', async () => {
      const e = await registerEmployer(t);
      await t.http.post(`/api/v1/employers/${e.employerId}/verify`).set(bearer(officer)).expect(200);
      await t.http
        .post(`/api/v1/employers/${e.employerId}/suspend`)
        .set(bearer(officer))
        .send({ reason: 'audit' })
        .expect(200);
      const res = await t.http
        .get(`/api/v1/audit-events?entityType=employer&entityId=${e.employerId}`)
        .set(bearer(officer))
        .expect(200);
      expect(res.body.total).toBe(3);
      const actions = res.body.items.map((a: { action: string }) => a.action).sort();
      expect(actions).toEqual(['employer.registered', 'employer.suspended', 'employer.verified']);
      const suspended = res.body.items.find((a: { action: string }) => a.action === 'employer.suspended');
      expect(suspended).toMatchObject({
        actorId: officer.userId,
        actorRole: 'officer',
        before: { status: 'VERIFIED' },
        after: { status: 'SUSPENDED', reason: 'audit' },
      });
    });
  });

  describe('staff and access control', () => {
    it('lets staff add a colleague who can sign in for the same company', async () => {
      const e = await registerEmployer(t);
      const email = `${uniq('hr2')}@company.test`;
      const res = await t.http
        .post('/api/v1/employers/me/staff')
        .set(bearer(e))
        .send({ email, password: PASSWORD, fullName: 'Staf Kedua' })
        .expect(201);
      expect(res.body).toMatchObject({ email, role: 'employer', employerId: e.employerId });
      const colleague = await login(t, email);
      const own = await t.http.get(`/api/v1/employers/${e.employerId}`).set(bearer(colleague)).expect(200);
      expect(own.body.id).toBe(e.employerId);
      expect(
        (
          await t.http
            .post('/api/v1/employers/me/staff')
            .set(bearer(e))
            .send({ email, password: PASSWORD, fullName: 'Lagi' })
            .expect(409)
        ).body.code,
      ).toBe('DUPLICATE_EMAIL');
    });

    it("lists a company's own staff only: company A's staff never see company B's", async () => {
      const a = await registerEmployer(t);
      const b = await registerEmployer(t);
      const emailA2 = `${uniq('hra2')}@company.test`;
      const emailB2 = `${uniq('hrb2')}@company.test`;
      await t.http
        .post('/api/v1/employers/me/staff')
        .set(bearer(a))
        .send({ email: emailA2, password: PASSWORD, fullName: 'Ani Staf A' })
        .expect(201);
      await t.http
        .post('/api/v1/employers/me/staff')
        .set(bearer(b))
        .send({ email: emailB2, password: PASSWORD, fullName: 'Bayu Staf B' })
        .expect(201);
      const colleagueA = await login(t, emailA2);

      const listA = await t.http.get('/api/v1/employers/me/staff').set(bearer(colleagueA)).expect(200);
      expect(listA.body.map((s: { email: string }) => s.email).sort()).toEqual([a.email, emailA2].sort());
      expect(Object.keys(listA.body[0]).sort()).toEqual(['email', 'fullName', 'id']);
      const seenByA = JSON.stringify(listA.body);
      expect(seenByA).not.toContain(b.email);
      expect(seenByA).not.toContain(emailB2);

      const listB = await t.http.get('/api/v1/employers/me/staff').set(bearer(b)).expect(200);
      expect(listB.body.map((s: { email: string }) => s.email).sort()).toEqual([b.email, emailB2].sort());
      expect((await t.http.get('/api/v1/employers/me/staff').set(bearer(officer)).expect(403)).body.code).toBe(
        'FORBIDDEN',
      );
    });

    it('hides another employer from staff and officer routes from non-officers', async () => {
      const a = await registerEmployer(t);
      const b = await registerEmployer(t);
      expect((await t.http.get(`/api/v1/employers/${b.employerId}`).set(bearer(a)).expect(404)).body.code).toBe(
        'NOT_FOUND',
      );
      expect((await t.http.get('/api/v1/employers').set(bearer(a)).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await t.http.post(`/api/v1/employers/${a.employerId}/verify`).set(bearer(a)).expect(403)).body.code).toBe(
        'FORBIDDEN',
      );
      await t.http
        .post('/api/v1/officers')
        .set(bearer(a))
        .send({ email: `${uniq('o')}@x.test`, password: PASSWORD, fullName: 'Bukan Petugas' })
        .expect(403);
    });

    it('lists and searches employers for officers with pagination', async () => {
      const name = uniq('Cari');
      await registerEmployer(t, { legalName: `PT ${name} Sejahtera` });
      await registerEmployer(t, { legalName: `CV Sejahtera ${name}` });
      const res = await t.http
        .get(`/api/v1/employers?q=${encodeURIComponent(`sejahtera ${name.toLowerCase()}`)}&pageSize=1`)
        .set(bearer(officer))
        .expect(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 1, total: 2 });
      expect(res.body.items).toHaveLength(1);
      const pending = await t.http.get(`/api/v1/employers?status=PENDING&q=${name}`).set(bearer(officer)).expect(200);
      expect(pending.body.total).toBe(2);
      expect(
        (await t.http.get('/api/v1/employers?pageSize=101').set(bearer(officer)).expect(400)).body.details[0].field,
      ).toBe('pageSize');
    });

    it('lets an officer create another officer', async () => {
      const email = `${uniq('o')}@disnaker.test`;
      const res = await t.http
        .post('/api/v1/officers')
        .set(bearer(officer))
        .send({ email, password: PASSWORD, fullName: 'Petugas Baru', nip: '198703152010012003' })
        .expect(201);
      expect(res.body).toMatchObject({ email, role: 'officer' });
      const o2 = await login(t, email);
      await t.http.get('/api/v1/employers').set(bearer(o2)).expect(200);
    });
  });
});
