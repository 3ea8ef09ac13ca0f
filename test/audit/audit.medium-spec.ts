import { randomUUID } from 'node:crypto';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { AuditService } from '../../src/audit/audit.service';
import { startApp, type TestApp } from '../support/app';
import { statementsOf } from '../support/statements';
import { world, type World } from '../support/world';

/** The audit trail's writer against the real database: events one by one, and a use case's batch. */
describe('AuditService', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startApp();
    w = world(t);
  });
  afterAll(() => t.close());

  const events = (entityId: string) =>
    t.ds.getRepository(AuditEvent).find({ where: { entityId }, order: { occurredAt: 'ASC' } });
  const entry = (entityId: string, action: string) => ({ actor: null, entityType: 'test', entityId, action });

  it('batch holds back the events recorded inside it and writes them with one INSERT at its end', async () => {
    const audit = w.get(AuditService);
    const id = randomUUID();
    t.clock.set('2025-04-01T01:00:00Z');
    const { result: seenInside, statements } = await w.tx((m) =>
      statementsOf(m, () =>
        audit.batch(m, async () => {
          await audit.record(m, entry(id, 'test.first'));
          t.clock.advance(1000);
          await audit.recordAll(m, [entry(id, 'test.second'), entry(id, 'test.third')]);
          return m.countBy(AuditEvent, { entityId: id });
        }),
      ),
    );
    t.clock.reset();
    expect(seenInside).toBe(0);
    expect(statements.filter((s) => /^INSERT INTO [`"]?audit_events/i.test(s))).toHaveLength(1);
    const rows = await events(id);
    expect(rows.map((e) => [e.action, e.actorRole, e.occurredAt.toISOString()]).sort()).toEqual([
      ['test.first', 'system', '2025-04-01T01:00:00.000Z'],
      ['test.second', 'system', '2025-04-01T01:00:01.000Z'],
      ['test.third', 'system', '2025-04-01T01:00:01.000Z'],
    ]);
  });

  it('batch writes nothing when its work fails, and a nested batch leaves the writing to the outer one', async () => {
    const audit = w.get(AuditService);
    const failed = randomUUID();
    await expect(
      w.tx((m) =>
        audit.batch(m, async () => {
          await audit.record(m, entry(failed, 'test.lost'));
          throw new Error('refused');
        }),
      ),
    ).rejects.toThrow('refused');
    expect(await events(failed)).toHaveLength(0);

    const nested = randomUUID();
    await w.tx((m) =>
      audit.batch(m, async () => {
        await audit.batch(m, () => audit.record(m, entry(nested, 'test.inner')));
        expect(await m.countBy(AuditEvent, { entityId: nested })).toBe(0);
        await audit.record(m, entry(nested, 'test.outer'));
      }),
    );
    expect((await events(nested)).map((e) => e.action).sort()).toEqual(['test.inner', 'test.outer']);
  });

  it('writes events outside a batch at once, many in one INSERT', async () => {
    const audit = w.get(AuditService);
    const id = randomUUID();
    await w.tx(async (m) => {
      await audit.recordAll(m, [entry(id, 'test.a'), entry(id, 'test.b')]);
      expect(await m.countBy(AuditEvent, { entityId: id })).toBe(2);
      await audit.recordAll(m, []);
    });
    expect(await events(id)).toHaveLength(2);
  });
});
