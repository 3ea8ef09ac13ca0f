import { ageOn } from '../common/dates.js';
import { educationRank, type EducationLevel } from '../common/reference/education.js';

/** What matching needs to know about a job seeker. */
export interface SeekerProfile {
  skills: string[];
  educationLevel: EducationLevel;
  kecamatanCode: string | null;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'L' | 'P';
  /** Whole years of work experience. */
  experienceYears: number;
}

/** What matching needs to know about a vacancy. */
export interface VacancyRequirements {
  skills: string[];
  educationMin: EducationLevel;
  kecamatanCode: string | null;
  ageMin: number | null;
  ageMax: number | null;
  genderRequirement: 'ANY' | 'L' | 'P';
  experienceYearsMin: number | null;
}

export interface MatchScore {
  /** 0–100; 0 when excluded. */
  score: number;
  /** What counted for the seeker: `skill:<name>`, `education`, `location`, `age`, `gender`, `experience`. */
  matched: string[];
  /** What the seeker lacks, in the same words. */
  missing: string[];
  /** A hard requirement (sex, age, education below the minimum) is not met. */
  excluded: boolean;
}

/** Points of each soft criterion; they sum to 100. */
export const WEIGHTS = { skills: 50, education: 15, location: 15, experience: 20 } as const;

/** Spellings of the same skill; keys and values are already normalised. */
const SKILL_SYNONYMS: Record<string, string> = {
  supir: 'mengemudi',
  sopir: 'mengemudi',
  driver: 'mengemudi',
  driving: 'mengemudi',
  menyetir: 'mengemudi',
  cashier: 'kasir',
  administrasi: 'admin',
  administration: 'admin',
  'microsoft excel': 'excel',
  'ms excel': 'excel',
  'microsoft word': 'word',
  'ms word': 'word',
  'ms office': 'microsoft office',
  komputer: 'computer',
  'las listrik': 'las',
  welding: 'las',
  'bahasa inggris': 'english',
};

/**
 * One spelling per skill: accents dropped, lower case, punctuation and repeated spaces collapsed
 * ("MS-Excel ", "ms excel" → "excel"), then a small synonym table.
 */
export function normaliseSkill(skill: string): string {
  let key = normalised.get(skill);
  if (key === undefined) {
    // Skills repeat across vacancies and seekers: each spelling is worked out once (a recommendation scores
    // up to 1,000 vacancies). Bounded: a full memo starts again.
    if (normalised.size >= NORMALISED_MAX) normalised.clear();
    key = normaliseOnce(skill);
    normalised.set(skill, key);
  }
  return key;
}

const NORMALISED_MAX = 20_000;
const normalised = new Map<string, string>();

function normaliseOnce(skill: string): string {
  const plain = skill
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+#]+/g, ' ')
    .trim();
  return SKILL_SYNONYMS[plain] ?? plain;
}

/**
 * How well a seeker fits a vacancy, explained. Hard requirements exclude (score 0): the sex asked for,
 * the age range on `today`, and education below the minimum. The rest ranks: skills in common (half of
 * the score, in proportion to the vacancy's skills), education met, same kecamatan, experience (in
 * proportion to the years asked). A vacancy that asks nothing on a criterion gives its full points.
 */
export function scoreMatch(seeker: SeekerProfile, vacancy: VacancyRequirements, today: string): MatchScore {
  const matched: string[] = [];
  const missing: string[] = [];
  let excluded = false;
  let points = 0;

  if (vacancy.genderRequirement !== 'ANY') {
    if (seeker.gender === vacancy.genderRequirement) {
      matched.push('gender');
    } else {
      missing.push('gender');
      excluded = true;
    }
  }

  if (vacancy.ageMin !== null || vacancy.ageMax !== null) {
    const age = ageOn(seeker.birthDate, today);
    const inRange =
      (vacancy.ageMin === null || age >= vacancy.ageMin) && (vacancy.ageMax === null || age <= vacancy.ageMax);
    if (inRange) {
      matched.push('age');
    } else {
      missing.push('age');
      excluded = true;
    }
  }

  if (educationRank(seeker.educationLevel) >= educationRank(vacancy.educationMin)) {
    matched.push('education');
    points += WEIGHTS.education;
  } else {
    missing.push('education');
    excluded = true;
  }

  const wanted = new Map<string, string>();
  for (const s of vacancy.skills) {
    const key = normaliseSkill(s);
    if (key && !wanted.has(key)) wanted.set(key, s.trim());
  }
  if (wanted.size === 0) {
    points += WEIGHTS.skills;
  } else {
    const held = new Set(seeker.skills.map(normaliseSkill));
    let hits = 0;
    for (const [key, label] of wanted) {
      if (held.has(key)) {
        matched.push(`skill:${label}`);
        hits += 1;
      } else {
        missing.push(`skill:${label}`);
      }
    }
    points += (WEIGHTS.skills * hits) / wanted.size;
  }

  if (vacancy.kecamatanCode === null) {
    points += WEIGHTS.location;
  } else if (seeker.kecamatanCode === vacancy.kecamatanCode) {
    matched.push('location');
    points += WEIGHTS.location;
  } else {
    missing.push('location');
  }

  const yearsAsked = vacancy.experienceYearsMin ?? 0;
  if (yearsAsked === 0) {
    points += WEIGHTS.experience;
  } else if (seeker.experienceYears >= yearsAsked) {
    matched.push('experience');
    points += WEIGHTS.experience;
  } else {
    missing.push('experience');
    points += (WEIGHTS.experience * Math.max(0, seeker.experienceYears)) / yearsAsked;
  }

  return { score: excluded ? 0 : Math.round(points), matched, missing, excluded };
}
