import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';
import { OFFICE_LEVELS, type OfficeLevel } from '../office.entity.js';

/** An office (mapper: `toOfficeView`). */
export class OfficeReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '1671' })
  code: string;

  @ApiProperty({ enum: OFFICE_LEVELS })
  level: OfficeLevel;

  @ApiProperty({ example: 'Dinas Tenaga Kerja Kota Palembang' })
  name: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null: the first office of the deployment',
  })
  parentId: string | null;
}

export const OfficePage = PageOf(OfficeReply);

export class SigningOfficerReply {
  @ApiProperty()
  name: string;

  @ApiProperty({ description: 'NIP, 18 digits; empty when not set' })
  nip: string;
}

export class LetterheadReply {
  @ApiProperty()
  name: string;

  @ApiProperty()
  address: string;
}

export class OverdueRuleReply {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 60 })
  graceDays: number;
}

/** The settings in force for an office: its own value, else the deployment's. */
export class EffectiveOfficeSettingsReply {
  @ApiProperty({ example: 'KTP,IJAZAH|SKL,PAS_FOTO', description: '"" when no documents are required' })
  requiredDocuments: string;

  @ApiProperty({ type: SigningOfficerReply, description: 'empty name and NIP: a blank line to sign by hand' })
  signingOfficer: SigningOfficerReply;

  @ApiProperty({ type: LetterheadReply })
  letterhead: LetterheadReply;

  @ApiProperty({ type: OverdueRuleReply })
  overdueRule: OverdueRuleReply;
}

/** `GET` and `PATCH /offices/:id/settings`: what the office set itself (null: not set) and what is in force. */
export class OfficeSettingsReply {
  @ApiProperty({ format: 'uuid' })
  officeId: string;

  @ApiProperty({ type: String, nullable: true })
  requiredDocuments: string | null;

  @ApiProperty({ type: SigningOfficerReply, nullable: true })
  signingOfficer: SigningOfficerReply | null;

  @ApiProperty({ type: LetterheadReply, nullable: true })
  letterhead: LetterheadReply | null;

  @ApiProperty({ type: OverdueRuleReply, nullable: true })
  overdueRule: OverdueRuleReply | null;

  @ApiProperty({ type: EffectiveOfficeSettingsReply })
  effective: EffectiveOfficeSettingsReply;
}
