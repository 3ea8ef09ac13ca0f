import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';
import { MonthReply, SexCellsReply } from './monitoring.reply.js';

const CELLS = { type: SexCellsReply };

/** The flow columns every III/2–III/7 row and total has. */
class StockCellsReply {
  @ApiProperty({ ...CELLS, description: '1: carried over from the month before (= its `remaining`)' })
  carriedOver: SexCellsReply;
  @ApiProperty({ ...CELLS, description: '2: registered this month' }) registered: SexCellsReply;
  @ApiPropertyOptional({ ...CELLS, description: '3: placed (III/2, III/3, III/7)' }) placed?: SexCellsReply;
  @ApiPropertyOptional({ ...CELLS, description: '3: filled by a hire (III/4, III/5, III/6)' }) filled?: SexCellsReply;
  @ApiProperty({ ...CELLS, description: '4: removed (expired, withdrawn, revoked; positions closed unfilled)' })
  removed: SexCellsReply;
  @ApiProperty({ ...CELLS, description: '5: remaining = carriedOver + registered − placed|filled − removed' })
  remaining: SexCellsReply;
}

export class StockRowReply extends StockCellsReply {
  @ApiProperty({
    example: 'SMK',
    description:
      "the row's code: an education level or detailed education code, a KBJI major group, a KBLI section; '-' unknown",
  })
  code: string;
  @ApiProperty({ example: 'SMK' }) label: string;
  @ApiPropertyOptional({ example: 'SMK', description: 'education tables: the level the row belongs to' })
  level?: string;
}

/**
 * `GET /reports/ipk-iii-{2..7}`: one row per code, every row balanced. III/2 seekers and III/4 vacancy
 * positions by education; III/3 and III/5 by KBJI 2014 major group; III/6 vacancy positions and III/7
 * placements by KBLI 2020 section.
 */
export class IpkStockReply extends MonthReply {
  @ApiProperty({ type: [StockRowReply] }) rows: StockRowReply[];
  @ApiProperty({ type: StockCellsReply }) total: StockCellsReply;
  @ApiPropertyOptional({
    type: [StockRowReply],
    description: 'education tables: the rows of each level added up (not part of `rows`)',
  })
  levels?: StockRowReply[];
}

class PlacementCellsReply {
  @ApiProperty({ ...CELLS, description: 'AKL: within the province' }) AKL: SexCellsReply;
  @ApiProperty({ ...CELLS, description: 'AKAD: another province' }) AKAD: SexCellsReply;
  @ApiProperty({ ...CELLS, description: 'AKAN: abroad' }) AKAN: SexCellsReply;
  @ApiProperty(CELLS) total: SexCellsReply;
}

export class PlacementRowReply extends PlacementCellsReply {
  @ApiProperty({ example: 'S1' }) code: string;
  @ApiProperty({ example: 'Sarjana (S1)' }) label: string;
  @ApiPropertyOptional({ example: 'S1' }) level?: string;
}

class PlacementTableReply {
  @ApiProperty({ type: [PlacementRowReply] }) rows: PlacementRowReply[];
  @ApiProperty({ type: PlacementCellsReply }) total: PlacementCellsReply;
}

/** `GET /reports/ipk-iii-8`: the month's placements by type, by education and by kind of receiving employer. */
export class IpkIII8Reply extends MonthReply {
  @ApiProperty({ type: PlacementTableReply }) byEducation: PlacementTableReply;
  @ApiProperty({ type: PlacementTableReply }) byEmployerKind: PlacementTableReply;
}

export class ReportPeriodReply {
  @ApiProperty({ example: '2026-11', description: 'YYYY-MM' }) month: string;
  @ApiProperty({ description: 'closed months answer their tables as filed' }) closed: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) closedBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 (hex) of the stored tables' })
  checksum: string | null;
}

export class ReportPeriodPage extends PageOf(ReportPeriodReply, 'ReportPeriodPage') {}

export class AdjustmentReply {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2027-01', description: 'the open month the correction is counted in' }) countedIn: string;
  @ApiProperty({ enum: ['SEEKER', 'VACANCY'] }) subject: string;
  @ApiProperty({ enum: ['REGISTERED', 'PLACED', 'FILLED', 'REMOVED'] }) kind: string;
  @ApiProperty({ type: 'integer', description: 'people or positions; negative reverses an earlier count' })
  positions: number;
  @ApiProperty({ type: String, nullable: true, example: 'PLACEMENT_VOIDED' }) cause: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class AdjustmentPage extends PageOf(AdjustmentReply, 'AdjustmentPage') {
  @ApiProperty({ example: '2026-12', description: 'the closed month these corrections belong to' }) month: string;
}
