import { Injectable } from '@nestjs/common';
import { OfficeScope } from '../offices/office-scope.js';
import { cardNumberPrefix } from '../offices/office-rules.js';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { addMonths, isCalendarDate } from '../common/dates.js';
import { DomainError } from '../common/domain-error.js';
import { flattenValidationErrors } from '../common/http/validation.js';
import { Transactions, uniqueViolation } from '../database/transactions.js';
import { CreateSeekerDto } from '../seekers/dto/seeker.dto.js';
import { Seeker } from '../seekers/seeker.entity.js';
import { SeekersService } from '../seekers/seekers.service.js';
import { LabourStatistics } from '../statistics/labour-statistics.service.js';
import { CARD_VALIDITY_MONTHS, nextReportMark } from './card-dates.js';
import { readCardNumber } from './card-number.js';
import { CardNumbers } from './card-numbers.service.js';
import { newCardRow } from './card-rows.js';
import { Card, type CardStatus } from './card.entity.js';
import { CsvSyntaxError, parseCsv } from './csv.js';
import type { ImportReportReply } from './dto/card.reply.js';

/** Columns of the import file (docs/cards-import.md): these must be there, … */
export const IMPORT_REQUIRED_COLUMNS = [
  'cardNumber',
  'nik',
  'fullName',
  'birthPlace',
  'birthDate',
  'gender',
  'address',
  'educationLevel',
  'issuedAt',
  'status',
] as const;
/** … and these may. */
export const IMPORT_OPTIONAL_COLUMNS = [
  'expiresAt',
  'nextReportDue',
  'maritalStatus',
  'phone',
  'kecamatanCode',
  'major',
  'graduationYear',
  'skills',
  'placementEmployerName',
  'placementStartDate',
  'statusReason',
] as const;
const SEEKER_COLUMNS = [
  'nik',
  'fullName',
  'birthPlace',
  'birthDate',
  'gender',
  'address',
  'educationLevel',
  'maritalStatus',
  'phone',
  'kecamatanCode',
  'major',
];
const IMPORTABLE_STATUSES: CardStatus[] = ['ACTIVE', 'EXPIRED', 'PLACED', 'REVOKED'];

/** One description of this reply: the class `ImportReportReply` (OpenAPI and code alike). */
export type ImportReport = ImportReportReply;

/**
 * Why a line (or the file) was refused, as a code with its values, so a reader in another language
 * can say it in theirs (the console does, in Bahasa Indonesia); `message` is the API's English.
 */
export type ImportProblemCode =
  | 'invalid'
  | 'required'
  | 'checkDigit'
  | 'numberFormat'
  | 'birthDateFuture'
  | 'status'
  | 'dateFormat'
  | 'issuedFuture'
  | 'expiresBeforeIssue'
  | 'activePastExpiry'
  | 'reportDueNotActive'
  | 'reportDueRange'
  | 'placementNotPlaced'
  | 'tooLong'
  | 'fieldCount'
  | 'duplicateNumber'
  | 'alreadyHolds'
  | 'nikRace'
  | 'unknownColumn'
  | 'missingColumn'
  | 'columnTwice'
  | 'csvSyntax';

export interface ImportProblem {
  code: ImportProblemCode;
  params?: Record<string, string | number>;
  message: string;
}

export interface ImportFieldProblems {
  field: string;
  problems: ImportProblem[];
}

/** An import's outcome with coded reasons (the API's reply is `toImportReport` of it). */
export interface ImportOutcome {
  imported: number;
  rejected: { line: number; errors: ImportFieldProblems[] }[];
}

/** The API's reply: each reason as its English sentence. */
export function toImportReport(o: ImportOutcome): ImportReport {
  return {
    imported: o.imported,
    rejected: o.rejected.map((r) => ({
      line: r.line,
      errors: r.errors.map((e) => ({ field: e.field, messages: e.problems.map((p) => p.message) })),
    })),
  };
}

/** A file refused as a whole (its header, or its CSV syntax), with coded reasons on `field`. */
export class ImportFileRefused extends DomainError {
  constructor(
    readonly field: 'header' | 'file',
    readonly problems: ImportProblem[],
    message: string,
  ) {
    super(400, 'VALIDATION_FAILED', message, [{ field, messages: problems.map((p) => p.message) }]);
  }
}

