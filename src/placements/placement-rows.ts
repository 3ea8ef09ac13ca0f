import type { Placement } from './placement.entity.js';

/** What a placement needs; employer, vacancy, application, card and position are optional. */
export type PlacementRowFields = Pick<
  Placement,
  'id' | 'seekerId' | 'employerName' | 'startDate' | 'source' | 'recordedBy' | 'recordedAt'
> &
  Partial<Placement>;

/**
 * The complete `placements` row, every column set. Pure: the id and the instant come from the caller.
 * PlacementsService inserts it; the seed writes it in bulk.
 */
export function newPlacementRow(p: PlacementRowFields): Placement {
  return {
    id: p.id,
    seekerId: p.seekerId,
    employerId: p.employerId ?? null,
    employerName: p.employerName,
    vacancyId: p.vacancyId ?? null,
    applicationId: p.applicationId ?? null,
    cardId: p.cardId ?? null,
    cardNumber: p.cardNumber ?? null,
    startDate: p.startDate,
    position: p.position ?? null,
    source: p.source,
    placementType: p.placementType ?? 'AKL',
    employerKind: p.employerKind ?? '-',
    recordedBy: p.recordedBy,
    recordedAt: p.recordedAt,
    status: p.status ?? 'RECORDED',
    voidedAt: p.voidedAt ?? null,
    voidedBy: p.voidedBy ?? null,
    voidReason: p.voidReason ?? null,
  };
}
