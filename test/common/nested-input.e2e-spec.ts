import { startApp, type TestApp } from '../support/app';
import { bearer, companyBody, PASSWORD, registerSeeker, seekerProfile, uniq } from '../support/factories';

/**
 * Arrays where an object is expected inside a body. class-validator's ValidateNested finds nothing to
 * check in an array, so without an explicit object check these reached the services (found by fuzzing).
 */
describe('nested input that is an array instead of an object', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('refuses an experience entry that is an array, on update and on registration', async () => {
    const s = await registerSeeker(t);
    for (const experience of [[[]], [[{ position: 'x' }]], [null]]) {
      const res = await t.http.patch('/api/v1/seekers/me').set(bearer(s)).send({ experience }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('experience');
    }
    const reg = await t.http
      .post('/api/v1/auth/register/seeker')
      .send({ email: `${uniq('s')}@mail.test`, password: PASSWORD, ...seekerProfile(), experience: [[]] })
      .expect(400);
    expect(reg.body.details.map((d: { field: string }) => d.field)).toContain('experience');
  });

  it('refuses a company that is an array', async () => {
    for (const company of [[], [companyBody()]]) {
      const res = await t.http
        .post('/api/v1/auth/register/employer')
        .send({ email: `${uniq('hr')}@company.test`, password: PASSWORD, fullName: 'Staf HR', company })
        .expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('company');
    }
  });
});
