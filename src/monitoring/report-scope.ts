import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { OfficeSettings } from '../offices/office-settings.service.js';
import { OfficesService, type OfficeView } from '../offices/offices.service.js';
import type { OfficeScopeFields } from './dto/office-scope.dto.js';

/**
 * What a report or monitoring view counts: `office` itself, or with `aggregate` its whole subtree.
 * `offices` are the offices counted (rows by `office_id`, labour events by `code`).
 */
export interface ReportScope {
  office: OfficeView;
  aggregate: boolean;
  offices: OfficeView[];
}

export const scopeIds = (s: ReportScope): string[] => s.offices.map((o) => o.id);
export const scopeCodes = (s: ReportScope): string[] => s.offices.map((o) => o.code);

/**
 * Resolves `officeId` and `scope` against the caller: the caller's office by default; an office outside
 * the caller's part of the tree answers 404, as another tenant's object does; `aggregate` only for a
 * province or national office (a city has nothing below it to add up: 400).
 */
@Injectable()
export class ReportScopes {
  constructor(
    private readonly offices: OfficesService,
    private readonly settings: OfficeSettings,
  ) {}

  async resolve(actor: AuthUser, q: OfficeScopeFields = {}): Promise<ReportScope> {
    const own = this.offices.officeOf(actor);
    const visible = await this.offices.subtree(own);
    const office = visible.find((o) => o.id === (q.officeId ?? own));
    if (!office) throw notFound('The office');
    if (q.scope !== 'aggregate') return { office, aggregate: false, offices: [office] };
    if (office.level === 'CITY')
      throw new DomainError(
        400,
        'VALIDATION_FAILED',
        'scope=aggregate adds up the offices below a province or the national office; a city office has none.',
        [{ field: 'scope', messages: ['aggregate is only for a province or national office'] }],
      );
    return { office, aggregate: true, offices: await this.offices.subtree(office.id) };
  }

  /**
   * The office a report is about as its printout and workbook name it: the name on the office's cards
   * (its own letterhead; the first office's falls back to OFFICE_NAME like its cards do), else the
   * office's name (a city without a letterhead is not named after the deployment); an aggregate
   * "Gabungan <name>" (decision 116).
   */
  async title(s: ReportScope): Promise<string> {
    const office = s.office;
    const letterhead =
      office.id === this.offices.rootId()
        ? await this.settings.letterhead(office.id)
        : await this.settings.ownLetterhead(office.id);
    const name = letterhead?.name || office.name;
    return s.aggregate ? `Gabungan ${name}` : name;
  }

  /** The first office on its own: what a caller without an office (the console's older paths) reads. */
  root(): ReportScope {
    const r = this.offices.root();
    const office = { id: r.id, code: r.code, level: r.level, name: r.name, parentId: r.parentId };
    return { office, aggregate: false, offices: [office] };
  }
}
