import { RateLimiter } from '../../src/common/rate-limiter';

describe('RateLimiter', () => {
  it('allows up to the limit in a window, then refuses with the seconds left', () => {
    const r = new RateLimiter();
    const t0 = 1_800_000_000_000; // aligned to a minute
    for (let i = 1; i <= 3; i++) expect(r.hit('k', 3, 60, t0 + i)).toMatchObject({ allowed: true, count: i });
    const refused = r.hit('k', 3, 60, t0 + 15_000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(45);
    expect(r.hit('k', 3, 60, t0 + 60_000).allowed).toBe(true);
  });

  it('keeps keys apart and peeks without counting', () => {
    const r = new RateLimiter();
    r.hit('a', 1, 60, 0);
    expect(r.peek('a', 1, 60, 1).allowed).toBe(false);
    expect(r.peek('b', 1, 60, 1)).toEqual({ allowed: true, count: 0, retryAfterSeconds: 0 });
    expect(r.peek('b', 1, 60, 1).count).toBe(0);
  });
});
