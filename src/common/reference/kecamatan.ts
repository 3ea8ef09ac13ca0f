/**
 * Kecamatan of Kota Palembang with their Kemendagri and BPS codes (the two numberings differ).
 * Source: shared/data/palembang-kecamatan.csv. The API speaks Kemendagri codes with dots.
 */
export interface Kecamatan {
  code: string;
  bpsCode: string;
  name: string;
}

export const KECAMATAN: readonly Kecamatan[] = [
  { code: '16.71.01', bpsCode: '1671010', name: 'Ilir Barat II' },
  { code: '16.71.02', bpsCode: '1671020', name: 'Seberang Ulu I' },
  { code: '16.71.03', bpsCode: '1671030', name: 'Seberang Ulu II' },
  { code: '16.71.04', bpsCode: '1671040', name: 'Ilir Barat I' },
  { code: '16.71.05', bpsCode: '1671050', name: 'Ilir Timur I' },
  { code: '16.71.06', bpsCode: '1671060', name: 'Ilir Timur II' },
  { code: '16.71.07', bpsCode: '1671080', name: 'Sukarami' },
  { code: '16.71.08', bpsCode: '1671070', name: 'Sako' },
  { code: '16.71.09', bpsCode: '1671051', name: 'Kemuning' },
  { code: '16.71.10', bpsCode: '1671061', name: 'Kalidoni' },
  { code: '16.71.11', bpsCode: '1671041', name: 'Bukit Kecil' },
  { code: '16.71.12', bpsCode: '1671011', name: 'Gandus' },
  { code: '16.71.13', bpsCode: '1671021', name: 'Kertapati' },
  { code: '16.71.14', bpsCode: '1671031', name: 'Plaju' },
  { code: '16.71.15', bpsCode: '1671081', name: 'Alang-Alang Lebar' },
  { code: '16.71.16', bpsCode: '1671071', name: 'Sematang Borang' },
  { code: '16.71.17', bpsCode: '1671022', name: 'Jakabaring' },
  { code: '16.71.18', bpsCode: '1671062', name: 'Ilir Timur III' },
];

export const KECAMATAN_CODES: readonly string[] = KECAMATAN.map((k) => k.code);

export function isKecamatanCode(code: unknown): boolean {
  return typeof code === 'string' && KECAMATAN_CODES.includes(code);
}
