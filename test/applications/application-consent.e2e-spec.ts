import { ApplicationConsent } from '../../src/applications/application-consent.entity';
import { ENGINE, startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  postVacancy,
  seekerWithActiveCard,
  verifiedEmployer,
  type EmployerSession,
  type Session,
} from '../support/factories';

/**
 * The applicant's consent (UU PDP No. 27/2022): asked when applying (no unless given), changeable at any
 * time, every choice kept; only with it does the vacancy's employer see the applicant's phone and email.
 */
interface PipelineItem {
  id: string;
  shareContact: boolean;
  applicant: { seekerId: string; phone?: string | null; email?: string | null };
}

describe(`applicant's consent to share contact details on ${ENGINE}`, () => {
  let t: TestApp;
  let officer: Session;
  let employer: EmployerSession;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
  });
  afterAll(() => t.close());

  const apply = (s: Session, vacancyId: string, body: object = {}) =>
    t.http.post(`/api/v1/vacancies/${vacancyId}/applications`).set(bearer(s)).send(body);
  const consent = (s: Session | null, applicationId: string, body: object) => {
    const req = t.http.post(`/api/v1/applications/${applicationId}/consent`);
    return (s ? req.set(bearer(s)) : req).send(body);
  };
  /** The vacancy's applicants as `as` sees them, by application id. */
  const pipeline = async (vacancyId: string, as: Session = employer) => {
    const res = await t.http.get(`/api/v1/vacancies/${vacancyId}/applications`).set(bearer(as)).expect(200);
    return { text: res.text, byId: new Map<string, PipelineItem>(res.body.items.map((i: PipelineItem) => [i.id, i])) };
  };
  const history = (applicationId: string) =>
    t.ds.getRepository(ApplicationConsent).find({ where: { applicationId }, order: { recordedAt: 'ASC', id: 'ASC' } });

  it('is not given unless asked for: the employer sees no phone or email', async () => {
    const v = await postVacancy(t, employer);
    const { seeker } = await seekerWithActiveCard(t, officer, { phone: '0812-3456-7890' });
    const app = await apply(seeker, v.id).expect(201);
    expect(app.body.shareContact).toBe(false);
    const { byId, text } = await pipeline(v.id);
    const item = byId.get(app.body.id)!;
    expect(item.shareContact).toBe(false);
    expect(Object.keys(item.applicant).sort()).toEqual(['educationLevel', 'fullName', 'seekerId', 'skills']);
    expect(text).not.toContain('0812-3456-7890');
    expect(text).not.toContain(seeker.email);
    const log = await history(app.body.id);
    expect(log.map((c) => [c.shareContact, c.recordedBy])).toEqual([[false, seeker.userId]]);
  });

  it('given when applying, shows the vacancy’s employer (and officers) the phone and the email', async () => {
    const v = await postVacancy(t, employer);
    const { seeker } = await seekerWithActiveCard(t, officer, { phone: '0812-1111-2222' });
    const app = await apply(seeker, v.id, { coverLetter: 'Saya siap bekerja.', shareContact: true }).expect(201);
    expect(app.body.shareContact).toBe(true);
    for (const as of [employer, officer]) {
      const item = (await pipeline(v.id, as)).byId.get(app.body.id)!;
      expect(item).toMatchObject({
        shareContact: true,
        applicant: { seekerId: seeker.seekerId, phone: '0812-1111-2222', email: seeker.email },
      });
    }
    const mine = await t.http.get('/api/v1/seekers/me/applications').set(bearer(seeker)).expect(200);
    expect(mine.body.items[0]).toMatchObject({ id: app.body.id, shareContact: true });
    expect((await history(app.body.id)).map((c) => c.shareContact)).toEqual([true]);
  });

  it('shows a consenting applicant without a phone number as phone null', async () => {
    const v = await postVacancy(t, employer);
    const { seeker } = await seekerWithActiveCard(t, officer, { phone: undefined });
    const app = await apply(seeker, v.id, { shareContact: true }).expect(201);
    const item = (await pipeline(v.id)).byId.get(app.body.id)!;
    expect(item.applicant).toMatchObject({ phone: null, email: seeker.email });
  });

  it('can be withdrawn and given again at any time, in any state; every change is kept', async () => {
    const v = await postVacancy(t, employer);
    const { seeker } = await seekerWithActiveCard(t, officer, { phone: '0812-9999-0000' });
    const app = await apply(seeker, v.id, { shareContact: true }).expect(201);

    const off = await consent(seeker, app.body.id, { shareContact: false }).expect(200);
    expect(off.body).toMatchObject({
      id: app.body.id,
      status: 'SUBMITTED',
      shareContact: false,
      vacancy: { id: v.id },
    });
    let item = (await pipeline(v.id)).byId.get(app.body.id)!;
    expect(item.shareContact).toBe(false);
    expect(item.applicant).not.toHaveProperty('phone');
    expect(item.applicant).not.toHaveProperty('email');

    // The same choice again changes nothing and logs nothing.
    await consent(seeker, app.body.id, { shareContact: false }).expect(200);

    // After a decision the applicant still decides about their data.
    await t.http
      .patch(`/api/v1/applications/${app.body.id}`)
      .set(bearer(employer))
      .send({ status: 'REJECTED' })
      .expect(200);
    const on = await consent(seeker, app.body.id, { shareContact: true }).expect(200);
    expect(on.body).toMatchObject({ status: 'REJECTED', shareContact: true });
    item = (await pipeline(v.id)).byId.get(app.body.id)!;
    expect(item.applicant).toMatchObject({ phone: '0812-9999-0000', email: seeker.email });

    const log = await history(app.body.id);
    expect(log.map((c) => c.shareContact)).toEqual([true, false, true]);
    expect(new Set(log.map((c) => c.recordedBy))).toEqual(new Set([seeker.userId]));
    expect(new Set(log.map((c) => c.seekerId))).toEqual(new Set([seeker.seekerId]));
    for (let i = 1; i < log.length; i++)
      expect(log[i].recordedAt.getTime()).toBeGreaterThanOrEqual(log[i - 1].recordedAt.getTime());

    const audit = await t.http
      .get(`/api/v1/audit-events?entityType=application&entityId=${app.body.id}`)
      .set(bearer(officer))
      .expect(200);
    const changes = audit.body.items.filter((e: { action: string }) => e.action === 'application.consent_changed');
    expect(changes).toHaveLength(2);
  });

  it('is the applicant’s own to change: others get 404 or 403, and nothing changes', async () => {
    const v = await postVacancy(t, employer);
    const { seeker } = await seekerWithActiveCard(t, officer);
    const stranger = await seekerWithActiveCard(t, officer);
    const app = await apply(seeker, v.id).expect(201);
    expect((await consent(stranger.seeker, app.body.id, { shareContact: true }).expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    expect((await consent(employer, app.body.id, { shareContact: true }).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await consent(officer, app.body.id, { shareContact: true }).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await consent(null, app.body.id, { shareContact: true }).expect(401)).body.code).toBe('UNAUTHENTICATED');
    expect(
      (await consent(seeker, '00000000-0000-4000-8000-000000000000', { shareContact: true }).expect(404)).body.code,
    ).toBe('NOT_FOUND');
    expect((await pipeline(v.id)).byId.get(app.body.id)!.shareContact).toBe(false);
    expect(await history(app.body.id)).toHaveLength(1);
  });

  it('takes only true or false', async () => {
    const v = await postVacancy(t, employer);
    const { seeker } = await seekerWithActiveCard(t, officer);
    for (const bad of [{}, { shareContact: 'true' }, { shareContact: 1 }, { shareContact: null }]) {
      const res = await consent(seeker, '00000000-0000-4000-8000-000000000000', bad).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['shareContact']);
    }
    const res = await apply(seeker, v.id, { shareContact: 'yes' }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['shareContact']);
    const smuggled = await apply(seeker, v.id, { shareContact: true, phone: '0812', email: 'x@y.z' }).expect(400);
    expect(smuggled.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'phone']);
  });

  it('exports the contact columns as CSV, filled only for applicants who consented', async () => {
    const v = await postVacancy(t, employer);
    const without = await seekerWithActiveCard(t, officer, { phone: '0812-0000-1111' });
    const withIt = await seekerWithActiveCard(t, officer, { phone: '0812-0000-2222' });
    await apply(without.seeker, v.id).expect(201);
    // The columns are fixed: present even when nobody on the list consented.
    const none = await t.http
      .get(`/api/v1/vacancies/${v.id}/applications?format=csv`)
      .set(bearer(employer))
      .expect(200);
    expect(
      none.text
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0]
        .split(','),
    ).toEqual(expect.arrayContaining(['applicant.phone', 'applicant.email']));
    await apply(withIt.seeker, v.id, { shareContact: true }).expect(201);
    const csv = await t.http.get(`/api/v1/vacancies/${v.id}/applications?format=csv`).set(bearer(employer)).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...lines] = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header.split(',')).toEqual(expect.arrayContaining(['shareContact', 'applicant.phone', 'applicant.email']));
    expect(lines).toHaveLength(2);
    expect(csv.text).not.toContain('0812-0000-1111');
    expect(csv.text).not.toContain(without.seeker.email);
    expect(csv.text).toContain('0812-0000-2222');
    expect(csv.text).toContain(withIt.seeker.email);
  });

  it('changes at once from two tabs log each change that happened', async () => {
    const v = await postVacancy(t, employer);
    const { seeker } = await seekerWithActiveCard(t, officer);
    const app = await apply(seeker, v.id).expect(201);
    const replies = await Promise.all(
      [true, true, true].map((shareContact) => consent(seeker, app.body.id, { shareContact })),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await history(app.body.id)).map((c) => c.shareContact)).toEqual([false, true]);
  });
});
