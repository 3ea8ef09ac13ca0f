import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A closed month of one office: its IPK tables as they were filed, and their checksum. Never changed once written. */
@Entity('report_periods')
export class ReportPeriod {
  /** The office's code (`1671`), as on its labour events. */
  @PrimaryColumn({ type: 'varchar', length: 4 })
  office: string;

  /** YYYY-MM. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3 })
  closedAt: Date;

  @Column({ name: 'closed_by', type: 'varchar', length: 36 })
  closedBy: string;

  /** SHA-256 (hex) of the canonical JSON of `tables`. */
  @Column({ type: 'varchar', length: 64 })
  checksum: string;

  /** JSON: every IPK table of the month, keyed `ipk-iii-1` … `ipk-iii-8`. */
  @Column({ type: 'text' })
  tables: string;
}
