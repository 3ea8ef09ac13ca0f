import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvSyntaxError, parseCsv } from '../cards/csv.js';
import { isEducationLevel } from '../common/reference/education.js';

/**
 * The code lists the IPK tables group by, each shipped as a CSV under data/reference/ (sources in
 * docs/reports.md) and loaded into `reference_codes`, where an officer can replace it with a newer file.
 * A list says its file's header, what a code looks like and what its third column (the parent: an
 * education level, a KBJI major group, a KBLI division range) must be.
 */
export const REFERENCE_LISTS = ['education', 'kbji', 'kbli-sections', 'employer-kinds'] as const;
export type ReferenceList = (typeof REFERENCE_LISTS)[number];

export function isReferenceList(s: unknown): s is ReferenceList {
  return typeof s === 'string' && (REFERENCE_LISTS as readonly string[]).includes(s);
}

export interface ReferenceRow {
  code: string;
  label: string;
  /** The level (education), major group (KBJI), division range `01-03` (KBLI sections); null otherwise. */
  parent: string | null;
}

/** Why a file was refused: the line (1 = the header) and a code the console can say in its language. */
export type ReferenceProblemCode =
  'empty' | 'header' | 'syntax' | 'columns' | 'code' | 'label' | 'parent' | 'duplicate';

export class ReferenceFileRefused extends Error {
  constructor(
    readonly line: number,
    readonly problem: ReferenceProblemCode,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export const MAX_LABEL_LENGTH = 200;

interface ListShape {
  file: string;
  header: string[];
  code: RegExp;
  codeRule: string;
  /** The parent of a row from the columns after the label, or a reason it is wrong. */
  parent: (code: string, rest: string[]) => { parent: string | null } | { error: string };
}

const DIVISION = /^\d{2}$/;

export const LIST_SHAPES: Record<ReferenceList, ListShape> = {
  education: {
    file: 'education.csv',
    header: ['code', 'label', 'level'],
    code: /^\d{4}$/,
    codeRule: '4 digits',
    parent: (_code, [level]) =>
      isEducationLevel(level) ? { parent: level } : { error: 'level must be one of NONE, SD, SMP, SMA, SMK, D1…S3' },
  },
  kbji: {
    file: 'kbji-2014.csv',
    header: ['code', 'label', 'majorGroup'],
    code: /^(\d|\d{4})$/,
    codeRule: '1 digit (a major group) or 4 digits (a unit group)',
    parent: (code, [group]) => {
      if (code.length === 1) return group ? { error: 'a major group has no majorGroup' } : { parent: null };
      return group === code[0] ? { parent: group } : { error: `majorGroup must be ${code[0]}, the code's first digit` };
    },
  },
  'kbli-sections': {
    file: 'kbli-2020-sections.csv',
    header: ['code', 'label', 'divisionFrom', 'divisionTo'],
    code: /^[A-Z]$/,
    codeRule: 'one capital letter',
    parent: (_code, [from, to]) =>
      DIVISION.test(from ?? '') && DIVISION.test(to ?? '') && Number(from) <= Number(to)
        ? { parent: `${from}-${to}` }
        : { error: 'divisionFrom and divisionTo must be 2-digit divisions, the first not after the second' },
  },
  'employer-kinds': {
    file: 'employer-kinds.csv',
    header: ['code', 'label'],
    code: /^[A-Z][A-Z0-9_]{1,15}$/,
    codeRule: '2 to 16 capital letters, digits or _',
    parent: () => ({ parent: null }),
  },
};

/**
 * Reads a list's CSV: the header exactly as shipped, every code in the list's format, a label of 1–200
 * characters, a valid parent, no code twice. The first problem refuses the whole file, naming its line.
 */
export function readReferenceCsv(list: ReferenceList, text: string): ReferenceRow[] {
  const shape = LIST_SHAPES[list];
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new ReferenceFileRefused(e.line, 'syntax', e.message);
    throw e;
  }
  if (records.length === 0) throw new ReferenceFileRefused(1, 'empty', 'the file is empty');
  const [head, ...body] = records;
  const header = head.fields.map((f) => f.trim());
  if (header.join(',') !== shape.header.join(','))
    throw new ReferenceFileRefused(head.line, 'header', `the header must be ${shape.header.join(',')}`);
  if (body.length === 0) throw new ReferenceFileRefused(head.line, 'empty', 'the file has no codes');
  const seen = new Set<string>();
  const rows: ReferenceRow[] = [];
  for (const { line, fields } of body) {
    if (fields.length !== shape.header.length)
      throw new ReferenceFileRefused(
        line,
        'columns',
        `expected ${shape.header.length} columns, found ${fields.length}`,
      );
    const [code, label, ...rest] = fields.map((f) => f.trim());
    if (!shape.code.test(code)) throw new ReferenceFileRefused(line, 'code', `code must be ${shape.codeRule}`);
    if (!label || label.length > MAX_LABEL_LENGTH)
      throw new ReferenceFileRefused(line, 'label', `label must have 1 to ${MAX_LABEL_LENGTH} characters`);
    const parent = shape.parent(code, rest);
    if ('error' in parent) throw new ReferenceFileRefused(line, 'parent', parent.error);
    if (seen.has(code)) throw new ReferenceFileRefused(line, 'duplicate', `code ${code} appears twice`);
    seen.add(code);
    rows.push({ code, label, parent: parent.parent });
  }
  return rows;
}

/** The folder of the shipped lists: data/reference at the repository root, copied to dist/data/reference by the build. */
export const SHIPPED_DIR = join(__dirname, '..', '..', 'data', 'reference');

export function readShippedList(list: ReferenceList): ReferenceRow[] {
  return readReferenceCsv(list, readFileSync(join(SHIPPED_DIR, LIST_SHAPES[list].file), 'utf8'));
}
