import type { EducationLevel } from '../common/reference/education.js';
import type { PlacementSource, PlacementType } from '../placements/placement.entity.js';

/**
 * The codes the IPK tables group by, for seeded records. Derived from a record's id (a hash), not drawn
 * from its generator, so adding them left every other seeded value as it was.
 */
function share(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 0x1_0000_0000;
}

function weighted<T extends string>(key: string, weights: [T, number][]): T {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let x = share(key) * total;
  for (const [v, w] of weights) if ((x -= w) < 0) return v;
  return weights[weights.length - 1][0];
}

/** Detailed codes (data/reference/education.csv) of the seed's majors, by level. */
const SMK_CODES: Record<string, string> = {
  'Teknik Kendaraan Ringan': '0402',
  'Teknik Sepeda Motor': '0403',
  'Teknik Instalasi Tenaga Listrik': '0404',
  'Teknik Komputer dan Jaringan': '0410',
  Akuntansi: '0415',
  'Administrasi Perkantoran': '0416',
  Pemasaran: '0417',
  'Tata Boga': '0421',
  'Tata Busana': '0422',
  Perhotelan: '0420',
  Farmasi: '0426',
  'Teknik Pengelasan': '0407',
  Multimedia: '0412',
  'Rekayasa Perangkat Lunak': '0411',
  'Agribisnis Tanaman Perkebunan': '0427',
};
const SMA_CODES: Record<string, string> = { IPA: '0301', IPS: '0302', Bahasa: '0303' };
const S1_CODES: Record<string, string> = {
  'Teknik Sipil': '0901',
  'Teknik Mesin': '0902',
  'Teknik Elektro': '0903',
  'Teknik Kimia': '0905',
  'Teknik Informatika': '0906',
  'Sistem Informasi': '0907',
  Akuntansi: '0909',
  Manajemen: '0910',
  'Ilmu Hukum': '0912',
  'Ilmu Komunikasi': '0913',
  Keperawatan: '0917',
  Farmasi: '0919',
  'Pendidikan Guru SD': '0920',
  'Pendidikan Bahasa Inggris': '0920',
  Agribisnis: '0921',
};
const D3_CODES: Record<string, string> = {
  'Teknik Sipil': '0703',
  'Teknik Mesin': '0701',
  'Teknik Elektro': '0702',
  'Teknik Kimia': '0704',
  'Teknik Informatika': '0705',
  'Sistem Informasi': '0705',
  Akuntansi: '0706',
  Manajemen: '0707',
  Keperawatan: '0708',
  Kebidanan: '0709',
  Farmasi: '0710',
  Agribisnis: '0714',
};
/** A level's catch-all code, for a major the table above does not name. */
const LEVEL_DEFAULT: Record<EducationLevel, string> = {
  NONE: '0001',
  SD: '0101',
  SMP: '0201',
  SMA: '0301',
  SMK: '0499',
  D1: '0501',
  D2: '0601',
  D3: '0799',
  D4: '0801',
  S1: '0999',
  S2: '1099',
  S3: '1199',
};

/** Four in five seekers give their detailed education; it is always one of their level. */
export function seedEducationCode(key: string, level: EducationLevel, major: string | null): string | null {
  if (share(`edu|${key}`) < 0.2) return null;
  const byMajor = level === 'SMK' ? SMK_CODES : level === 'SMA' ? SMA_CODES : level === 'S1' ? S1_CODES : D3_CODES;
  const fromMajor =
    major && (level === 'SMK' || level === 'SMA' || level === 'S1' || level === 'D3') ? byMajor[major] : undefined;
  return fromMajor ?? LEVEL_DEFAULT[level];
}

/** Unit groups seekers most often ask for, across the major groups. */
const DESIRED: [string, number][] = [
  ['5223', 14],
  ['4110', 12],
  ['5230', 8],
  ['8322', 7],
  ['9333', 7],
  ['7231', 6],
  ['5120', 5],
  ['5414', 5],
  ['3313', 5],
  ['2512', 4],
  ['2330', 4],
  ['3221', 4],
  ['8160', 3],
  ['7411', 3],
  ['6111', 3],
  ['9112', 3],
  ['4222', 3],
  ['1420', 1],
  ['0310', 1],
];

/** Three in five seekers name the work they want (KBJI 2014). */
export function seedDesiredOccupation(key: string): string | null {
  return share(`want|${key}`) < 0.4 ? null : weighted(`occ|${key}`, DESIRED);
}

/** The kinds of the seeded employers: mostly private companies. */
export function seedEmployerKind(employerId: string): string {
  return weighted(`kind|${employerId}`, [
    ['SWASTA', 70],
    ['PERORANGAN', 8],
    ['KOPERASI', 5],
    ['YAYASAN', 5],
    ['BUMN', 5],
    ['BUMD', 4],
    ['PEMERINTAH', 3],
  ]);
}

/**
 * A seeded placement's type and employer kind. Hires of a vacancy are local (the seed's vacancies are in
 * Palembang); a hire without one, and most of all a self-report, may be in another province or abroad.
 */
export function seedPlacementFacts(
  placementId: string,
  p: { viaVacancy: boolean; employerId: string | null; source: PlacementSource },
): { placementType: PlacementType; employerKind: string } {
  const placementType: PlacementType = p.viaVacancy
    ? 'AKL'
    : weighted(
        `type|${placementId}`,
        p.source === 'SELF_REPORT'
          ? [
              ['AKL', 70],
              ['AKAD', 18],
              ['AKAN', 12],
            ]
          : [
              ['AKL', 85],
              ['AKAD', 12],
              ['AKAN', 3],
            ],
      );
  if (p.employerId) return { placementType, employerKind: seedEmployerKind(p.employerId) };
  if (placementType === 'AKAN') return { placementType, employerKind: 'LUAR_NEGERI' };
  return {
    placementType,
    employerKind: weighted(`sk|${placementId}`, [
      ['SWASTA', 60],
      ['PERORANGAN', 20],
      ['-', 20],
    ]),
  };
}