/** A line that passed every check, ready to be written. */
interface CardLine {
  line: number;
  seeker: CreateSeekerDto;
  numberKey: string;
  numberDisplay: string;
  status: CardStatus;
  issuedAt: string;
  expiresAt: string;
  nextReportDue: string | null;
  statusReason: string | null;
  placementEmployerName: string | null;
  placementStartDate: string | null;
}

/**
 * Imports cards from the office's earlier system. Every line is checked like a registration, and each
 * valid line is written in its own transaction, so a bad line is reported and never half-written while
 * the good ones go in. Imported cards keep their old numbers.
 */
@Injectable()
export class CardImportService {
  constructor(
    private readonly tx: Transactions,
    private readonly seekers: SeekersService,
    private readonly numbers: CardNumbers,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly statistics: LabourStatistics,
    private readonly scope: OfficeScope,
  ) {}

  async import(actor: AuthUser, body: unknown): Promise<ImportReport> {
    return toImportReport(await this.importCoded(actor, body));
  }

  /** The import, its reasons as codes: for readers in other languages (the console). */
  async importCoded(actor: AuthUser, body: unknown): Promise<ImportOutcome> {
    if (typeof body !== 'string') {
      throw new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the cards as a CSV file with Content-Type: text/csv.');
    }
    let records;
    try {
      records = parseCsv(body);
    } catch (err) {
      if (err instanceof CsvSyntaxError) {
        throw new ImportFileRefused(
          'file',
          [{ code: 'csvSyntax', params: { line: err.line }, message: err.message }],
          'The file is not valid CSV.',
        );
      }
      throw err;
    }
    const [header, ...lines] = records;
    const columns = this.readHeader(header?.fields ?? []);

    const report: ImportOutcome = { imported: 0, rejected: [] };
    for (const record of lines) {
      const row: Record<string, string> = {};
      columns.forEach((name, i) => (row[name] = (record.fields[i] ?? '').trim()));
      const counts = { fields: record.fields.length, columns: columns.length };
      const checked =
        record.fields.length > columns.length
          ? {
              errors: [
                {
                  field: 'line',
                  problems: [
                    {
                      code: 'fieldCount' as const,
                      params: counts,
                      message: `has ${counts.fields} fields but the header names ${counts.columns}`,
                    },
                  ],
                },
              ],
            }
          : await this.check(record.line, row);
      const errors = 'errors' in checked ? checked.errors : await this.write(actor, checked);
      if (errors.length > 0) report.rejected.push({ line: record.line, errors });
      else report.imported++;
    }
    return report;
  }

  private readHeader(fields: string[]): string[] {
    const known = new Map<string, string>(
      [...IMPORT_REQUIRED_COLUMNS, ...IMPORT_OPTIONAL_COLUMNS].map((c) => [c.toLowerCase(), c]),
    );
    const columns = fields.map((f) => known.get(f.trim().toLowerCase()) ?? f.trim());
    const problems: ImportProblem[] = [];
    for (const c of columns)
      if (!known.has(c.toLowerCase()))
        problems.push({ code: 'unknownColumn', params: { column: c }, message: `unknown column "${c}"` });
    for (const c of IMPORT_REQUIRED_COLUMNS)
      if (!columns.includes(c))
        problems.push({ code: 'missingColumn', params: { column: c }, message: `missing column "${c}"` });
    if (new Set(columns).size !== columns.length)
      problems.push({ code: 'columnTwice', message: 'a column is named twice' });
    if (problems.length > 0) {
      throw new ImportFileRefused(
        'header',
        problems,
        'The first line must name the columns (see docs/cards-import.md).',
      );
    }
    return columns;
  }

