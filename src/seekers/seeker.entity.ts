import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { EducationLevel, MaritalStatus, WorkExperience } from './profile.js';
import type { Gender } from './nik.js';
import type { SeekerReply } from './dto/seeker.reply.js';

/** A list kept as JSON in a text column (skills, experience), as read: empty when there is none. */
export function seekerList<T>(v: string | null): T[] {
  return v ? (JSON.parse(v) as T[]) : [];
}

/** JSON kept in a text column (portable across SQLite and MySQL). */
const json: ValueTransformer = {
  to: (v: unknown) => (v === undefined ? undefined : JSON.stringify(v ?? [])),
  from: seekerList,
};

@Entity('seekers')
export class Seeker {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The NIK sealed with PersonalData.encrypt; never read without a reason to show it. */
  @Column({ name: 'nik_encrypted', type: 'varchar', length: 200 })
  nikEncrypted: string;

  /** Keyed hash of the NIK (PersonalData.lookupHash): unique, and how an NIK is found. */
  @Column({ name: 'nik_hash', type: 'varchar', length: 64 })
  nikHash: string;

  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName: string;

  @Column({ name: 'birth_place', type: 'varchar', length: 100 })
  birthPlace: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ type: 'varchar', length: 1 })
  gender: Gender;

  @Column({ name: 'marital_status', type: 'varchar', length: 16, nullable: true })
  maritalStatus: MaritalStatus | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 500 })
  address: string;

  @Column({ name: 'kecamatan_code', type: 'varchar', length: 8, nullable: true })
  kecamatanCode: string | null;

  @Column({ name: 'education_level', type: 'varchar', length: 8 })
  educationLevel: EducationLevel;

  @Column({ type: 'varchar', length: 100, nullable: true })
  major: string | null;

  /** Detailed education code (GET /reference/education) of the seeker's educationLevel; null: not given. */
  @Column({ name: 'education_code', type: 'varchar', length: 8, nullable: true })
  educationCode: string | null;

  /** KBJI 2014 unit group the seeker would like to work in; null: not given. */
  @Column({ name: 'desired_occupation_code', type: 'varchar', length: 4, nullable: true })
  desiredOccupationCode: string | null;

  @Column({ name: 'graduation_year', type: 'int', nullable: true })
  graduationYear: number | null;

  @Column({ type: 'text', nullable: true, transformer: json })
  skills: string[];

  @Column({ type: 'text', nullable: true, transformer: json })
  experience: WorkExperience[];

  /** When a hire was recorded; a placed seeker is no longer an active job seeker. */
  @Column({ name: 'placed_at', type: 'datetime', precision: 3, nullable: true })
  placedAt: Date | null;

  /** The officer who registered a walk-in seeker; null for self-registration. */
  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  /** The office this row belongs to (docs/offices.md); null only until the next start's bootstrap fills it. */
  @Column({ name: 'office_id', type: 'varchar', length: 36, nullable: true })
  officeId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** A seeker's profile as the seeker themself and officers see it (the only views that hold the NIK). */
export type SeekerView = SeekerReply;

export function toSeekerView(s: Seeker, nik: string): SeekerView {
  return {
    id: s.id,
    nik,
    fullName: s.fullName,
    birthPlace: s.birthPlace,
    birthDate: s.birthDate,
    gender: s.gender,
    maritalStatus: s.maritalStatus,
    phone: s.phone,
    address: s.address,
    kecamatanCode: s.kecamatanCode,
    educationLevel: s.educationLevel,
    major: s.major,
    educationCode: s.educationCode,
    desiredOccupationCode: s.desiredOccupationCode,
    graduationYear: s.graduationYear,
    skills: s.skills ?? [],
    experience: s.experience ?? [],
    activeJobSeeker: s.placedAt === null,
    placedAt: s.placedAt ? s.placedAt.toISOString() : null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
