import { VerifiedTokens } from '../../src/common/auth/verified-tokens';
import type { AuthUser } from '../../src/common/auth/auth-user';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
/** A compact token with this payload (the cache never checks signatures: the strategy has done it). */
const tokenWith = (payload: Record<string, unknown>, sig = 'c2ln') => `${b64({ alg: 'HS256' })}.${b64(payload)}.${sig}`;
const user = (id: string): AuthUser => ({
  id,
  role: 'employer',
  email: `${id}@x.test`,
  employerId: 'e',
  seekerId: null,
  officeId: null,
});

describe('VerifiedTokens (the guard remembers verified access tokens until they expire)', () => {
  let nowMs = 1_800_000_000_000;
  const clock = () => nowMs;
  beforeEach(() => (nowMs = 1_800_000_000_000));

  it('answers for the exact token string until exp, and not from exp on (jsonwebtoken: expired when now ≥ exp)', () => {
    const tokens = new VerifiedTokens(10, clock);
    const exp = nowMs / 1000 + 60;
    const t = tokenWith({ sub: 'u1', exp });
    tokens.remember(t, user('u1'));
    expect(tokens.get(t)?.id).toBe('u1');
    expect(tokens.get(tokenWith({ sub: 'u1', exp }, 'b3RoZXI'))).toBeUndefined(); // another signature
    expect(tokens.get(`${t}x`)).toBeUndefined();
    nowMs = exp * 1000 - 1;
    expect(tokens.get(t)?.id).toBe('u1');
    nowMs = exp * 1000;
    expect(tokens.get(t)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('does not remember a token without a numeric exp, or one already expired', () => {
    const tokens = new VerifiedTokens(10, clock);
    tokens.remember(tokenWith({ sub: 'a' }), user('a'));
    tokens.remember(tokenWith({ sub: 'b', exp: '9999999999' }), user('b'));
    tokens.remember(tokenWith({ sub: 'c', exp: nowMs / 1000 - 1 }), user('c'));
    tokens.remember('not.a-token', user('d'));
    expect(tokens.size).toBe(0);
  });

  it('keeps at most `max` tokens, dropping the oldest first', () => {
    const tokens = new VerifiedTokens(3, clock);
    const exp = nowMs / 1000 + 600;
    const all = ['a', 'b', 'c', 'd'].map((s) => tokenWith({ sub: s, exp }));
    all.forEach((t, i) => tokens.remember(t, user(String(i))));
    expect(tokens.size).toBe(3);
    expect(tokens.get(all[0])).toBeUndefined();
    expect(tokens.get(all[3])?.id).toBe('3');
  });

  it('hands every request the same caller, which nobody can change', () => {
    const tokens = new VerifiedTokens(3, clock);
    const t = tokenWith({ sub: 'u', exp: nowMs / 1000 + 60 });
    tokens.remember(t, user('u'));
    const u = tokens.get(t)!;
    expect(Object.isFrozen(u)).toBe(true);
    expect(() => {
      (u as { role: string }).role = 'officer';
    }).toThrow(TypeError);
  });
});
