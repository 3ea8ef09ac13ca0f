import { PALEMBANG_KECAMATAN_CODES as KECAMATAN_CODES } from '../common/reference/kecamatan.js';
import { nikProblems, type Gender } from '../seekers/nik.js';
import type { EducationLevel, MaritalStatus, WorkExperience } from '../seekers/profile.js';
import type { Rng } from './random.js';
import {
  BIRTH_PLACES_OTHER,
  FAMILY,
  FAMILY_FEMALE,
  FEMALE_GIVEN,
  MAJORS_HIGHER,
  MAJORS_SMK,
  MALE_GIVEN,
  MIDDLE,
  OTHER_NIK_REGENCIES,
  OUTSIDE_NIK_REGENCIES,
  POSITIONS,
  SKILLS,
  STREETS,
  COMPANY_WORDS,
} from './reference.js';

const DAY_MS = 86_400_000;

/** Calendar dates as whole days since 1970-01-01, for cheap random spans. */
export function dayOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A job seeker's profile as registered (everything but ids, timestamps and the sealed NIK). */
export interface PersonProfile {
  nik: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  gender: Gender;
  maritalStatus: MaritalStatus;
  phone: string | null;
  address: string;
  kecamatanCode: string;
  educationLevel: EducationLevel;
  major: string | null;
  graduationYear: number | null;
  skills: string[];
  experience: WorkExperience[];
}

/** Education mix of registered job seekers: mostly upper-secondary, a sizeable graduate share. */
const EDUCATION_MIX: Readonly<Record<EducationLevel, number>> = {
  NONE: 0.5,
  SD: 7,
  SMP: 11,
  SMA: 30,
  SMK: 24,
  D1: 1,
  D2: 0.5,
  D3: 8,
  D4: 2,
  S1: 14.5,
  S2: 1.3,
  S3: 0.2,
};
/** Typical age at graduation per level. */
const GRADUATION_AGE: Readonly<Record<EducationLevel, number | null>> = {
  NONE: null,
  SD: 12,
  SMP: 15,
  SMA: 18,
  SMK: 18,
  D1: 19,
  D2: 20,
  D3: 21,
  D4: 22,
  S1: 22,
  S2: 25,
  S3: 30,
};
/** Age at the first card: mostly school leavers and young graduates. */
const AGE_MIX: Readonly<Record<string, number>> = { '18-22': 38, '23-27': 30, '28-34': 18, '35-44': 10, '45-55': 4 };

/**
 * Hands out NIK serials: the last four digits count up per (region, birth date, sex), as the civil
 * registry does, so NIKs are unique without retries and the sequence depends only on generation order.
 */
export class NikRegistry {
  private readonly lastSerial = new Map<string, number>();

  next(prefix12: string): string {
    const serial = (this.lastSerial.get(prefix12) ?? 0) + 1;
    if (serial > 9999) throw new Error(`NIK serials exhausted for ${prefix12}`);
    this.lastSerial.set(prefix12, serial);
    return prefix12 + String(serial).padStart(4, '0');
  }
}

/** A person registering around `referenceDay` (the day of their first card or request), aged 18+ then. */
/** Where a person lives: the kecamatan list drawn from, the regency's NIK digits and the name addresses say. */
export interface HomePlace {
  regencyCode: string;
  name: string;
  kecamatan: readonly string[];
}

const PALEMBANG: HomePlace = { regencyCode: '1671', name: 'Palembang', kecamatan: KECAMATAN_CODES };

