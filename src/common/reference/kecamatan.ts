import { foldName, regions } from './regions.js';

/**
 * The kecamatan a person or a vacancy may name: every kecamatan of South Sumatra (province 16), from
 * data/reference/kecamatan-16.csv through the Regions lists (regions.ts). The API speaks Kemendagri
 * codes with dots (`16.71.05`); the BPS code, where known, is kept beside it (the numberings differ).
 */
export interface Kecamatan {
  code: string;
  bpsCode: string | null;
  name: string;
}

export const KECAMATAN: readonly Kecamatan[] = regions().kecamatan.map((k) => ({
  code: k.code,
  bpsCode: k.bpsCode,
  name: k.name,
}));

export const KECAMATAN_CODES: readonly string[] = KECAMATAN.map((k) => k.code);

/** Kota Palembang's 18 kecamatan (16.71.xx): the seed's city. */
export const PALEMBANG_KECAMATAN_CODES: readonly string[] = KECAMATAN_CODES.filter((c) => c.startsWith('16.71.'));

/** What the DTOs answer when a kecamatanCode is not one of the list. */
export const KECAMATAN_CODE_MESSAGE = 'kecamatanCode must be a kecamatan code of South Sumatra such as 16.71.05';

const CODES = new Set(KECAMATAN_CODES);

export function isKecamatanCode(code: unknown): boolean {
  return typeof code === 'string' && CODES.has(code);
}

/** How a person sees a kecamatan in a picker: `Ilir Timur I, Kota Palembang`. */
export function kecamatanLabel(code: string): string | null {
  const list = regions();
  const k = list.kecamatanOf(code);
  if (!k) return null;
  const regency = list.regency(k.regencyCode);
  return regency ? `${k.name}, ${regency.fullName}` : k.name;
}

let byText: Map<string, string> | null = null;

/**
 * The code a person meant by what they typed in a kecamatan field: the code itself, the label the
 * suggestions offer (`Ilir Timur I, Kota Palembang`), or the bare name when only one kecamatan has it;
 * any case, accents or punctuation. Null when it names none (or more than one).
 */
export function kecamatanFromText(text: string): string | null {
  const trimmed = text.trim();
  if (isKecamatanCode(trimmed)) return trimmed;
  if (!byText) {
    const map = new Map<string, string>();
    const ambiguous = new Set<string>();
    for (const k of KECAMATAN) {
      map.set(foldName(kecamatanLabel(k.code) ?? k.name), k.code);
      const name = foldName(k.name);
      if (map.has(name) && map.get(name) !== k.code) ambiguous.add(name);
      else map.set(name, k.code);
    }
    for (const name of ambiguous) map.delete(name);
    byText = map;
  }
  return byText.get(foldName(trimmed)) ?? null;
}
