import { randomUUID } from 'node:crypto';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { AuditService } from '../../src/audit/audit.service';
import { Transactions } from '../../src/database/transactions';
import type { EntityManager } from 'typeorm';
import { ENGINE, startApp, type TestApp } from '../support/app';

/** The one way use cases open a transaction, against the real database. */
describe(`Transactions on ${ENGINE}`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  /** Inside one transaction: a count, a row committed meanwhile by another connection, the count again. */
  const countsAcrossACommit = (tx: Transactions) => {
    const audit = t.app.get(AuditService);
    const entry = { actor: null, entityType: 'test', entityId: randomUUID(), action: 'test.probe' };
    const count = (m: EntityManager) => m.countBy(AuditEvent, { entityId: entry.entityId });
    return tx.run(async (m) => {
      const before = await count(m);
      await audit.record(t.ds.manager, entry); // committed on its own, outside this transaction
      return [before, await count(m)];
    });
  };

  it('runs MySQL transactions at READ COMMITTED (each statement sees what others just committed), on every pooled connection', async () => {
    const tx = t.app.get(Transactions);
    // More at once than one connection: several of the pool's connections, each used again afterwards.
    // (On SQLite the one connection sees every commit too.)
    for (let round = 0; round < 3; round++) {
      const seen = await Promise.all(Array.from({ length: 5 }, () => countsAcrossACommit(tx)));
      expect(seen).toEqual(Array(5).fill([0, 1]));
    }
  });

  it('commits the work, rolls back a failure whole, and keeps the connection usable after it', async () => {
    const tx = t.app.get(Transactions);
    const audit = t.app.get(AuditService);
    const entry = { actor: null, entityType: 'test', entityId: randomUUID(), action: 'test.probe' };
    await expect(
      tx.run(async (m) => {
        await audit.record(m, entry);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const count = () => t.ds.getRepository(AuditEvent).countBy({ entityId: entry.entityId });
    expect(await count()).toBe(0);
    await tx.run((m) => audit.record(m, entry));
    expect(await count()).toBe(1);
  });
});
