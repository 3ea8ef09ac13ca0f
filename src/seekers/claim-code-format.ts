import { randomInt } from 'node:crypto';

/** Letters and digits people do not confuse when read aloud or copied from paper: no 0/O, 1/I/L. */
export const CLAIM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CLAIM_CODE_LENGTH = 8;
/** How long a claim code can be used. */
export const CLAIM_CODE_TTL_DAYS = 7;

/** A new random code (31^8 ≈ 8.5·10^11 possibilities, about 40 bits). */
export function newClaimCode(): string {
  let code = '';
  for (let i = 0; i < CLAIM_CODE_LENGTH; i++) code += CLAIM_CODE_ALPHABET[randomInt(CLAIM_CODE_ALPHABET.length)];
  return code;
}

/** What a person typed, as the code it means: case, spaces and dashes ignored. */
export function normaliseClaimCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}