export function makePerson(
  rng: Rng,
  referenceDay: number,
  niks: NikRegistry,
  place: HomePlace = PALEMBANG,
): PersonProfile {
  const gender: Gender = rng.chance(0.52) ? 'L' : 'P';
  const [ageMin, ageMax] = rng.weighted(AGE_MIX).split('-').map(Number);
  const ageDays = Math.floor((ageMin + rng.next() * (ageMax - ageMin + 1)) * 365.25);
  const birthDate = dateOf(referenceDay - ageDays);
  const kecamatanCode = rng.pick(place.kecamatan);

  const nik = niks.next(nikRegion(rng, kecamatanCode, place) + nikDatePart(birthDate, gender));
  const problems = nikProblems(nik, birthDate, gender);
  if (problems.length > 0) throw new Error(`seed produced an invalid NIK ${nik}: ${problems.join('; ')}`);

  const educationLevel = rng.weighted(EDUCATION_MIX);
  const birthYear = Number(birthDate.slice(0, 4));
  const referenceYear = Number(dateOf(referenceDay).slice(0, 4));
  const gradAge = GRADUATION_AGE[educationLevel];
  const graduationYear = gradAge === null ? null : Math.min(referenceYear, birthYear + gradAge + rng.int(0, 2));
  const age = referenceYear - birthYear;

  return {
    nik,
    fullName: personName(rng, gender),
    birthPlace: rng.chance(0.68) ? place.name : rng.pick(BIRTH_PLACES_OTHER),
    birthDate,
    gender,
    maritalStatus:
      age < 24
        ? rng.chance(0.9)
          ? 'BELUM_KAWIN'
          : 'KAWIN'
        : rng.weighted({ BELUM_KAWIN: 40, KAWIN: 55, CERAI_HIDUP: 4, CERAI_MATI: 1 }),
    phone: rng.chance(0.93)
      ? `08${rng.pick(['11', '12', '13', '21', '22', '52', '53', '57', '77', '78', '95', '96'])}${rng.digits(rng.int(7, 8))}`
      : null,
    address: `Jl. ${rng.pick(STREETS)} No. ${rng.int(1, 250)}, RT ${String(rng.int(1, 40)).padStart(3, '0')}/RW ${String(rng.int(1, 12)).padStart(3, '0')}, ${place.name}`,
    kecamatanCode,
    educationLevel,
    major: majorFor(rng, educationLevel),
    graduationYear,
    skills: rng.sample(SKILLS, Number(rng.weighted({ 0: 10, 1: 20, 2: 30, 3: 25, 4: 10, 5: 5 }))),
    experience: experienceFor(rng, graduationYear ?? birthYear + 16, referenceYear),
  };
}

export function personName(rng: Rng, gender: Gender): string {
  const given = rng.pick(gender === 'L' ? MALE_GIVEN : FEMALE_GIVEN);
  const shape = rng.next();
  if (shape < 0.08) return given; // many Indonesians carry a single name
  const last = gender === 'P' && rng.chance(0.5) ? rng.pick(FAMILY_FEMALE) : rng.pick(FAMILY);
  return shape < 0.35 ? `${given} ${rng.pick(MIDDLE)} ${last}` : `${given} ${last}`;
}

/** Most holders were first registered in their city (often in their own kecamatan); some came from elsewhere. */
function nikRegion(rng: Rng, kecamatanCode: string, place: HomePlace): string {
  const where = rng.next();
  if (where < 0.72)
    return `${place.regencyCode}${rng.chance(0.7) ? kecamatanCode.slice(-2) : rng.pick(place.kecamatan).slice(-2)}`;
  if (where < 0.9) return `${rng.pick(OTHER_NIK_REGENCIES)}${String(rng.int(1, 18)).padStart(2, '0')}`;
  return `${rng.pick(OUTSIDE_NIK_REGENCIES)}${String(rng.int(1, 12)).padStart(2, '0')}`;
}

/** `DDMMYY`, with 40 added to the day for women. */
function nikDatePart(birthDate: string, gender: Gender): string {
  const day = Number(birthDate.slice(8, 10)) + (gender === 'P' ? 40 : 0);
  return `${String(day).padStart(2, '0')}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}`;
}

function majorFor(rng: Rng, level: EducationLevel): string | null {
  if (level === 'SMK') return rng.pick(MAJORS_SMK);
  if (level === 'SMA') return rng.pick(['IPA', 'IPS', 'Bahasa']);
  if (['D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'].includes(level)) return rng.pick(MAJORS_HIGHER);
  return null;
}

function experienceFor(rng: Rng, fromYearMin: number, untilYear: number): WorkExperience[] {
  const jobs: WorkExperience[] = [];
  let year = fromYearMin;
  const count = rng.weighted({ 0: 45, 1: 35, 2: 20 });
  for (let k = 0; k < Number(count) && year < untilYear; k++) {
    const fromYear = rng.int(year, untilYear - 1);
    const toYear = Math.min(untilYear, fromYear + rng.int(0, 3));
    jobs.push({
      position: rng.pick(POSITIONS),
      company: `${rng.pick(['PT', 'CV', 'Toko', 'UD'])} ${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_WORDS)}`,
      fromYear,
      toYear,
    });
    year = toYear + 1;
  }
  return jobs;
}
