import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EmployerReply } from './dto/employer.reply.js';

export type EmployerStatus = 'PENDING' | 'VERIFIED' | 'REJECTED' | 'SUSPENDED';
export const EMPLOYER_STATUSES: EmployerStatus[] = ['PENDING', 'VERIFIED', 'REJECTED', 'SUSPENDED'];

@Entity('employers')
export class Employer {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'legal_name', type: 'varchar', length: 200 })
  legalName: string;

  /** Business identity number from OSS, 13 digits, unique. */
  @Column({ type: 'varchar', length: 13 })
  nib: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  npwp: string | null;

  /** KBLI 2020 business sector, 5 digits. */
  @Column({ type: 'varchar', length: 5 })
  kbli: string;

  /** Kind of employer (GET /reference/employer-kinds): IPK III/8 counts placements by it. */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ type: 'varchar', length: 500 })
  address: string;

  @Column({ name: 'kecamatan_code', type: 'varchar', length: 8, nullable: true })
  kecamatanCode: string | null;

  @Column({ type: 'varchar', length: 32 })
  phone: string;

  @Column({ type: 'varchar', length: 16 })
  status: EmployerStatus;

  /** Reason given with the last rejection or suspension. */
  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  @Column({ name: 'verified_at', type: 'datetime', precision: 3, nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'verified_by', type: 'varchar', length: 36, nullable: true })
  verifiedBy: string | null;

  /** The office this row belongs to (docs/offices.md); null only until the next start's bootstrap fills it. */
  @Column({ name: 'office_id', type: 'varchar', length: 36, nullable: true })
  officeId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** One description of this reply: the class `EmployerReply` (OpenAPI and code alike). */
export type EmployerView = EmployerReply;

export function toEmployerView(e: Employer): EmployerView {
  return {
    id: e.id,
    legalName: e.legalName,
    nib: e.nib,
    npwp: e.npwp,
    kbli: e.kbli,
    kind: e.kind,
    address: e.address,
    kecamatanCode: e.kecamatanCode,
    phone: e.phone,
    status: e.status,
    statusReason: e.statusReason,
    verifiedAt: e.verifiedAt ? e.verifiedAt.toISOString() : null,
    verifiedBy: e.verifiedBy,
    createdAt: e.createdAt.toISOString(),
  };
}