  /** Every problem of a line, or the line ready to write. */
  private async check(
    line: number,
    row: Record<string, string>,
  ): Promise<CardLine | { errors: ImportFieldProblems[] }> {
    const today = this.clock.today();
    const issues: ImportFieldProblems[] = [];
    const problem = (field: string, code: ImportProblemCode, message: string, params?: ImportProblem['params']) =>
      issues.push({ field, problems: [{ code, message, ...(params ? { params } : {}) }] });

    const seekerInput: Record<string, unknown> = {};
    for (const c of SEEKER_COLUMNS) if (row[c]) seekerInput[c] = row[c];
    if (row.graduationYear)
      seekerInput.graduationYear = /^\d{4}$/.test(row.graduationYear) ? Number(row.graduationYear) : row.graduationYear;
    if (row.skills)
      seekerInput.skills = row.skills
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
    const seeker = plainToInstance(CreateSeekerDto, seekerInput);
    for (const issue of flattenValidationErrors(
      await validate(seeker, { whitelist: true, forbidNonWhitelisted: true }),
    )) {
      issues.push({
        field: issue.field,
        problems: issue.messages.map((message) => ({ code: 'invalid' as const, message })),
      });
    }
    if (isCalendarDate(row.birthDate) && row.birthDate >= today)
      problem('birthDate', 'birthDateFuture', 'birthDate must be in the past');

    const number = readCardNumber(row.cardNumber ?? '');
    if (!row.cardNumber) problem('cardNumber', 'required', 'cardNumber is required');
    else if (number.kind === 'bad-check-digit')
      problem('cardNumber', 'checkDigit', 'a 13-digit cardNumber must end in a valid Luhn check digit');
    else if (number.kind === 'malformed')
      problem(
        'cardNumber',
        'numberFormat',
        'cardNumber may hold only letters, digits, slashes, spaces, dots and dashes (at most 32)',
      );

    const status = row.status?.toUpperCase() as CardStatus;
    const allowed = IMPORTABLE_STATUSES.join(', ');
    if (!IMPORTABLE_STATUSES.includes(status))
      problem('status', 'status', `status must be one of ${allowed}`, { allowed });

    const issuedAt = row.issuedAt;
    const dateFormat = (column: string) =>
      problem(column, 'dateFormat', `${column} must be a real date written YYYY-MM-DD`);
    if (!isCalendarDate(issuedAt)) dateFormat('issuedAt');
    else if (issuedAt > today) problem('issuedAt', 'issuedFuture', 'issuedAt must not be in the future');
    const expiresAt = row.expiresAt || (isCalendarDate(issuedAt) ? addMonths(issuedAt, CARD_VALIDITY_MONTHS) : '');
    if (row.expiresAt && !isCalendarDate(row.expiresAt)) dateFormat('expiresAt');
    else if (isCalendarDate(issuedAt) && expiresAt <= issuedAt)
      problem('expiresAt', 'expiresBeforeIssue', 'expiresAt must be after issuedAt');
    else if (status === 'ACTIVE' && expiresAt < today)
      problem('expiresAt', 'activePastExpiry', 'an ACTIVE card must not be past its expiry date: import it as EXPIRED');

    let nextReportDue: string | null = null;
    if (row.nextReportDue) {
      if (status !== 'ACTIVE') problem('nextReportDue', 'reportDueNotActive', 'nextReportDue is only for ACTIVE cards');
      else if (!isCalendarDate(row.nextReportDue)) dateFormat('nextReportDue');
      else if (row.nextReportDue <= issuedAt || row.nextReportDue > expiresAt)
        problem('nextReportDue', 'reportDueRange', 'nextReportDue must be after issuedAt and not after expiresAt');
      else nextReportDue = row.nextReportDue;
    } else if (status === 'ACTIVE' && issues.length === 0) {
      // Unknown reporting history: the next 6-month mark after today.
      nextReportDue = nextReportMark(issuedAt, expiresAt, today);
    }

    if ((row.placementEmployerName || row.placementStartDate) && status !== 'PLACED') {
      problem('placementEmployerName', 'placementNotPlaced', 'placement columns are only for PLACED cards');
    }
    if (row.placementStartDate && !isCalendarDate(row.placementStartDate)) dateFormat('placementStartDate');
    if (row.placementEmployerName && row.placementEmployerName.length > 200)
      problem('placementEmployerName', 'tooLong', 'placementEmployerName must be at most 200 characters', { max: 200 });
    if (row.statusReason && row.statusReason.length > 500)
      problem('statusReason', 'tooLong', 'statusReason must be at most 500 characters', { max: 500 });

    if (issues.length > 0 || (number.kind !== 'issued' && number.kind !== 'other'))
      return { errors: mergeIssues(issues) };
    return {
      line,
      seeker,
      numberKey: number.key,
      numberDisplay: row.cardNumber.replace(/\s+/g, ' '),
      status,
      issuedAt,
      expiresAt,
      nextReportDue,
      statusReason: row.statusReason || null,
      placementEmployerName: status === 'PLACED' ? row.placementEmployerName || null : null,
      placementStartDate: status === 'PLACED' ? row.placementStartDate || null : null,
    };
  }

