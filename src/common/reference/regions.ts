import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Indonesia's regions as the Ministry of Home Affairs (Kemendagri) numbers them: the 38 provinces, the
 * 514 regencies and cities, and the kecamatan of South Sumatra (province 16). The lists are the CSV
 * files of data/reference (docs/reference-data.md names their sources), read once, on first use, from
 * `../../../data/reference` of this module's folder: the repository's folder under ts-jest, the copy
 * in dist/data/reference once built (scripts/postbuild.cjs).
 *
 * Codes are the Kemendagri ones with dots (`16`, `16.71`, `16.71.05`); a regency may also be named by
 * its four digits (`1671`, the form offices and REGION_CODE use).
 */
export interface Province {
  code: string;
  name: string;
}

export type RegencyType = 'KABUPATEN' | 'KOTA';

export interface Regency {
  /** `16.71` */
  code: string;
  /** `1671` */
  compactCode: string;
  provinceCode: string;
  type: RegencyType;
  /** The name without its type: `Palembang`. */
  name: string;
  /** The name people say: `Kota Palembang`, `Kabupaten Ogan Ilir`. */
  fullName: string;
}

export interface Kecamatan {
  /** `16.71.05` */
  code: string;
  /** The BPS code where the list has it (`1671050`), else null: the two numberings differ. */
  bpsCode: string | null;
  name: string;
  regencyCode: string;
}

export interface RegionQuery {
  /** A part of the name (any case, accents or punctuation), or the start of a code. */
  q?: string;
}

export const REFERENCE_DIR = join(__dirname, '..', '..', '..', 'data', 'reference');

/** Lower case, accents and punctuation gone, single spaces: `Alang-Alang  Lebar` → `alang alang lebar`. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The rows of a small CSV without quoted fields (the reference lists have none), keyed by its header. */
export function readCsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines[0].split(',');
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== header.length)
      throw new Error(`${path}:${i + 2}: ${cells.length} cells, expected ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, cells[j].trim()]));
  });
}

interface Searchable {
  code: string;
  folded: string[];
}

/** Items whose code starts with q or one of whose names contains it, the ones starting with it first. */
function search<T extends Searchable>(items: readonly T[], q: string | undefined): T[] {
  const raw = (q ?? '').trim();
  if (raw === '') return [...items];
  const codeLike = /^[0-9.]+$/.test(raw);
  const folded = foldName(raw);
  if (folded === '') return [];
  const starts: T[] = [];
  const contains: T[] = [];
  for (const item of items) {
    if (codeLike && (item.code.startsWith(raw) || item.code.replace(/\./g, '').startsWith(raw))) starts.push(item);
    else if (item.folded.some((f) => f.startsWith(folded))) starts.push(item);
    else if (item.folded.some((f) => f.includes(folded))) contains.push(item);
  }
  return [...starts, ...contains];
}

export class Regions {
  readonly provinces: readonly Province[];
  readonly regencies: readonly Regency[];
  readonly kecamatan: readonly Kecamatan[];
  private readonly provinceByCode = new Map<string, Province>();
  private readonly regencyByCode = new Map<string, Regency>();
  private readonly kecamatanByCode = new Map<string, Kecamatan>();
  private readonly searchable = new WeakMap<object, string[]>();

  constructor(dir: string = REFERENCE_DIR) {
    this.provinces = readCsv(join(dir, 'provinces.csv')).map((r) => ({ code: r.kemendagri_code, name: r.name }));
    this.regencies = readCsv(join(dir, 'regencies.csv')).map((r) => {
      const type = r.type as RegencyType;
      return {
        code: r.kemendagri_code,
        compactCode: r.kemendagri_code.replace('.', ''),
        provinceCode: r.province_code,
        type,
        name: r.name,
        fullName: `${type === 'KOTA' ? 'Kota' : 'Kabupaten'} ${r.name}`,
      };
    });
    this.kecamatan = readCsv(join(dir, 'kecamatan-16.csv')).map((r) => ({
      code: r.kemendagri_code,
      bpsCode: r.bps_code || null,
      name: r.name,
      regencyCode: r.kemendagri_code.slice(0, 5),
    }));
    for (const p of this.provinces) this.provinceByCode.set(p.code, p);
    for (const r of this.regencies) {
      this.regencyByCode.set(r.code, r);
      this.regencyByCode.set(r.compactCode, r);
    }
    for (const k of this.kecamatan) this.kecamatanByCode.set(k.code, k);
  }

  province(code: string | null | undefined): Province | null {
    return (code && this.provinceByCode.get(code)) || null;
  }

  /** A regency or city by `16.71` or `1671`. */
  regency(code: string | null | undefined): Regency | null {
    return (code && this.regencyByCode.get(code)) || null;
  }

  kecamatanOf(code: string | null | undefined): Kecamatan | null {
    return (code && this.kecamatanByCode.get(code)) || null;
  }

  regencyOfKecamatan(kecamatanCode: string | null | undefined): Regency | null {
    const k = this.kecamatanOf(kecamatanCode);
    return k ? this.regency(k.regencyCode) : null;
  }

  searchProvinces(q?: string): Province[] {
    return search(
      this.provinces.map((p) => this.withFolded(p, [p.name])),
      q,
    ).map(({ item }) => item);
  }

  /** Regencies and cities, of one province when given, by name (`pal`, `kota pal`, `kab ogan`). */
  searchRegencies(opts: RegionQuery & { province?: string }): Regency[] {
    const pool = opts.province ? this.regencies.filter((r) => r.provinceCode === opts.province) : this.regencies;
    return search(
      pool.map((r) => this.withFolded(r, [r.name, r.fullName, `${r.type === 'KOTA' ? 'kota' : 'kab'} ${r.name}`])),
      opts.q,
    ).map(({ item }) => item);
  }

  /** Kecamatan, of one regency when given (`16.71` or `1671`), by name. */
  searchKecamatan(opts: RegionQuery & { regency?: string }): Kecamatan[] {
    const regency = opts.regency ? this.regency(opts.regency) : null;
    if (opts.regency && !regency) return [];
    const pool = regency ? this.kecamatan.filter((k) => k.regencyCode === regency.code) : this.kecamatan;
    return search(
      pool.map((k) => this.withFolded(k, [k.name])),
      opts.q,
    ).map(({ item }) => item);
  }

  private withFolded<T extends { code: string }>(
    item: T,
    names: string[],
  ): { code: string; folded: string[]; item: T } {
    let folded = this.searchable.get(item);
    if (!folded) {
      folded = names.map(foldName);
      this.searchable.set(item, folded);
    }
    return { code: item.code, folded, item };
  }
}

let loaded: Regions | null = null;

/** The lists, read on first use and kept for the life of the process. */
export function regions(): Regions {
  loaded ??= new Regions();
  return loaded;
}
