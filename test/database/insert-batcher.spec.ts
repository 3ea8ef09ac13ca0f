import { InsertBatcher } from '../../src/database/insert-batcher';

/** A statement runner that holds each statement until released, and remembers what it was given. */
function heldRunner(refuse: (params: (string | number | null)[]) => boolean = () => false) {
  const calls: { sql: string; params: (string | number | null)[]; release: () => void }[] = [];
  const run = (sql: string, params: (string | number | null)[]) =>
    new Promise<void>((ok, fail) => {
      calls.push({ sql, params, release: () => (refuse(params) ? fail(new Error('refused')) : ok()) });
    });
  return { calls, run };
}

const tick = () => new Promise((ok) => setImmediate(ok));

describe('InsertBatcher (group commit of an append-only table)', () => {
  it('inserts a lone row at once, then the rows that came meanwhile in one statement', async () => {
    const { calls, run } = heldRunner();
    const b = new InsertBatcher(run, 'INSERT INTO t (a, b) VALUES', 2);
    const settled: number[] = [];
    const first = b.insert(['1', 1]).then(() => settled.push(1));
    await tick();
    expect(calls.map((c) => c.sql)).toEqual(['INSERT INTO t (a, b) VALUES (?, ?)']);
    const rest = [2, 3, 4].map((n) => b.insert([String(n), n]).then(() => settled.push(n)));
    await tick();
    expect(calls).toHaveLength(1); // the others wait for the one in flight
    expect(settled).toEqual([]);
    calls[0].release();
    await first;
    await tick();
    expect(settled).toEqual([1]); // each caller settles with its own row only
    expect(calls[1].sql).toBe('INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?)');
    expect(calls[1].params).toEqual(['2', 2, '3', 3, '4', 4]);
    calls[1].release();
    await Promise.all(rest);
    expect(settled).toEqual([1, 2, 3, 4]);
    expect(b.stats).toEqual({ rows: 4, statements: 2 });
  });

  it('never puts more than maxRows in one statement', async () => {
    const { calls, run } = heldRunner();
    const b = new InsertBatcher(run, 'INSERT INTO t (a) VALUES', 1, 3);
    const all = Array.from({ length: 8 }, (_, i) => b.insert([i]));
    for (let k = 0; k < 10 && calls.length < 4; k++) {
      await tick();
      calls.forEach((c) => c.release());
    }
    await Promise.all(all);
    expect(calls.map((c) => c.params)).toEqual([[0], [1, 2, 3], [4, 5, 6], [7]]);
  });

  it('when a batch fails, tries its rows one by one: only the refused row fails', async () => {
    const { calls, run } = heldRunner((params) => params.includes('bad'));
    const b = new InsertBatcher(run, 'INSERT INTO t (a) VALUES', 1);
    const first = b.insert(['x']);
    const batch = [b.insert(['y']), b.insert(['bad']), b.insert(['z'])].map((p) =>
      p.then(
        () => 'stored',
        (e: Error) => e.message,
      ),
    );
    await tick();
    calls[0].release();
    await first;
    for (let k = 0; k < 10 && calls.length < 5; k++) {
      await tick();
      calls.slice(1).forEach((c) => c.release());
    }
    expect(await Promise.all(batch)).toEqual(['stored', 'refused', 'stored']);
    expect(calls.slice(1).map((c) => c.params)).toEqual([['y', 'bad', 'z'], ['y'], ['bad'], ['z']]);
    // The writer goes on after a failure.
    const later = b.insert(['w']);
    await tick();
    calls[calls.length - 1].release();
    await expect(later).resolves.toBeUndefined();
  });

  it('refuses a row of the wrong width without sending anything', async () => {
    const { calls, run } = heldRunner();
    const b = new InsertBatcher(run, 'INSERT INTO t (a, b) VALUES', 2);
    await expect(b.insert(['only one'])).rejects.toThrow('expected 2 values, got 1');
    expect(calls).toHaveLength(0);
  });
});