  /**
   * The imported card's place in the statistics: registered on its issue date, and, when it is no
   * longer active, gone on the best date known — the expiry date, the placement's start date, or (for a
   * revocation, whose date the old system does not give) the day of the import — never before issue.
   */
  private async recordHistory(m: EntityManager, cardId: string, seeker: Seeker, l: CardLine): Promise<void> {
    await this.statistics.seekerRegistered(m, cardId, seeker, l.issuedAt);
    if (l.status === 'ACTIVE') return;
    const today = this.clock.today();
    let left = l.status === 'EXPIRED' ? l.expiresAt : l.status === 'PLACED' ? (l.placementStartDate ?? today) : today;
    if (left > today) left = today;
    if (left < l.issuedAt) left = l.issuedAt;
    await this.statistics.seekerLeft(m, l.status === 'PLACED' ? 'PLACED' : 'REMOVED', cardId, seeker, left);
  }

  /** Writes one checked line in its own transaction; a conflict becomes the line's error. */
  private async write(actor: AuthUser, l: CardLine): Promise<ImportFieldProblems[]> {
    // Imported cards and their new seekers belong to the importing officer's office, whose code is the prefix.
    const officeId = this.scope.officeOfActor(actor);
    const prefix = cardNumberPrefix(await this.scope.codeOf(officeId));
    const ownFormat = /^\d{13}$/.test(l.numberKey) && l.numberKey.startsWith(prefix);
    if (ownFormat) await this.numbers.ensureCounter(2000 + Number(l.numberKey.slice(4, 6)), prefix);
    try {
      await this.tx.run(async (m) => {
        const now = this.clock.now();
        let seeker = await this.seekers.findByNik(m, l.seeker.nik);
        if (!seeker) {
          seeker = await this.seekers.insert(m, l.seeker, actor.id, officeId);
          if (l.status === 'PLACED') await this.seekers.markImportedAsPlaced(m, seeker.id);
          await this.audit.record(m, {
            actor,
            entityType: 'seeker',
            entityId: seeker.id,
            action: 'seeker.imported',
            after: { channel: 'IMPORT' },
          });
        }
        const card = newCardRow({
          id: randomUUID(),
          seekerId: seeker.id,
          status: l.status,
          cardNumber: l.numberKey,
          cardNumberDisplay: l.numberDisplay,
          activeNikHash: l.status === 'ACTIVE' ? seeker.nikHash : null,
          origin: 'IMPORT',
          issuedAt: l.issuedAt,
          expiresAt: l.expiresAt,
          nextReportDue: l.nextReportDue,
          requestedAt: now,
          decidedAt: now,
          decidedBy: actor.id,
          statusReason: l.statusReason,
          closedAt: l.status === 'ACTIVE' ? null : now,
          placementEmployerName: l.placementEmployerName,
          placementStartDate: l.placementStartDate,
          placementSource: l.status === 'PLACED' ? 'IMPORT' : null,
          officeId,
        });
        await m.insert(Card, card);
        if (ownFormat) await this.numbers.reserveImported(m, l.numberKey, prefix);
        await this.recordHistory(m, card.id, seeker, l);
        await this.audit.record(m, {
          actor,
          entityType: 'card',
          entityId: card.id,
          action: 'card.imported',
          after: { status: l.status, cardNumber: l.numberDisplay },
        });
      });
      return [];
    } catch (err) {
      const index = uniqueViolation(err);
      if (index === 'UQ_cards_card_number') {
        return [
          {
            field: 'cardNumber',
            problems: [{ code: 'duplicateNumber', message: 'a card with this number already exists' }],
          },
        ];
      }
      if (index === 'UQ_cards_active_nik_hash') {
        return [
          {
            field: 'nik',
            problems: [{ code: 'alreadyHolds', message: 'this person already holds a pending or active card' }],
          },
        ];
      }
      if (err instanceof DomainError && err.code === 'DUPLICATE_NIK') {
        return [
          {
            field: 'nik',
            problems: [
              { code: 'nikRace', message: 'this NIK was registered at the same moment; import the line again' },
            ],
          },
        ];
      }
      throw err;
    }
  }
}

/** One entry per field, problems joined. */
function mergeIssues(issues: ImportFieldProblems[]): ImportFieldProblems[] {
  const byField = new Map<string, ImportProblem[]>();
  for (const i of issues) byField.set(i.field, [...(byField.get(i.field) ?? []), ...i.problems]);
  return [...byField].map(([field, problems]) => ({ field, problems }));
}
