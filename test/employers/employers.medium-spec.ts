import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Employer, type EmployerStatus } from '../../src/employers/employer.entity';
import { EmployersService } from '../../src/employers/employers.service';
import { User } from '../../src/users/user.entity';
import { startApp, type TestApp } from '../support/app';
import { companyBody, PASSWORD, uniq } from '../support/factories';
import { nothing, world, type World } from '../support/world';

/** The middle tier: EmployersService, the owner of the employer, against the real database without HTTP. */
describe('EmployersService', () => {
  let t: TestApp;
  let w: World;
  let employers: EmployersService;

  beforeAll(async () => {
    t = await startApp();
    w = world(t);
    employers = w.get(EmployersService);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const row = (id: string) => t.ds.getRepository(Employer).findOneByOrFail({ id });
  /** The audit actions on an entity, sorted by name (the test clock stands still, so times can tie). */
  const actions = async (entityId: string) =>
    (await t.ds.getRepository(AuditEvent).findBy({ entityId })).map((e) => e.action).sort();
  const register = (company: Record<string, unknown> = {}, email = `${uniq('hr')}@company.test`) =>
    employers.register({ email, password: PASSWORD, fullName: 'Staf HR', company: companyBody(company) } as never);
  /** A newly registered employer, moved by an officer from PENDING to `status`. */
  const employerIn = async (status: EmployerStatus): Promise<string> => {
    const officer = await w.officer();
    const { employer } = await register();
    if (status === 'VERIFIED' || status === 'SUSPENDED') await employers.verify(officer, employer.id);
    if (status === 'SUSPENDED') await employers.suspend(officer, employer.id, 'Lowongan palsu');
    if (status === 'REJECTED') await employers.reject(officer, employer.id, 'NIB tidak terdaftar');
    expect((await row(employer.id)).status).toBe(status);
    return employer.id;
  };

  describe('register', () => {
    it('inserts the company PENDING with its first HR user', async () => {
      const nib = companyBody().nib;
      const { user, employer } = await register({ legalName: '  PT Sriwijaya Maju  ', nib });
      expect(await row(employer.id)).toMatchObject({
        legalName: 'PT Sriwijaya Maju',
        nib,
        status: 'PENDING',
        verifiedAt: null,
        verifiedBy: null,
        statusReason: null,
      });
      expect(await t.ds.getRepository(User).findOneByOrFail({ id: user.id })).toMatchObject({
        role: 'employer',
        employerId: employer.id,
        seekerId: null,
      });
      expect(await actions(employer.id)).toEqual(['employer.registered']);
    });

    it('refuses a second company with the same NIB (409 DUPLICATE_EMPLOYER) and keeps no account for it', async () => {
      const nib = companyBody().nib;
      await register({ nib });
      const email = `${uniq('hr')}@company.test`;
      await expect(register({ nib, legalName: 'PT Lain' }, email)).rejects.toMatchObject({
        status: 409,
        code: 'DUPLICATE_EMPLOYER',
      });
      expect(await t.ds.getRepository(Employer).countBy({ nib })).toBe(1);
      expect(await t.ds.getRepository(User).countBy({ email })).toBe(0);
    });

    it('refuses a taken email (409 DUPLICATE_EMAIL) before writing the company', async () => {
      const email = `${uniq('hr')}@company.test`;
      await register({}, email);
      const nib = companyBody().nib;
      await expect(register({ nib }, email)).rejects.toMatchObject({ status: 409, code: 'DUPLICATE_EMAIL' });
      expect(await t.ds.getRepository(Employer).countBy({ nib })).toBe(0);
    });
  });

  describe('verification life cycle', () => {
    it('verify: PENDING → VERIFIED, stamped with the officer and the time', async () => {
      const officer = await w.officer();
      t.clock.set('2025-05-05T01:02:03.000Z');
      const id = await employerIn('PENDING');
      const view = await employers.verify(officer, id);
      const stored = await row(id);
      expect(stored).toMatchObject({ status: 'VERIFIED', verifiedBy: officer.id, statusReason: null });
      expect(stored.verifiedAt?.toISOString()).toBe('2025-05-05T01:02:03.000Z');
      expect(view).toMatchObject({ status: 'VERIFIED', verifiedAt: '2025-05-05T01:02:03.000Z' });
      expect(await actions(id)).toEqual(['employer.registered', 'employer.verified']);
    });

    it('reject: PENDING → REJECTED with the reason', async () => {
      const officer = await w.officer();
      const id = await employerIn('PENDING');
      await employers.reject(officer, id, '  NIB tidak cocok  ');
      expect(await row(id)).toMatchObject({ status: 'REJECTED', statusReason: 'NIB tidak cocok', verifiedAt: null });
      expect(await actions(id)).toEqual(['employer.registered', 'employer.rejected']);
    });

    it('suspend: VERIFIED → SUSPENDED with the reason; reinstate: SUSPENDED → VERIFIED, the reason cleared', async () => {
      const officer = await w.officer();
      const id = await employerIn('VERIFIED');
      const verifiedAt = (await row(id)).verifiedAt?.toISOString();
      await employers.suspend(officer, id, 'Lowongan menyesatkan');
      expect(await row(id)).toMatchObject({ status: 'SUSPENDED', statusReason: 'Lowongan menyesatkan' });
      await employers.reinstate(officer, id);
      const stored = await row(id);
      expect(stored).toMatchObject({ status: 'VERIFIED', statusReason: null });
      expect(stored.verifiedAt?.toISOString()).toBe(verifiedAt);
      expect(await actions(id)).toEqual([
        'employer.registered',
        'employer.reinstated',
        'employer.suspended',
        'employer.verified',
      ]);
    });

    const refused: [EmployerStatus, string, (o: never, id: string) => Promise<unknown>][] = [
      ['VERIFIED', 'verify', (o, id) => employers.verify(o, id)],
      ['REJECTED', 'verify', (o, id) => employers.verify(o, id)],
      ['SUSPENDED', 'verify', (o, id) => employers.verify(o, id)],
      ['VERIFIED', 'reject', (o, id) => employers.reject(o, id, 'x')],
      ['SUSPENDED', 'reject', (o, id) => employers.reject(o, id, 'x')],
      ['PENDING', 'suspend', (o, id) => employers.suspend(o, id, 'x')],
      ['REJECTED', 'suspend', (o, id) => employers.suspend(o, id, 'x')],
      ['SUSPENDED', 'suspend', (o, id) => employers.suspend(o, id, 'x')],
      ['PENDING', 'reinstate', (o, id) => employers.reinstate(o, id)],
      ['VERIFIED', 'reinstate', (o, id) => employers.reinstate(o, id)],
      ['REJECTED', 'reinstate', (o, id) => employers.reinstate(o, id)],
    ];
    it.each(refused)(
      'from %s, %s is refused (409 INVALID_STATE_TRANSITION) and changes nothing',
      async (from, _, act) => {
        const id = await employerIn(from);
        const before = await row(id);
        const eventsBefore = await actions(id);
        await expect(act((await w.officer()) as never, id)).rejects.toMatchObject({
          status: 409,
          code: 'INVALID_STATE_TRANSITION',
          message: expect.stringContaining(`is ${from}`),
        });
        const after = await row(id);
        expect(after).toMatchObject({ status: from, statusReason: before.statusReason });
        expect(after.updatedAt.toISOString()).toBe(before.updatedAt.toISOString());
        expect(await actions(id)).toEqual(eventsBefore);
      },
    );

    it('a transition of an unknown employer is 404', async () => {
      await expect(employers.verify(await w.officer(), nothing())).rejects.toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
      });
    });
  });
});
