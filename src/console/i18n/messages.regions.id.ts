/**
 * Bahasa Indonesia texts of the kecamatan pickers (issue 20, reference data): the hint under the
 * "type to search" field and the sentence when what was typed names no kecamatan. Spread into `ID`
 * (messages.id.ts).
 */
export const REGIONS_ID = {
  'hint.kecamatan': 'Ketik nama kecamatan, lalu pilih dari daftar yang muncul, misalnya: Ilir Timur I, Kota Palembang.',
  'fielderr.kecamatanCode':
    'Kecamatan tidak ditemukan. Ketik namanya lalu pilih dari daftar kecamatan di Sumatera Selatan.',
  'fielderr.company.kecamatanCode':
    'Kecamatan tidak ditemukan. Ketik namanya lalu pilih dari daftar kecamatan di Sumatera Selatan.',
};
