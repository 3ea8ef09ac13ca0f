import type { Employer } from './employer.entity.js';

/** An employer that does not say its kind is a private company (the most common receiving employer). */
export const DEFAULT_EMPLOYER_KIND = 'SWASTA';

/** What a new employer needs; the optional columns start empty. */
export type EmployerRowFields = Pick<
  Employer,
  'id' | 'legalName' | 'nib' | 'kbli' | 'address' | 'phone' | 'status' | 'createdAt'
> &
  Partial<
    Pick<
      Employer,
      'kind' | 'npwp' | 'kecamatanCode' | 'statusReason' | 'verifiedAt' | 'verifiedBy' | 'updatedAt' | 'officeId'
    >
  >;

/**
 * The complete `employers` row, every column set. Pure: the id and the instants come from the caller.
 * EmployersService inserts it at registration; the seed writes it in bulk.
 */
export function newEmployerRow(e: EmployerRowFields): Employer {
  return {
    id: e.id,
    legalName: e.legalName,
    nib: e.nib,
    npwp: e.npwp ?? null,
    kbli: e.kbli,
    kind: e.kind ?? DEFAULT_EMPLOYER_KIND,
    address: e.address,
    kecamatanCode: e.kecamatanCode ?? null,
    phone: e.phone,
    status: e.status,
    statusReason: e.statusReason ?? null,
    verifiedAt: e.verifiedAt ?? null,
    verifiedBy: e.verifiedBy ?? null,
    officeId: e.officeId ?? null,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt ?? e.createdAt,
  };
}
