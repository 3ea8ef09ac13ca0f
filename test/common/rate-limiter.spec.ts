import { Redis } from 'ioredis';
import { MemoryRateLimiter, RedisRateLimiter } from '../../src/common/rate-limiter';

describe('MemoryRateLimiter', () => {
  it('allows up to the limit in a window, then refuses with the seconds left', async () => {
    const r = new MemoryRateLimiter();
    const t0 = 1_800_000_000_000; // aligned to a minute
    for (let i = 1; i <= 3; i++) expect(await r.hit('k', 3, 60, t0 + i)).toMatchObject({ allowed: true, count: i });
    const refused = await r.hit('k', 3, 60, t0 + 15_000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(45);
    expect((await r.hit('k', 3, 60, t0 + 60_000)).allowed).toBe(true);
  });

  it('keeps keys apart and peeks without counting', async () => {
    const r = new MemoryRateLimiter();
    await r.hit('a', 1, 60, 0);
    expect((await r.peek('a', 1, 60, 1)).allowed).toBe(false);
    expect(await r.peek('b', 1, 60, 1)).toEqual({ allowed: true, count: 0, retryAfterSeconds: 0 });
    expect((await r.peek('b', 1, 60, 1)).count).toBe(0);
  });

  it('takes back a hit in the window it was counted in, never below zero, and not once the window is over', async () => {
    const r = new MemoryRateLimiter();
    const t0 = 1_800_000_000_000;
    const first = await r.hit('k', 2, 60, t0);
    expect(first).toMatchObject({ allowed: true, count: 1, windowStart: t0 });
    await r.hit('k', 2, 60, t0 + 1);
    await r.takeBack('k', first);
    expect((await r.hit('k', 2, 60, t0 + 2)).count).toBe(2);
    await r.takeBack('k', first);
    await r.takeBack('k', first);
    await r.takeBack('k', first);
    expect((await r.peek('k', 2, 60, t0 + 3)).count).toBe(0);
    // A hit from the previous window does not lower the new window's count.
    await r.hit('k', 2, 60, t0 + 60_000);
    await r.takeBack('k', first);
    expect((await r.peek('k', 2, 60, t0 + 60_001)).count).toBe(1);
  });
});

/**
 * The shared store, against the Redis of REDIS_URL (CI sets it; `.ci/run` starts Redis). Without it
 * this block checks only that the limiter lets requests through when Redis cannot be reached.
 */
describe('RedisRateLimiter', () => {
  const url = process.env.REDIS_URL;

  it('fails open, quickly, when Redis cannot be reached', async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    const limiter = new RedisRateLimiter(dead);
    const started = Date.now();
    expect(await limiter.hit('x', 1, 60)).toEqual({ allowed: true, count: 0, retryAfterSeconds: 0 });
    expect(Date.now() - started).toBeLessThan(2000);
    dead.disconnect();
  });

  (url ? it : it.skip)(`counts across clients sharing ${url ?? 'REDIS_URL (not set)'}`, async () => {
    const a = new Redis(url!);
    const b = new Redis(url!);
    try {
      // An hour-long window, so the six hits do not straddle a window boundary.
      const key = `test-${process.pid}-${Date.now()}`;
      const [la, lb] = [new RedisRateLimiter(a), new RedisRateLimiter(b)];
      const results = [];
      for (let i = 0; i < 6; i++) results.push(await (i % 2 ? la : lb).hit(key, 4, 3600));
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, false, false]);
      expect(results[5].count).toBe(6);
      expect((await la.peek(key, 4, 3600)).allowed).toBe(false);
      // The window's key expires with the window.
      const [k] = await a.keys(`ak1:rl:${key}:*`);
      expect(await a.pttl(k)).toBeGreaterThan(0);
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });

  (url ? it : it.skip)('takes back a hit, never below zero, and does not revive an expired window', async () => {
    const a = new Redis(url!);
    try {
      const key = `test-takeback-${process.pid}-${Date.now()}`;
      const limiter = new RedisRateLimiter(a);
      const first = await limiter.hit(key, 2, 3600);
      await limiter.hit(key, 2, 3600);
      await limiter.takeBack(key, first);
      expect((await limiter.peek(key, 2, 3600)).count).toBe(1);
      await limiter.takeBack(key, first);
      await limiter.takeBack(key, first);
      expect((await limiter.peek(key, 2, 3600)).count).toBe(0);
      await limiter.takeBack(key, { ...first, windowStart: first.windowStart! - 3_600_000 });
      expect(await a.keys(`ak1:rl:${key}:${first.windowStart! - 3_600_000}`)).toEqual([]);
      // A fail-open result (Redis was down: nothing counted) is not taken back.
      await limiter.takeBack(key, { allowed: true, count: 0, retryAfterSeconds: 0 });
    } finally {
      a.disconnect();
    }
  });
});
