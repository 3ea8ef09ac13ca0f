import { AccountToken } from '../../src/auth/account-token.entity';
import { PasswordReset } from '../../src/auth/password-reset';
import { Transactions } from '../../src/database/transactions';
import { DailyJobs } from '../../src/jobs/daily-jobs.service';
import { Notification } from '../../src/notifications/notification.entity';
import { Notifier } from '../../src/notifications/notifier';
import { startApp, type TestApp } from '../support/app';
import { bearer, registerSeeker } from '../support/factories';

describe('the daily job forgets what is no longer needed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({}, [], { freshDatabase: true });
  });
  afterAll(() => t.close());

  it('deletes inbox rows after a year and account tokens a day after they expired', async () => {
    t.clock.set('2031-03-01T03:00:00.000Z');
    const seeker = await registerSeeker(t);
    await t.app
      .get(Transactions)
      .run((m) =>
        t.app
          .get(Notifier)
          .notify(m, { kind: 'CARD_REJECTED', userIds: [seeker.userId], subject: 'card:old', params: { reason: 'x' } }),
      );
    await t.http.post('/api/v1/auth/password-reset').send({ email: seeker.email }).expect(202);
    await t.app.get(PasswordReset).settled();
    expect(await t.ds.getRepository(AccountToken).count({ where: { userId: seeker.userId } })).toBe(1);

    // A day and a half later: the 30-minute token is past its day of grace; the message is kept.
    t.clock.set('2031-03-02T15:00:00.000Z');
    const day = await t.app.get(DailyJobs).runIfDue();
    expect(day!['purge-account-tokens']).toEqual({ deleted: 1 });
    expect(await t.ds.getRepository(AccountToken).count({ where: { userId: seeker.userId } })).toBe(0);
    expect((await t.http.get('/api/v1/notifications').set(bearer(seeker)).expect(200)).body.total).toBe(1);

    t.clock.set('2032-03-05T03:00:00.000Z');
    const year = await t.app.get(DailyJobs).runIfDue();
    // The inbox message and the reset mail's row (never in the inbox).
    expect(year!['purge-notifications']).toEqual({ deleted: 2 });
    expect(await t.ds.getRepository(Notification).count({ where: { userId: seeker.userId } })).toBe(0);
  });
});
