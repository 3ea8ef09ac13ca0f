import { PALEMBANG_KECAMATAN_CODES } from '../common/reference/kecamatan.js';
import { regions } from '../common/reference/regions.js';
import { Office } from '../offices/office.entity.js';
import { rngFor, seededId, TAG } from './random.js';

/** Which offices the seeded world has: one city (the deployment's REGION_CODE), or province 16 with its 17 cities. */
export type SeedOffices = 'city' | 'province';
export const SEED_OFFICES: readonly SeedOffices[] = ['city', 'province'];

/** The province `--offices province` seeds: the one whose kecamatan are in data/reference. */
export const SEED_PROVINCE_CODE = '16';
export const SEED_PROVINCE_NAME = 'Dinas Tenaga Kerja dan Transmigrasi Provinsi Sumatera Selatan';

/** Where a seeded row lives: its office, the code its cards and labour events carry, its kecamatan. */
export interface SeedCity {
  /** The CITY office's id; null in the one-city world (the service gives such rows its first office at start). */
  officeId: string | null;
  /** The 4 digits that start card numbers and name the office in labour events. */
  code: string;
  /** The regency's 4 digits at the start of a local NIK. */
  regencyCode: string;
  /** As addresses say it: `Palembang`, `Ogan Ilir`. */
  name: string;
  kecamatan: readonly string[];
  /** Officers who register, decide and verify here (filled when the officers are written). */
  officerIds: string[];
}

/**
 * Rough population weights (thousands, BPS 2020) of South Sumatra's regencies and cities: Palembang is by
 * far the largest, so it gets the most seekers, employers and cards.
 */
const WEIGHTS: Readonly<Record<string, number>> = {
  '1601': 370,
  '1602': 800,
  '1603': 640,
  '1604': 430,
  '1605': 400,
  '1606': 680,
  '1607': 840,
  '1608': 680,
  '1609': 420,
  '1610': 430,
  '1611': 340,
  '1612': 200,
  '1613': 200,
  '1671': 1700,
  '1672': 145,
  '1673': 240,
  '1674': 200,
};

/**
 * The offices of the seeded world and which city each seeker and employer belongs to. A record's city is
 * drawn from its own generator (kind `office-of-…`), so the other draws of the seed stay as they were: the
 * one-city world is exactly the one seeded before offices existed.
 */
export class SeedGeography {
  readonly province: Office | null;
  readonly cities: SeedCity[];
  private readonly cumulative: number[];

  private constructor(province: Office | null, cities: SeedCity[], weights: number[]) {
    this.province = province;
    this.cities = cities;
    let sum = 0;
    this.cumulative = weights.map((w) => (sum += w));
  }

  /** One city office, REGION_CODE, Palembang's kecamatan: the seed as it was before offices. */
  static oneCity(regionCode: string): SeedGeography {
    return new SeedGeography(
      null,
      [
        {
          officeId: null,
          code: regionCode,
          regencyCode: '1671',
          name: 'Palembang',
          kecamatan: PALEMBANG_KECAMATAN_CODES,
          officerIds: [],
        },
      ],
      [1],
    );
  }

  /**
   * Province 16 and its 17 regencies/cities from data/reference, as offices with seeded ids. The province
   * row is the deployment's first office (REGION_CODE=16); `provinceId` reuses one that already exists.
   */
  static province(seed: number, created: Date, provinceId: string | null): SeedGeography {
    const list = regions();
    const province: Office = {
      id: provinceId ?? seededId(TAG.office, 0, rngFor(seed, 'office', 0)),
      code: SEED_PROVINCE_CODE,
      level: 'PROVINCE',
      name: SEED_PROVINCE_NAME,
      parentId: null,
      settings: null,
      createdAt: created,
      updatedAt: created,
    };
    const regencies = list.regencies.filter((r) => r.provinceCode === SEED_PROVINCE_CODE);
    const cities = regencies.map((r, k) => ({
      officeId: seededId(TAG.office, k + 1, rngFor(seed, 'office', k + 1)),
      code: r.compactCode,
      regencyCode: r.compactCode,
      name: r.name,
      fullName: r.fullName,
      kecamatan: list.kecamatan.filter((c) => c.regencyCode === r.code).map((c) => c.code),
      officerIds: [] as string[],
    }));
    for (const c of cities)
      if (c.kecamatan.length === 0) throw new Error(`no kecamatan of ${c.fullName} in data/reference`);
    const geo = new SeedGeography(
      province,
      cities.map(({ fullName: _f, ...c }) => c),
      cities.map((c) => WEIGHTS[c.code] ?? 100),
    );
    geo.officeNames = cities.map((c) => `Dinas Tenaga Kerja ${c.fullName}`);
    return geo;
  }

  /** The names of the city offices (`Dinas Tenaga Kerja Kota Palembang`), in the order of `cities`. */
  officeNames: string[] = [];

  /** The city of record `index` of `kind`: the first records one per city (every city has some), then by weight. */
  cityOf(seed: number, kind: 'seeker' | 'employer', index: number): number {
    const n = this.cities.length;
    if (n === 1) return 0;
    if (index < n) return index;
    const r = rngFor(seed, `office-of-${kind}`, index).next() * this.cumulative[n - 1];
    let k = 0;
    while (k < n - 1 && r >= this.cumulative[k]) k++;
    return k;
  }

  /** The largest city (by weight): its code numbers the seed's sample of unused and unknown card numbers. */
  get main(): SeedCity {
    let best = 0;
    for (let k = 1; k < this.cities.length; k++) if (this.weight(k) > this.weight(best)) best = k;
    return this.cities[best];
  }

  private weight(k: number): number {
    return this.cumulative[k] - (k === 0 ? 0 : this.cumulative[k - 1]);
  }

  /** The office rows to write: the province (unless it exists) and its cities, under it. */
  officeRows(created: Date, provinceExists: boolean): Office[] {
    if (!this.province) return [];
    const rows: Office[] = provinceExists ? [] : [this.province];
    this.cities.forEach((c, k) =>
      rows.push({
        id: c.officeId!,
        code: c.code,
        level: 'CITY',
        name: this.officeNames[k],
        parentId: this.province!.id,
        settings: null,
        createdAt: created,
        updatedAt: created,
      }),
    );
    return rows;
  }
}
