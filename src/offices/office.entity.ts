import { Column, Entity, PrimaryColumn } from 'typeorm';

export const OFFICE_LEVELS = ['CITY', 'PROVINCE', 'NATIONAL'] as const;
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];

/**
 * A labour office (docs/offices.md): a city/regency (4-digit Kemendagri code), a province (2 digits) or
 * the nation (`00`). `settings` is the JSON text of its own settings (OfficeSettingsValues); an absent
 * setting falls back to the deployment's environment.
 */
@Entity('offices')
export class Office {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 4 })
  code: string;

  @Column({ type: 'varchar', length: 16 })
  level: OfficeLevel;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  parentId: string | null;

  @Column({ type: 'text', nullable: true })
  settings: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
