import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One code of a reference list (reference-lists.ts); inactive codes stay so older rows still name them. */
@Entity('reference_codes')
export class ReferenceCode {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  list: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  parent: string | null;

  @Column({ type: 'boolean' })
  active: boolean;

  /** Order of the code in the file it came from; lists are shown in this order. */
  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
