/**
 * How the IPK tables group codes the platform already holds: a KBJI 2014 occupation code by its major
 * group (its first digit, 0–9), a KBLI 2020 code by its section (A–U, from the first two digits). '-' is
 * "unknown" (no code, or one outside the classification).
 */

/** KBLI 2020 sections by their first and last two-digit division. */
const KBLI_SECTIONS: [string, number, number][] = [
  ['A', 1, 3],
  ['B', 5, 9],
  ['C', 10, 33],
  ['D', 35, 35],
  ['E', 36, 39],
  ['F', 41, 43],
  ['G', 45, 47],
  ['H', 49, 53],
  ['I', 55, 56],
  ['J', 58, 63],
  ['K', 64, 66],
  ['L', 68, 68],
  ['M', 69, 75],
  ['N', 77, 82],
  ['O', 84, 84],
  ['P', 85, 85],
  ['Q', 86, 88],
  ['R', 90, 93],
  ['S', 94, 96],
  ['T', 97, 98],
  ['U', 99, 99],
];

export const UNKNOWN_CODE = '-';

export function kbliSection(kbli: string | null | undefined): string {
  if (!kbli || !/^\d{2}/.test(kbli)) return UNKNOWN_CODE;
  const division = Number(kbli.slice(0, 2));
  const found = KBLI_SECTIONS.find(([, from, to]) => division >= from && division <= to);
  return found ? found[0] : UNKNOWN_CODE;
}

export function kbjiMajorGroup(code: string | null | undefined): string {
  return code && /^\d/.test(code) ? code[0] : UNKNOWN_CODE;
}
