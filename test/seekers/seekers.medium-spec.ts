import { AuditEvent } from '../../src/audit/audit-event.entity';
import { PersonalData } from '../../src/common/personal-data';
import { Seeker } from '../../src/seekers/seeker.entity';
import { SeekersService } from '../../src/seekers/seekers.service';
import { User } from '../../src/users/user.entity';
import { startApp, type TestApp } from '../support/app';
import { PASSWORD, seekerProfile, uniq } from '../support/factories';
import { nothing, world, type World } from '../support/world';

/** The middle tier: SeekersService, the owner of the job seeker, against the real database without HTTP. */
describe('SeekersService', () => {
  let t: TestApp;
  let w: World;
  let seekers: SeekersService;

  beforeAll(async () => {
    t = await startApp();
    w = world(t);
    seekers = w.get(SeekersService);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const row = (id: string) => t.ds.getRepository(Seeker).findOneByOrFail({ id });
  const seekersWithNik = (nik: string) =>
    t.ds.getRepository(Seeker).countBy({ nikHash: w.get(PersonalData).lookupHash(nik) });
  const events = (entityId: string) => t.ds.getRepository(AuditEvent).find({ where: { entityId } });
  const register = (overrides: Record<string, unknown> = {}) => {
    const email = `${uniq('seeker')}@mail.test`;
    return seekers.register({ ...seekerProfile(overrides), email, password: PASSWORD } as never);
  };

  describe('register and createWalkIn', () => {
    it('register inserts the seeker with an encrypted NIK and their seeker account, together', async () => {
      const profile = seekerProfile({ fullName: '  Siti   Aminah ' });
      const email = `${uniq('seeker')}@mail.test`;
      const { user, seeker } = await seekers.register({ ...profile, email, password: PASSWORD } as never);

      const stored = await row(seeker.id);
      expect(stored).toMatchObject({
        fullName: 'Siti Aminah',
        birthDate: profile.birthDate,
        createdBy: null,
        placedAt: null,
        nikHash: w.get(PersonalData).lookupHash(profile.nik),
      });
      expect(stored.nikEncrypted).not.toContain(profile.nik);
      expect(w.get(PersonalData).decrypt(stored.nikEncrypted)).toBe(profile.nik);
      expect(await t.ds.getRepository(User).findOneByOrFail({ id: user.id })).toMatchObject({
        role: 'seeker',
        seekerId: seeker.id,
        employerId: null,
      });
      expect((await events(seeker.id)).map((e) => [e.action, e.actorId, e.afterState])).toEqual([
        ['seeker.registered', user.id, JSON.stringify({ channel: 'SELF' })],
      ]);
    });

    it('createWalkIn inserts a seeker without an account, created by the officer', async () => {
      const officer = await w.officer();
      const profile = seekerProfile();
      const view = await seekers.createWalkIn(officer, profile as never);
      expect(await row(view.id)).toMatchObject({ createdBy: officer.id, placedAt: null, fullName: 'Budi Santoso' });
      expect(await t.ds.getRepository(User).countBy({ seekerId: view.id })).toBe(0);
      expect((await events(view.id)).map((e) => [e.action, e.actorId])).toEqual([['seeker.registered', officer.id]]);
    });

    it('refuses a second seeker with the same NIK (409 DUPLICATE_NIK), by either way in, and writes nothing', async () => {
      const officer = await w.officer();
      const first = await register();
      const nik = (await seekers.get(officer, first.seeker.id)).nik;
      const email = `${uniq('seeker')}@mail.test`;

      await expect(
        seekers.register({ ...seekerProfile({ nik }), email, password: PASSWORD } as never),
      ).rejects.toMatchObject({ status: 409, code: 'DUPLICATE_NIK' });
      await expect(seekers.createWalkIn(officer, seekerProfile({ nik }) as never)).rejects.toMatchObject({
        status: 409,
        code: 'DUPLICATE_NIK',
      });

      expect(await seekersWithNik(nik)).toBe(1);
      // The refused registration's account was rolled back with it.
      expect(await t.ds.getRepository(User).countBy({ email })).toBe(0);
    });

    it('refuses a birth date that is not in the past (VALIDATION_FAILED) before writing', async () => {
      const profile = seekerProfile({ birthDate: t.clock.today() });
      await expect(seekers.createWalkIn(await w.officer(), profile as never)).rejects.toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(await seekersWithNik(profile.nik)).toBe(0);
    });
  });

  describe('placed or seeking', () => {
    it('markPlaced places a seeker once: a second time is 409 SEEKER_ALREADY_PLACED and keeps the first time', async () => {
      const s = await w.seeker();
      t.clock.set('2025-06-02T02:00:00Z');
      await w.tx((m) => seekers.markPlaced(m, s.id));
      expect((await row(s.id)).placedAt?.toISOString()).toBe('2025-06-02T02:00:00.000Z');

      t.clock.advanceDays(5);
      await expect(w.tx((m) => seekers.markPlaced(m, s.id))).rejects.toMatchObject({
        status: 409,
        code: 'SEEKER_ALREADY_PLACED',
      });
      expect((await row(s.id)).placedAt?.toISOString()).toBe('2025-06-02T02:00:00.000Z');
    });

    it('markPlaced of an unknown seeker is 404', async () => {
      await expect(w.tx((m) => seekers.markPlaced(m, nothing()))).rejects.toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
      });
    });

    it('reactivate clears placedAt with one audit event, and does nothing to a seeker who is seeking', async () => {
      const officer = await w.officer();
      const placed = await w.seeker();
      const seeking = await w.seeker();
      await w.tx((m) => seekers.markPlaced(m, placed.id));

      await w.tx((m) => seekers.reactivate(m, officer, placed.id));
      await w.tx((m) => seekers.reactivate(m, officer, seeking.id));

      expect((await row(placed.id)).placedAt).toBeNull();
      expect((await row(seeking.id)).placedAt).toBeNull();
      const actions = async (id: string) => (await events(id)).map((e) => e.action).sort();
      expect(await actions(placed.id)).toEqual(['seeker.reactivated', 'seeker.registered']);
      expect(await actions(seeking.id)).toEqual(['seeker.registered']);

      // Placed again after reactivation: markPlaced wins once more.
      await w.tx((m) => seekers.markPlaced(m, placed.id));
      expect((await row(placed.id)).placedAt).not.toBeNull();
    });
  });

  describe('findByNik', () => {
    it('finds the seeker through the keyed hash of the NIK, and nobody for an unknown NIK', async () => {
      const a = await w.seeker();
      const b = await w.seeker();
      expect((await w.tx((m) => seekers.findByNik(m, a.nik)))?.id).toBe(a.id);
      expect((await w.tx((m) => seekers.findByNik(m, b.nik)))?.id).toBe(b.id);
      expect(await w.tx((m) => seekers.findByNik(m, seekerProfile().nik))).toBeNull();
    });

    it('the keyed hash is what is stored: the NIK itself is never a column value', async () => {
      const s = await w.seeker();
      const stored = await row(s.id);
      expect(stored.nikHash).toBe(w.get(PersonalData).lookupHash(s.nik));
      expect(stored.nikHash).not.toContain(s.nik);
      expect(await t.ds.getRepository(Seeker).countBy({ nikHash: s.nik })).toBe(0);
    });
  });
});
