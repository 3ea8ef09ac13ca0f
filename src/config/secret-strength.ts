/**
 * A rough lower bound on how guessable a secret is, for refusing obviously weak ones at start:
 * `'a'.repeat(32)`, `'password'.repeat(4)`, `'abcdefgh…'` and the like. It is not a proof of
 * strength — a random secret from a generator always passes, a human-made one often does not.
 */

/** Length of the shortest unit the text is a repetition of (`'abcabcab'` → 3). */
export function shortestPeriod(s: readonly number[] | string): number {
  const a = typeof s === 'string' ? Array.from(s) : s;
  const n = a.length;
  // Prefix function (KMP): the text repeats its first n − π[n−1] symbols.
  const pi = new Array<number>(n).fill(0);
  for (let i = 1; i < n; i++) {
    let k = pi[i - 1];
    while (k > 0 && a[i] !== a[k]) k = pi[k - 1];
    if (a[i] === a[k]) k++;
    pi[i] = k;
  }
  return n === 0 ? 0 : n - pi[n - 1];
}

/** Shannon entropy of the symbol frequencies, times the length: bits if the symbols were independent. */
function shannonBits(symbols: readonly (string | number)[]): number {
  const counts = new Map<string | number, number>();
  for (const c of symbols) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perSymbol = 0;
  for (const k of counts.values()) {
    const p = k / symbols.length;
    perSymbol -= p * Math.log2(p);
  }
  return perSymbol * symbols.length;
}

/** Whether most steps between neighbours are the same (`abcdef…`, `13579…`, `zyxw…`). */
function mostlyArithmetic(codes: readonly number[]): boolean {
  if (codes.length < 3) return false;
  let same = 0;
  for (let i = 2; i < codes.length; i++) if (codes[i] - codes[i - 1] === codes[i - 1] - codes[i - 2]) same++;
  return same / (codes.length - 2) > 0.5;
}

/**
 * Estimated bits of a secret: a repeated unit counts once, the unit's symbol frequencies give the
 * bits, and a run of evenly stepping symbols counts as nearly nothing.
 */
export function estimatedBits(secret: string | Buffer): number {
  const symbols: (string | number)[] = typeof secret === 'string' ? Array.from(secret) : Array.from(secret);
  if (symbols.length === 0) return 0;
  const codes = symbols.map((c) => (typeof c === 'number' ? c : c.codePointAt(0)!));
  const unit = symbols.slice(0, shortestPeriod(codes));
  const unitCodes = codes.slice(0, unit.length);
  if (mostlyArithmetic(unitCodes)) return Math.log2(unit.length + 1) * 8;
  return shannonBits(unit);
}

/** Bits a secret must reach in production; a random 32-byte key or 32 random characters clear it. */
export const MIN_SECRET_BITS = 96;

export function isWeakSecret(secret: string | Buffer): boolean {
  return estimatedBits(secret) < MIN_SECRET_BITS;
}
