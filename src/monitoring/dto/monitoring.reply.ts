import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';
import { EMPLOYER_STATUSES } from '../../employers/employer.entity.js';

const COUNT = { type: 'integer', minimum: 0 } satisfies ApiPropertyOptions;
/** Counts that go down as well as up: a carried-over or remaining row after corrections may not, but a flow may. */
const CELL = { type: 'integer' } satisfies ApiPropertyOptions;

export class PeriodReply {
  @ApiProperty({ format: 'date', example: '2026-11-01' })
  from: string;

  @ApiProperty({ format: 'date', example: '2026-11-30' })
  to: string;
}

export class EmployerCountsReply {
  @ApiProperty(COUNT) registered: number;
  @ApiProperty(COUNT) pending: number;
  @ApiProperty(COUNT) verified: number;
  @ApiProperty(COUNT) suspended: number;
  @ApiProperty({
    ...COUNT,
    description: 'posted a vacancy requiring the AK1, validated a card or recorded a hire in the period',
  })
  participating: number;
  @ApiProperty({
    type: 'number',
    minimum: 0,
    maximum: 1,
    description: 'participating ÷ verified (0 when none is verified)',
    example: 0.4,
  })
  participationRate: number;
}

export class CardCountsReply {
  @ApiProperty(COUNT) pending: number;
  @ApiProperty(COUNT) active: number;
  @ApiProperty(COUNT) placed: number;
  @ApiProperty(COUNT) expired: number;
  @ApiProperty(COUNT) revoked: number;
  @ApiProperty(COUNT) reportOverdue: number;
  @ApiProperty({ ...COUNT, description: 'issued in the period' }) issued: number;
}

export class VacancyCountsReply {
  @ApiProperty(COUNT) open: number;
  @ApiProperty({ ...COUNT, description: 'published in the period' }) posted: number;
  @ApiProperty(COUNT) postedRequiringAk1: number;
  @ApiProperty({ ...COUNT, description: 'filled in the period' }) filled: number;
  @ApiProperty({ ...COUNT, description: 'unfilled positions of open vacancies' }) positionsOpen: number;
}

export class PlacementsBySourceReply {
  @ApiProperty(COUNT) EMPLOYER: number;
  @ApiProperty(COUNT) SELF_REPORT: number;
}

export class PlacementCountsReply {
  @ApiProperty(COUNT) total: number;
  @ApiProperty({ type: PlacementsBySourceReply }) bySource: PlacementsBySourceReply;
}

export class ValidationCountsReply {
  @ApiProperty(COUNT) total: number;
}

/** `GET /monitoring/summary`: states now, events inside the period. */
export class MonitoringSummaryReply {
  @ApiProperty({ type: PeriodReply }) period: PeriodReply;
  @ApiProperty({ type: EmployerCountsReply }) employers: EmployerCountsReply;
  @ApiProperty({ type: CardCountsReply }) cards: CardCountsReply;
  @ApiProperty({ type: VacancyCountsReply }) vacancies: VacancyCountsReply;
  @ApiProperty({ type: PlacementCountsReply }) placements: PlacementCountsReply;
  @ApiProperty({ type: ValidationCountsReply }) validations: ValidationCountsReply;
}

/** One employer's participation in the period. */
export class ParticipationRowReply {
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty() legalName: string;
  @ApiProperty({ enum: EMPLOYER_STATUSES }) status: string;
  @ApiProperty({ example: '47111' }) kbli: string;
  @ApiProperty({ type: String, nullable: true, example: '16.71.05' }) kecamatanCode: string | null;
  @ApiProperty() phone: string;
  @ApiProperty(COUNT) vacanciesPosted: number;
  @ApiProperty(COUNT) vacanciesRequiringAk1: number;
  @ApiProperty(COUNT) validations: number;
  @ApiProperty(COUNT) applicationsReceived: number;
  @ApiProperty(COUNT) hires: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastActivityAt: string | null;
  @ApiProperty() participating: boolean;
}

/** `GET /monitoring/employers`: a page of rows, and the period they cover. */
export class ParticipationPage extends PageOf(ParticipationRowReply, 'ParticipationRowPage') {
  @ApiProperty({ type: PeriodReply }) period: PeriodReply;
}

// ---- Outcomes ---------------------------------------------------------------------------------

const RATE = {
  type: 'number',
  minimum: 0,
  maximum: 1,
  description: '(placed + withdrawn) ÷ cardsClosed, to 4 decimals (0 when no card closed)',
  example: 0.2512,
} satisfies ApiPropertyOptions;

