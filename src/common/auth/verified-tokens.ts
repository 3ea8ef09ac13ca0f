import type { AuthUser } from './auth-user.js';

/** How many verified access tokens an instance remembers (a few MB at most). */
export const VERIFIED_TOKENS_MAX = 20_000;

/**
 * Access tokens this instance has already verified, with what they say, until they expire. An access token
 * is stateless (nothing about it is looked up per request: docs/accounts.md), so the answer for the same
 * string cannot change before its `exp`; checking the signature, issuer and audience again on every request
 * of a busy client (an HR desk validating cards) cost ~5 % of a card validation (docs/benchmarks.md).
 *
 * Keys are the whole compact token, so only the exact string that was verified finds its entry; entries
 * are dropped at `exp` (jsonwebtoken's rule: expired when now ≥ exp) and, when full, oldest first.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { user: AuthUser; expMs: number }>();

  constructor(
    private readonly max = VERIFIED_TOKENS_MAX,
    private readonly now: () => number = Date.now,
  ) {}

  /** The caller of a token verified before and not yet expired, else undefined. */
  get(token: string): AuthUser | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (this.now() >= hit.expMs) {
      this.entries.delete(token);
      return undefined;
    }
    return hit.user;
  }

  /** Remembers a token that has just been verified (its `exp` is read from its payload). */
  remember(token: string, user: AuthUser): void {
    const exp = expiryOf(token);
    if (exp === null || this.now() >= exp * 1000) return;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    // Shared by every later request with this token: nobody may change it.
    this.entries.set(token, { user: Object.freeze(user), expMs: exp * 1000 });
  }

  get size(): number {
    return this.entries.size;
  }
}

/** `exp` of a compact JWS already verified by the strategy (its payload is trusted), or null. */
function expiryOf(token: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp : null;
  } catch {
    return null;
  }
}
