/**
 * AK1 card numbers issued here: 13 digits `RRRR YY SSSSSS C` — region code, two-digit issue year,
 * serial within region and year, and a Luhn check digit over the first 12. Shown grouped
 * (`1671-26-000123-7`); typed with or without spaces, dots or dashes. Imported cards keep the
 * number of the earlier system, which may have any shape.
 */

/** Luhn check digit for a string of digits (the digit to append). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  // Walking from the right, the digit next to the (future) check digit is doubled.
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = payload.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit is the Luhn check digit of the others. */
export function hasValidCheckDigit(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}

/** The 13 digits of a newly issued card. */
export function composeCardNumber(regionCode: string, issueYear: number, serial: number): string {
  if (!/^\d{4}$/.test(regionCode)) throw new Error('region code must be 4 digits');
  if (!Number.isInteger(serial) || serial < 1 || serial > 999_999) throw new Error('serial out of range');
  const payload = `${regionCode}${String(issueYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
  return payload + String(luhnCheckDigit(payload));
}

/** `1671260001237` → `1671-26-000123-7`. */
export function groupCardNumber(digits13: string): string {
  return `${digits13.slice(0, 4)}-${digits13.slice(4, 6)}-${digits13.slice(6, 12)}-${digits13.slice(12)}`;
}

/**
 * The lookup key of a typed number: spaces, dots and dashes removed, letters upper-cased. Cards are
 * stored and found by this key, so `1671 26 000123 7` and `1671.26.000123.7` name the same card.
 */
export function cardNumberKey(input: string): string {
  return input.replace(/[\s.-]/g, '').toUpperCase();
}

export type CardNumberInput =
  | { kind: 'issued'; key: string; display: string }
  | { kind: 'other'; key: string; display: string }
  | { kind: 'bad-check-digit' }
  | { kind: 'malformed' };

/** Old numbers may hold letters, digits and slashes; anything else cannot be a card number. */
const KEY_RE = /^[A-Z0-9/]{1,32}$/;

/**
 * Classifies a typed number: a 13-digit number is one of ours and must carry a valid check digit
 * (refused before any lookup); anything else of a plausible shape may be an imported number.
 */
export function readCardNumber(input: string): CardNumberInput {
  const key = cardNumberKey(input);
  if (/^\d{13}$/.test(key)) {
    return hasValidCheckDigit(key)
      ? { kind: 'issued', key, display: groupCardNumber(key) }
      : { kind: 'bad-check-digit' };
  }
  if (!KEY_RE.test(key)) return { kind: 'malformed' };
  return { kind: 'other', key, display: key };
}
