import type { Seeker } from './seeker.entity.js';

/** What a new job seeker needs (identity, address, education); the profile's other columns start empty. */
export type SeekerRowFields = Pick<
  Seeker,
  | 'id'
  | 'nikEncrypted'
  | 'nikHash'
  | 'fullName'
  | 'birthPlace'
  | 'birthDate'
  | 'gender'
  | 'address'
  | 'educationLevel'
  | 'createdAt'
> &
  Partial<Seeker>;

/**
 * The complete `seekers` row, every column set (skills and experience as arrays; the entity's
 * transformer stores them as JSON). Pure: the id, the sealed NIK and the instants come from the caller.
 * SeekersService inserts it; the seed writes it in bulk.
 */
export function newSeekerRow(s: SeekerRowFields): Seeker {
  return {
    id: s.id,
    nikEncrypted: s.nikEncrypted,
    nikHash: s.nikHash,
    fullName: s.fullName,
    birthPlace: s.birthPlace,
    birthDate: s.birthDate,
    gender: s.gender,
    maritalStatus: s.maritalStatus ?? null,
    phone: s.phone ?? null,
    address: s.address,
    kecamatanCode: s.kecamatanCode ?? null,
    educationLevel: s.educationLevel,
    major: s.major ?? null,
    educationCode: s.educationCode ?? null,
    desiredOccupationCode: s.desiredOccupationCode ?? null,
    graduationYear: s.graduationYear ?? null,
    skills: s.skills ?? [],
    experience: s.experience ?? [],
    placedAt: s.placedAt ?? null,
    createdBy: s.createdBy ?? null,
    officeId: s.officeId ?? null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt ?? s.createdAt,
  };
}
