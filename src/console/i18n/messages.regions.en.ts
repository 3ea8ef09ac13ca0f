import type { REGIONS_ID } from './messages.regions.id.js';

/** English texts of the kecamatan pickers; see messages.regions.id.ts. Spread into `EN` (messages.en.ts). */
export const REGIONS_EN: Record<keyof typeof REGIONS_ID, string> = {
  'hint.kecamatan': 'Type the name of the kecamatan, then choose it from the list, e.g.: Ilir Timur I, Kota Palembang.',
  'fielderr.kecamatanCode':
    'No such kecamatan. Type its name and choose it from the list of kecamatan in South Sumatra.',
  'fielderr.company.kecamatanCode':
    'No such kecamatan. Type its name and choose it from the list of kecamatan in South Sumatra.',
};
