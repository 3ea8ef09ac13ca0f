import type { TableColumnOptions } from 'typeorm';

/**
 * Column shapes shared by every migration, chosen to mean the same on SQLite and MySQL:
 * UUID ids as varchar(36), instants as datetime(3) in UTC, calendar dates as date, JSON as text.
 */
export const col = {
  id: (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true }),
  ref: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: '36',
    isNullable: nullable,
  }),
  str: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  text: (name: string, nullable = true): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  int: (name: string, nullable = false, dflt?: number): TableColumnOptions => ({
    name,
    type: 'int',
    isNullable: nullable,
    ...(dflt === undefined ? {} : { default: dflt }),
  }),
  bigint: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable }),
  bool: (name: string, dflt: boolean): TableColumnOptions => ({
    name,
    type: 'boolean',
    isNullable: false,
    default: dflt ? 1 : 0,
  }),
  instant: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'datetime',
    precision: 3,
    isNullable: nullable,
  }),
  date: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'date', isNullable: nullable }),
};
