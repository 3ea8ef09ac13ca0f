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

/** KBJI 2014 major groups (golongan pokok jabatan), as the IPK III/3 and III/5 rows name them. */
export const KBJI_MAJOR_GROUPS: [string, string][] = [
  ['1', 'Manajer'],
  ['2', 'Profesional'],
  ['3', 'Teknisi dan asisten profesional'],
  ['4', 'Tenaga tata usaha'],
  ['5', 'Tenaga usaha jasa dan tenaga penjualan'],
  ['6', 'Pekerja terampil pertanian, kehutanan dan perikanan'],
  ['7', 'Pekerja pengolahan, kerajinan dan YBDI'],
  ['8', 'Operator dan perakit mesin'],
  ['9', 'Pekerja kasar'],
  ['0', 'Tentara Nasional Indonesia dan Kepolisian Negara Republik Indonesia'],
];

/** KBLI 2020 sections (kategori), as the IPK III/6 and III/7 rows name them. */
export const KBLI_SECTION_LABELS: [string, string][] = [
  ['A', 'Pertanian, kehutanan dan perikanan'],
  ['B', 'Pertambangan dan penggalian'],
  ['C', 'Industri pengolahan'],
  ['D', 'Pengadaan listrik, gas, uap/air panas dan udara dingin'],
  ['E', 'Treatment air, treatment air limbah, treatment dan pemulihan material sampah, dan aktivitas remediasi'],
  ['F', 'Konstruksi'],
  ['G', 'Perdagangan besar dan eceran; reparasi dan perawatan mobil dan sepeda motor'],
  ['H', 'Pengangkutan dan pergudangan'],
  ['I', 'Penyediaan akomodasi dan penyediaan makan minum'],
  ['J', 'Informasi dan komunikasi'],
  ['K', 'Aktivitas keuangan dan asuransi'],
  ['L', 'Real estat'],
  ['M', 'Aktivitas profesional, ilmiah dan teknis'],
  [
    'N',
    'Aktivitas penyewaan dan sewa guna usaha tanpa hak opsi, ketenagakerjaan, agen perjalanan dan penunjang usaha lainnya',
  ],
  ['O', 'Administrasi pemerintahan, pertahanan dan jaminan sosial wajib'],
  ['P', 'Pendidikan'],
  ['Q', 'Aktivitas kesehatan manusia dan aktivitas sosial'],
  ['R', 'Kesenian, hiburan dan rekreasi'],
  ['S', 'Aktivitas jasa lainnya'],
  [
    'T',
    'Aktivitas rumah tangga sebagai pemberi kerja; aktivitas yang menghasilkan barang dan jasa oleh rumah tangga yang digunakan untuk memenuhi kebutuhan sendiri',
  ],
  ['U', 'Aktivitas badan internasional dan badan ekstra internasional lainnya'],
];
