import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { addMonths, isCalendarDate } from '../common/dates.js';
import { DomainError, validationFailed, type FieldIssue } from '../common/domain-error.js';
import { flattenValidationErrors } from '../common/http/validation.js';
import { Transactions, uniqueViolation } from '../database/transactions.js';
import { CreateSeekerDto } from '../seekers/dto/seeker.dto.js';
import { Seeker } from '../seekers/seeker.entity.js';
import { SeekersService } from '../seekers/seekers.service.js';
import { LabourStatistics } from '../statistics/labour-statistics.service.js';
import { CARD_VALIDITY_MONTHS, nextReportMark } from './card-dates.js';
import { readCardNumber } from './card-number.js';
import { CardNumbers } from './card-numbers.service.js';
import { Card, type CardStatus } from './card.entity.js';
import { CsvSyntaxError, parseCsv } from './csv.js';

/** Columns of the import file (docs/cards-import.md). */
const REQUIRED = ['cardNumber', 'nik', 'fullName', 'birthPlace', 'birthDate', 'gender', 'address', 'educationLevel', 'issuedAt', 'status'] as const;
const OPTIONAL = [
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
const SEEKER_COLUMNS = ['nik', 'fullName', 'birthPlace', 'birthDate', 'gender', 'address', 'educationLevel', 'maritalStatus', 'phone', 'kecamatanCode', 'major'];
const IMPORTABLE_STATUSES: CardStatus[] = ['ACTIVE', 'EXPIRED', 'PLACED', 'REVOKED'];

export interface ImportReport {
  imported: number;
  rejected: { line: number; errors: FieldIssue[] }[];
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
  ) {}

  async import(actor: AuthUser, body: unknown): Promise<ImportReport> {
    if (typeof body !== 'string') {
      throw new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the cards as a CSV file with Content-Type: text/csv.');
    }
    let records;
    try {
      records = parseCsv(body);
    } catch (err) {
      if (err instanceof CsvSyntaxError) throw validationFailed([{ field: 'file', messages: [err.message] }], 'The file is not valid CSV.');
      throw err;
    }
    const [header, ...lines] = records;
    const columns = this.readHeader(header?.fields ?? []);

    const report: ImportReport = { imported: 0, rejected: [] };
    for (const record of lines) {
      const row: Record<string, string> = {};
      columns.forEach((name, i) => (row[name] = (record.fields[i] ?? '').trim()));
      const checked = record.fields.length > columns.length
        ? { errors: [{ field: 'line', messages: [`has ${record.fields.length} fields but the header names ${columns.length}`] }] }
        : await this.check(record.line, row);
      const errors = 'errors' in checked ? checked.errors : await this.write(actor, checked);
      if (errors.length > 0) report.rejected.push({ line: record.line, errors });
      else report.imported++;
    }
    return report;
  }

  private readHeader(fields: string[]): string[] {
    const known = new Map<string, string>([...REQUIRED, ...OPTIONAL].map((c) => [c.toLowerCase(), c]));
    const columns = fields.map((f) => known.get(f.trim().toLowerCase()) ?? f.trim());
    const messages: string[] = [];
    for (const c of columns) if (!known.has(c.toLowerCase())) messages.push(`unknown column "${c}"`);
    for (const c of REQUIRED) if (!columns.includes(c)) messages.push(`missing column "${c}"`);
    if (new Set(columns).size !== columns.length) messages.push('a column is named twice');
    if (messages.length > 0) {
      throw validationFailed([{ field: 'header', messages }], 'The first line must name the columns (see docs/cards-import.md).');
    }
    return columns;
  }

  /** Every problem of a line, or the line ready to write. */
  private async check(line: number, row: Record<string, string>): Promise<CardLine | { errors: FieldIssue[] }> {
    const today = this.clock.today();
    const issues: FieldIssue[] = [];
    const problem = (field: string, message: string) => issues.push({ field, messages: [message] });

    const seekerInput: Record<string, unknown> = {};
    for (const c of SEEKER_COLUMNS) if (row[c]) seekerInput[c] = row[c];
    if (row.graduationYear) seekerInput.graduationYear = /^\d{4}$/.test(row.graduationYear) ? Number(row.graduationYear) : row.graduationYear;
    if (row.skills) seekerInput.skills = row.skills.split(';').map((s) => s.trim()).filter(Boolean);
    const seeker = plainToInstance(CreateSeekerDto, seekerInput);
    issues.push(...flattenValidationErrors(await validate(seeker, { whitelist: true, forbidNonWhitelisted: true })));
    if (isCalendarDate(row.birthDate) && row.birthDate >= today) problem('birthDate', 'birthDate must be in the past');

    const number = readCardNumber(row.cardNumber ?? '');
    if (!row.cardNumber) problem('cardNumber', 'cardNumber is required');
    else if (number.kind === 'bad-check-digit') problem('cardNumber', 'a 13-digit cardNumber must end in a valid Luhn check digit');
    else if (number.kind === 'malformed') problem('cardNumber', 'cardNumber may hold only letters, digits, slashes, spaces, dots and dashes (at most 32)');

    const status = row.status?.toUpperCase() as CardStatus;
    if (!IMPORTABLE_STATUSES.includes(status)) problem('status', `status must be one of ${IMPORTABLE_STATUSES.join(', ')}`);

    const issuedAt = row.issuedAt;
    if (!isCalendarDate(issuedAt)) problem('issuedAt', 'issuedAt must be a real date written YYYY-MM-DD');
    else if (issuedAt > today) problem('issuedAt', 'issuedAt must not be in the future');
    let expiresAt = row.expiresAt || (isCalendarDate(issuedAt) ? addMonths(issuedAt, CARD_VALIDITY_MONTHS) : '');
    if (row.expiresAt && !isCalendarDate(row.expiresAt)) problem('expiresAt', 'expiresAt must be a real date written YYYY-MM-DD');
    else if (isCalendarDate(issuedAt) && expiresAt <= issuedAt) problem('expiresAt', 'expiresAt must be after issuedAt');
    else if (status === 'ACTIVE' && expiresAt < today) problem('expiresAt', 'an ACTIVE card must not be past its expiry date: import it as EXPIRED');

    let nextReportDue: string | null = null;
    if (row.nextReportDue) {
      if (status !== 'ACTIVE') problem('nextReportDue', 'nextReportDue is only for ACTIVE cards');
      else if (!isCalendarDate(row.nextReportDue)) problem('nextReportDue', 'nextReportDue must be a real date written YYYY-MM-DD');
      else if (row.nextReportDue <= issuedAt || row.nextReportDue > expiresAt) problem('nextReportDue', 'nextReportDue must be after issuedAt and not after expiresAt');
      else nextReportDue = row.nextReportDue;
    } else if (status === 'ACTIVE' && issues.length === 0) {
      // Unknown reporting history: the next 6-month mark after today.
      nextReportDue = nextReportMark(issuedAt, expiresAt, today);
    }

    if ((row.placementEmployerName || row.placementStartDate) && status !== 'PLACED') {
      problem('placementEmployerName', 'placement columns are only for PLACED cards');
    }
    if (row.placementStartDate && !isCalendarDate(row.placementStartDate)) problem('placementStartDate', 'placementStartDate must be a real date written YYYY-MM-DD');
    if (row.placementEmployerName && row.placementEmployerName.length > 200) problem('placementEmployerName', 'placementEmployerName must be at most 200 characters');
    if (row.statusReason && row.statusReason.length > 500) problem('statusReason', 'statusReason must be at most 500 characters');

    if (issues.length > 0 || (number.kind !== 'issued' && number.kind !== 'other')) return { errors: mergeIssues(issues) };
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
  private async write(actor: AuthUser, l: CardLine): Promise<FieldIssue[]> {
    const ownFormat = /^\d{13}$/.test(l.numberKey) && l.numberKey.startsWith(this.numbers.regionCode);
    if (ownFormat) await this.numbers.ensureCounter(2000 + Number(l.numberKey.slice(4, 6)));
    try {
      await this.tx.run(async (m) => {
        const now = this.clock.now();
        let seeker = await this.seekers.findByNik(m, l.seeker.nik);
        if (!seeker) {
          seeker = await this.seekers.insert(m, l.seeker, actor.id);
          if (l.status === 'PLACED') await m.update(Seeker, { id: seeker.id }, { placedAt: now });
          await this.audit.record(m, { actor, entityType: 'seeker', entityId: seeker.id, action: 'seeker.imported', after: { channel: 'IMPORT' } });
        }
        const card: Partial<Card> = {
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
          placementEmployerId: null,
          placementEmployerName: l.placementEmployerName,
          placementStartDate: l.placementStartDate,
          placementSource: l.status === 'PLACED' ? 'IMPORT' : null,
          createdAt: now,
          updatedAt: now,
        };
        await m.insert(Card, card);
        if (ownFormat) await this.numbers.reserveImported(m, l.numberKey);
        await this.recordHistory(m, card.id!, seeker, l);
        await this.audit.record(m, { actor, entityType: 'card', entityId: card.id!, action: 'card.imported', after: { status: l.status, cardNumber: l.numberDisplay } });
      });
      return [];
    } catch (err) {
      const index = uniqueViolation(err);
      if (index === 'UQ_cards_card_number') return [{ field: 'cardNumber', messages: ['a card with this number already exists'] }];
      if (index === 'UQ_cards_active_nik_hash') return [{ field: 'nik', messages: ['this person already holds a pending or active card'] }];
      if (err instanceof DomainError && err.code === 'DUPLICATE_NIK') {
        return [{ field: 'nik', messages: ['this NIK was registered at the same moment; import the line again'] }];
      }
      throw err;
    }
  }
}

/** One entry per field, messages joined. */
function mergeIssues(issues: FieldIssue[]): FieldIssue[] {
  const byField = new Map<string, string[]>();
  for (const i of issues) byField.set(i.field, [...(byField.get(i.field) ?? []), ...i.messages]);
  return [...byField].map(([field, messages]) => ({ field, messages }));
}