/** The outcome figures of one stretch of days (the whole period, or one month of it). */
export class OutcomeFiguresReply {
  @ApiProperty({ ...COUNT, description: 'cards that closed in the period: placed + withdrawn + revoked + expired' })
  cardsClosed: number;
  @ApiProperty({ ...COUNT, description: 'closed as PLACED (a hire or a self-report)' }) placed: number;
  @ApiProperty({ ...COUNT, description: 'closed as WITHDRAWN: the holder is no longer looking for work' })
  withdrawn: number;
  @ApiProperty({ ...COUNT, description: 'closed as REVOKED by an officer' }) revoked: number;
  @ApiProperty({
    ...COUNT,
    description: 'ran past their expiry date with nothing said (counted on the expiry date, written or not yet)',
  })
  expiredWithoutOutcome: number;
  @ApiProperty(RATE) knownOutcomeRate: number;
  @ApiProperty({
    ...COUNT,
    description: 'published vacancies that closed in the period: filled, closed by hand, or past their closing date',
  })
  vacanciesClosed: number;
  @ApiProperty({
    ...COUNT,
    description: 'of those, filled to their positions or with an outcome recorded by the employer',
  })
  vacanciesWithOutcome: number;
  @ApiProperty({
    ...COUNT,
    description: 'of those, vacancies (not people) whose employer said it hired someone without an AK1',
  })
  hiredWithoutAk1: number;
}

export class OutcomeMonthReply extends OutcomeFiguresReply {
  @ApiProperty({ example: '2026-11', description: 'YYYY-MM' }) month: string;
  @ApiProperty({ format: 'date', description: 'the first day of the month inside the period' }) from: string;
  @ApiProperty({ format: 'date', description: 'the last day of the month inside the period' }) to: string;
}

/** `GET /monitoring/outcomes`: how much of the register ends with a known outcome. */
export class MonitoringOutcomesReply extends OutcomeFiguresReply {
  @ApiProperty({ type: PeriodReply }) period: PeriodReply;
  @ApiProperty({ type: [OutcomeMonthReply], description: 'the same figures per calendar month of the period' })
  byMonth: OutcomeMonthReply[];
}

// ---- IPK reports ----------------------------------------------------------------------------

export class SexCellsReply {
  @ApiProperty({ ...CELL, description: 'laki-laki' }) L: number;
  @ApiProperty({ ...CELL, description: 'perempuan' }) P: number;
  @ApiProperty({ ...CELL, description: 'L + P (vacancies: also positions open to either sex)' }) LP: number;
}

export class SexPairReply {
  @ApiProperty(CELL) L: number;
  @ApiProperty(CELL) P: number;
}

/** A Part I row: seekers by age band and sex; seekers under 15 count in `total` only. */
export class SeekerAgeRowReply {
  @ApiProperty({ type: SexPairReply, name: '15-19' }) '15-19': SexPairReply;
  @ApiProperty({ type: SexPairReply, name: '20-29' }) '20-29': SexPairReply;
  @ApiProperty({ type: SexPairReply, name: '30-44' }) '30-44': SexPairReply;
  @ApiProperty({ type: SexPairReply, name: '45-54' }) '45-54': SexPairReply;
  @ApiProperty({ type: SexPairReply, name: '55+' }) '55+': SexPairReply;
  @ApiProperty({ type: SexCellsReply }) total: SexCellsReply;
}

/** IPK Part I: 1 carried over, 2 registered, A = 1 + 2, 3 placed, 4 removed, B = 3 + 4, 5 remaining = A − B. */
export class SeekerAgeTableReply {
  @ApiProperty({ type: SeekerAgeRowReply }) carriedOver: SeekerAgeRowReply;
  @ApiProperty({ type: SeekerAgeRowReply }) registered: SeekerAgeRowReply;
  @ApiProperty({ type: SeekerAgeRowReply }) A: SeekerAgeRowReply;
  @ApiProperty({ type: SeekerAgeRowReply }) placed: SeekerAgeRowReply;
  @ApiProperty({ type: SeekerAgeRowReply }) removed: SeekerAgeRowReply;
  @ApiProperty({ type: SeekerAgeRowReply }) B: SeekerAgeRowReply;
  @ApiProperty({ type: SeekerAgeRowReply }) remaining: SeekerAgeRowReply;
}

/** IPK Part II: vacancy positions by the sex asked for. */
export class VacancySexTableReply {
  @ApiProperty({ type: SexCellsReply }) carriedOver: SexCellsReply;
  @ApiProperty({ type: SexCellsReply }) registered: SexCellsReply;
  @ApiProperty({ type: SexCellsReply }) C: SexCellsReply;
  @ApiProperty({ type: SexCellsReply }) filled: SexCellsReply;
  @ApiProperty({ type: SexCellsReply }) removed: SexCellsReply;
  @ApiProperty({ type: SexCellsReply }) D: SexCellsReply;
  @ApiProperty({ type: SexCellsReply }) remaining: SexCellsReply;
}

export class MonthReply {
  @ApiProperty({ type: 'integer', example: 2026 }) year: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12, example: 11 }) month: number;
  @ApiProperty({ example: '2026-11', description: 'YYYY-MM' }) period: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the month was closed (its tables are then answered as filed); null while open',
  })
  closedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "SHA-256 (hex) of the closed month's tables, printed on the form; null while open",
  })
  checksum: string | null;
}

/** `GET /reports/ipk-iii-1`. */
export class IpkIII1Reply extends MonthReply {
  @ApiProperty({ type: SeekerAgeTableReply }) seekers: SeekerAgeTableReply;
  @ApiProperty({ type: VacancySexTableReply }) vacancies: VacancySexTableReply;
}

export const MONITORING_EXTRA_MODELS = [SexCellsReply];
