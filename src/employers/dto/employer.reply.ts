import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';
import { UserReply } from '../../users/user.reply.js';
import { EMPLOYER_STATUSES, type EmployerStatus } from '../employer.entity.js';

/** An employer as officers and its own staff see it (mapper: `toEmployerView`). */
export class EmployerReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'PT Sriwijaya Maju Bersama' })
  legalName: string;

  @ApiProperty({ description: 'NIB from OSS: 13 digits', example: '9120001234567' })
  nib: string;

  @ApiProperty({ type: String, nullable: true, example: '0123456789012345' })
  npwp: string | null;

  @ApiProperty({ description: 'KBLI 2020: 5 digits', example: '47111' })
  kbli: string;

  @ApiProperty({ description: 'Kind of employer: a code of GET /reference/employer-kinds', example: 'SWASTA' })
  kind: string;

  @ApiProperty({ example: 'Jl. Jenderal Sudirman No. 1, Palembang' })
  address: string;

  @ApiProperty({ type: String, nullable: true, example: '16.71.05' })
  kecamatanCode: string | null;

  @ApiProperty({ example: '0711-123456' })
  phone: string;

  @ApiProperty({ enum: EMPLOYER_STATUSES })
  status: EmployerStatus;

  @ApiProperty({ type: String, nullable: true, description: 'why it was rejected or suspended' })
  statusReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  verifiedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the officer who verified it' })
  verifiedBy: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export const EmployerPage = PageOf(EmployerReply);

/** `POST /auth/register/employer`: the first HR account and the company, PENDING. */
export class EmployerRegistrationReply {
  @ApiProperty({ type: UserReply })
  user: UserReply;

  @ApiProperty({ type: EmployerReply })
  employer: EmployerReply;
}

/** One HR account of a company, as its colleagues see it. */
export class StaffMemberReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'email' })
  email: string;

  @ApiProperty()
  fullName: string;
}

/** `{ id, legalName }` of the employer behind a vacancy or an application. */
export class EmployerRefReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'PT Sriwijaya Maju Bersama' })
  legalName: string;
}
