import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldName, readCsv, REFERENCE_DIR, Regions } from '../../src/common/reference/regions';
import { isKecamatanCode, KECAMATAN_CODES, PALEMBANG_KECAMATAN_CODES } from '../../src/common/reference/kecamatan';

const r = new Regions();

function duplicates(codes: string[]): string[] {
  return codes.filter((c, i) => codes.indexOf(c) !== i);
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

describe('reference lists (data/reference)', () => {
  it('has the 38 provinces under their Kemendagri codes, the 2022 Papua provinces included', () => {
    expect(r.provinces).toHaveLength(38);
    expect(duplicates(r.provinces.map((p) => p.code))).toEqual([]);
    for (const p of r.provinces) expect(p.code).toMatch(/^\d{2}$/);
    expect(Object.fromEntries(r.provinces.filter((p) => p.code >= '91').map((p) => [p.code, p.name]))).toEqual({
      '91': 'Papua',
      '92': 'Papua Barat',
      '93': 'Papua Selatan',
      '94': 'Papua Tengah',
      '95': 'Papua Pegunungan',
      '96': 'Papua Barat Daya',
    });
    expect(r.province('16')?.name).toBe('Sumatera Selatan');
  });

  it('has the 514 regencies and cities (416 kabupaten, 98 kota), each in a known province', () => {
    expect(r.regencies).toHaveLength(514);
    expect(r.regencies.filter((x) => x.type === 'KABUPATEN')).toHaveLength(416);
    expect(r.regencies.filter((x) => x.type === 'KOTA')).toHaveLength(98);
    expect(duplicates(r.regencies.map((x) => x.code))).toEqual([]);
    for (const x of r.regencies) {
      expect(x.code).toMatch(/^\d{2}\.\d{2}$/);
      expect(x.code.slice(0, 2)).toBe(x.provinceCode);
      expect(r.province(x.provinceCode)).not.toBeNull();
      // kota are numbered from 71, kabupaten below
      expect(x.type === 'KOTA').toBe(Number(x.code.slice(3)) >= 71);
      expect(x.name).toMatch(/^[A-Z][A-Za-z .'-]+$/);
    }
    // every province has at least one
    expect(Object.keys(countBy(r.regencies, (x) => x.provinceCode)).sort()).toEqual(
      r.provinces.map((p) => p.code).sort(),
    );
  });

  it('numbers regencies per province as the Kemendagri list does', () => {
    expect(countBy(r.regencies, (x) => x.provinceCode)).toEqual({
      '11': 23, '12': 33, '13': 19, '14': 12, '15': 11, '16': 17, '17': 10, '18': 15, '19': 7, '21': 7,
      '31': 6, '32': 27, '33': 35, '34': 5, '35': 38, '36': 8, '51': 9, '52': 10, '53': 22, '61': 14,
      '62': 14, '63': 13, '64': 10, '65': 5, '71': 15, '72': 13, '73': 24, '74': 17, '75': 6, '76': 6,
      '81': 11, '82': 10, '91': 9, '92': 7, '93': 4, '94': 8, '95': 8, '96': 6,
    }); // prettier-ignore
  });

  it('spot-checks known codes', () => {
    const name = (code: string) => r.regency(code)?.fullName;
    expect(name('16.71')).toBe('Kota Palembang');
    expect(name('1671')).toBe('Kota Palembang');
    // Kemendagri's order differs from BPS's (BPS 1672 is Prabumulih)
    expect(name('16.72')).toBe('Kota Pagar Alam');
    expect(name('16.73')).toBe('Kota Lubuk Linggau');
    expect(name('16.74')).toBe('Kota Prabumulih');
    expect(name('16.10')).toBe('Kabupaten Ogan Ilir');
    expect(name('31.74')).toBe('Kota Jakarta Selatan');
    expect(name('32.73')).toBe('Kota Bandung');
    expect(name('35.78')).toBe('Kota Surabaya');
    expect(name('96.71')).toBe('Kota Sorong');
    expect(r.regency('16.75')).toBeNull();
    expect(r.regency('')).toBeNull();
  });

  it("has South Sumatra's 241 kecamatan in its 13 kabupaten and 4 kota, each in a known regency", () => {
    expect(r.kecamatan).toHaveLength(241);
    expect(duplicates(r.kecamatan.map((k) => k.code))).toEqual([]);
    for (const k of r.kecamatan) {
      expect(k.code).toMatch(/^16\.\d{2}\.\d{2}$/);
      expect(r.regencyOfKecamatan(k.code)?.code).toBe(k.code.slice(0, 5));
      if (k.bpsCode !== null) expect(k.bpsCode).toMatch(/^16\d{5}$/);
    }
    expect(countBy(r.kecamatan, (k) => k.regencyCode)).toEqual({
      '16.01': 13, '16.02': 18, '16.03': 22, '16.04': 24, '16.05': 14, '16.06': 15, '16.07': 21, '16.08': 20,
      '16.09': 19, '16.10': 16, '16.11': 10, '16.12': 5, '16.13': 7,
      '16.71': 18, '16.72': 5, '16.73': 8, '16.74': 6,
    }); // prettier-ignore
    expect(r.regencyOfKecamatan('16.74.03')?.fullName).toBe('Kota Prabumulih');
    expect(r.regencyOfKecamatan('16.74.99')).toBeNull();
  });

  it("keeps Palembang's rows exactly as shared/data/palembang-kecamatan.csv has them", () => {
    const file = readFileSync(join(REFERENCE_DIR, 'kecamatan-16.csv'), 'utf8');
    const rows = file.split('\n').filter((l) => l.startsWith('16.71.'));
    expect(rows).toEqual([
      '16.71.01,1671010,Ilir Barat II',
      '16.71.02,1671020,Seberang Ulu I',
      '16.71.03,1671030,Seberang Ulu II',
      '16.71.04,1671040,Ilir Barat I',
      '16.71.05,1671050,Ilir Timur I',
      '16.71.06,1671060,Ilir Timur II',
      '16.71.07,1671080,Sukarami',
      '16.71.08,1671070,Sako',
      '16.71.09,1671051,Kemuning',
      '16.71.10,1671061,Kalidoni',
      '16.71.11,1671041,Bukit Kecil',
      '16.71.12,1671011,Gandus',
      '16.71.13,1671021,Kertapati',
      '16.71.14,1671031,Plaju',
      '16.71.15,1671081,Alang-Alang Lebar',
      '16.71.16,1671071,Sematang Borang',
      '16.71.17,1671022,Jakabaring',
      '16.71.18,1671062,Ilir Timur III',
    ]);
    expect(PALEMBANG_KECAMATAN_CODES).toHaveLength(18);
  });

  it('the CSV files have their documented headers', () => {
    expect(Object.keys(readCsv(join(REFERENCE_DIR, 'provinces.csv'))[0])).toEqual(['kemendagri_code', 'name']);
    expect(Object.keys(readCsv(join(REFERENCE_DIR, 'regencies.csv'))[0])).toEqual([
      'kemendagri_code',
      'province_code',
      'type',
      'name',
    ]);
    expect(Object.keys(readCsv(join(REFERENCE_DIR, 'kecamatan-16.csv'))[0])).toEqual([
      'kemendagri_code',
      'bps_code',
      'name',
    ]);
  });
});

describe('kecamatan validation list', () => {
  it('accepts every South Sumatra kecamatan and nothing else', () => {
    expect(KECAMATAN_CODES).toHaveLength(241);
    expect(isKecamatanCode('16.71.05')).toBe(true);
    expect(isKecamatanCode('16.74.03')).toBe(true);
    expect(isKecamatanCode('16.01.07')).toBe(true);
    expect(isKecamatanCode('16.71.19')).toBe(false);
    expect(isKecamatanCode('16.01.01')).toBe(false); // a gap in Kemendagri's numbering
    expect(isKecamatanCode('31.74.01')).toBe(false); // outside South Sumatra, not listed yet
    expect(isKecamatanCode('167105')).toBe(false);
    expect(isKecamatanCode(16.71)).toBe(false);
  });
});

describe('search', () => {
  it('folds case, accents and punctuation', () => {
    expect(foldName('  Alang-Alang  LEBAR ')).toBe('alang alang lebar');
    expect(foldName('Pagar Álam')).toBe('pagar alam');
  });

  it('finds regencies by the start of their name first, then by a part of it', () => {
    const names = r.searchRegencies({ province: '16', q: 'ogan' }).map((x) => x.code);
    expect(names).toEqual(['16.01', '16.02', '16.08', '16.09', '16.10']);
    expect(r.searchRegencies({ q: 'kota pal' }).map((x) => x.fullName)).toEqual([
      'Kota Palembang',
      'Kota Palangkaraya',
      'Kota Palu',
      'Kota Palopo',
    ]);
    expect(r.searchRegencies({ q: 'PALEMBANG' }).map((x) => x.code)).toEqual(['16.71']);
    expect(r.searchRegencies({ q: 'rawas', province: '16' }).map((x) => x.code)).toEqual(['16.05', '16.13']);
    // a name starting with q comes before one merely holding it
    expect(r.searchRegencies({ q: 'musi', province: '16' }).map((x) => x.code)).toEqual(['16.05', '16.06', '16.13']);
    expect(r.searchRegencies({ q: 'lahat' }).map((x) => x.code)).toEqual(['16.04']);
    expect(r.searchRegencies({ q: 'lematang', province: '16' }).map((x) => x.code)).toEqual(['16.12']);
    expect(r.searchRegencies({ q: 'mbang', province: '16' }).map((x) => x.code)).toEqual(['16.71']);
    expect(r.searchRegencies({ q: '16.7' }).map((x) => x.code)).toEqual(['16.71', '16.72', '16.73', '16.74']);
    expect(r.searchRegencies({ province: '99' })).toEqual([]);
    expect(r.searchRegencies({ q: '!!!' })).toEqual([]);
  });

  it('finds kecamatan by name, within a regency given either way', () => {
    expect(r.searchKecamatan({ regency: '1671', q: 'ilir timur' }).map((k) => k.name)).toEqual([
      'Ilir Timur I',
      'Ilir Timur II',
      'Ilir Timur III',
    ]);
    expect(r.searchKecamatan({ regency: '16.74' }).map((k) => k.name)).toContain('Cambai');
    expect(r.searchKecamatan({ q: 'cambai' }).map((k) => k.code)).toEqual(['16.74.03']);
    // names starting with q before names holding it
    expect(r.searchKecamatan({ regency: '16.13', q: 'rawas' }).map((k) => k.name)).toEqual([
      'Rawas Ulu',
      'Rawas Ilir',
      'Ulu Rawas',
    ]);
    expect(r.searchKecamatan({ regency: '16.99' })).toEqual([]);
    expect(r.searchKecamatan({}).length).toBe(241);
  });
});
