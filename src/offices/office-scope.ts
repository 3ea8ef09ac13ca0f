import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { forbidden, notFound } from '../common/domain-error.js';
import { regions } from '../common/reference/regions.js';
import { Office } from './office.entity.js';
import { subtreeIds } from './office-rules.js';
import { OfficesService } from './offices.service.js';

/** The offices whose rows an officer reads: every office (`all`, no filter) or these ids. */
export type ReadableOffices = { all: true } | { all: false; ids: string[] };

/** Said to a province or national officer who tries to change a city's record. */
export const READ_ONLY_ABOVE =
  "A province office reads its cities' records; the city office acts on them. Only officers of this record's own office may change it.";

/**
 * Scoping by office, in one place (docs/offices.md, decisions 94–97). The owners (services) ask it; the
 * controllers never do. Officers read the rows of their office and of the offices below it (a city: its
 * own; a province: its cities; the nation: everything) and act only on their own office's rows. Employers
 * and seekers are not scoped by office: their own ownership rules (their company, themself) apply.
 *
 * A row without an office (written before offices existed and not yet filled at start) belongs to the
 * first office, like every such row.
 */
@Injectable()
export class OfficeScope {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly offices: OfficesService,
  ) {}

  /** The offices the actor reads. Non-officers: no office filter (their ownership rules apply instead). */
  async readable(actor: AuthUser): Promise<ReadableOffices> {
    if (actor.role !== 'officer') return { all: true };
    const own = this.offices.officeOf(actor);
    const all = await this.ds.getRepository(Office).find({ select: { id: true, parentId: true, level: true } });
    const mine = all.find((o) => o.id === own);
    // An office that no longer exists reads nothing but itself (never everything).
    if (!mine) return { all: false, ids: [own] };
    if (mine.level === 'NATIONAL' && mine.parentId === null) return { all: true };
    return { all: false, ids: [...subtreeIds(all, own)] };
  }

  /** Whether the actor reads a row of `officeId` (null: the first office's). */
  async canRead(actor: AuthUser, officeId: string | null): Promise<boolean> {
    if (actor.role !== 'officer') return true;
    const r = await this.readable(actor);
    return r.all || r.ids.includes(officeId ?? this.offices.rootId());
  }

  /** Whether the actor acts on a row of `officeId`: only officers of that very office do. */
  canAct(actor: AuthUser, officeId: string | null): boolean {
    if (actor.role !== 'officer') return true;
    return this.offices.officeOf(actor) === (officeId ?? this.offices.rootId());
  }

  /** 404 (`what` was not found) when the actor does not read the row, like another tenant's object. */
  async requireReadable(actor: AuthUser, officeId: string | null, what: string): Promise<void> {
    if (!(await this.canRead(actor, officeId))) throw notFound(what);
  }

  /**
   * 404 (like an unknown office) unless the officer reads the office itself: its own, one below it, or one
   * above it (a city reads its province's and the nation's settings, never a sibling city's).
   */
  async requireOfficeReadable(actor: AuthUser, officeId: string): Promise<void> {
    if (actor.role !== 'officer') return;
    if (await this.canRead(actor, officeId)) return;
    if (await this.offices.isWithin(this.offices.officeOf(actor), officeId)) return;
    throw notFound('The office');
  }

  /** 404 when the row is not even readable; 403 when it is read (an office above) but not the actor's own. */
  async requireActable(actor: AuthUser, officeId: string | null, what: string): Promise<void> {
    if (actor.role !== 'officer') return;
    await this.requireReadable(actor, officeId, what);
    if (!this.canAct(actor, officeId)) throw forbidden(READ_ONLY_ABOVE);
  }

  /**
   * Adds `column IN (readable offices)` to an officer's list query (nothing for the nation or a
   * non-officer). Rows without an office count as the first office's.
   */
  async restrict<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    column: string,
    actor: AuthUser,
  ): Promise<SelectQueryBuilder<T>> {
    const r = await this.readable(actor);
    if (r.all) return qb;
    const rootReadable = r.ids.includes(this.offices.rootId());
    const param = `scopeOffices${column.replace(/\W/g, '_')}`;
    return qb.andWhere(
      rootReadable ? `(${column} IN (:...${param}) OR ${column} IS NULL)` : `${column} IN (:...${param})`,
      { [param]: r.ids },
    );
  }

  /**
   * The same through a row's owner: `fkColumn IN (SELECT id FROM ownerTable WHERE office_id IN …)` — for rows
   * without an office of their own (placements through their seeker, validations through their employer,
   * outreach campaigns through the officer who wrote them).
   */
  async restrictVia<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    fkColumn: string,
    ownerTable: 'seekers' | 'employers' | 'vacancies' | 'cards' | 'users',
    actor: AuthUser,
  ): Promise<SelectQueryBuilder<T>> {
    const r = await this.readable(actor);
    if (r.all) return qb;
    const rootReadable = r.ids.includes(this.offices.rootId());
    const param = `scopeVia${ownerTable}`;
    const inOffices = rootReadable
      ? `(o.office_id IN (:...${param}) OR o.office_id IS NULL)`
      : `o.office_id IN (:...${param})`;
    return qb.andWhere(`${fkColumn} IN (SELECT o.id FROM ${ownerTable} o WHERE ${inOffices})`, { [param]: r.ids });
  }

  /** Of these ids of `table`, those whose row the actor reads (all of them for the nation or a non-officer). */
  async readableIds(
    m: EntityManager,
    table: 'seekers' | 'employers' | 'vacancies' | 'cards',
    ids: readonly string[],
    actor: AuthUser,
  ): Promise<string[]> {
    const r = await this.readable(actor);
    if (r.all || ids.length === 0) return [...ids];
    const offices = new Set(r.ids);
    const root = this.offices.rootId();
    const kept = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      const rows = (await m.query(
        `SELECT id, office_id AS officeId FROM ${table} WHERE id IN (${part.map(() => '?').join(', ')})`,
        part,
      )) as { id: string; officeId: string | null }[];
      for (const row of rows) if (offices.has(row.officeId ?? root)) kept.add(row.id);
    }
    return ids.filter((id) => kept.has(id));
  }

  /**
   * The office a new row of this domicile belongs to: the CITY office of the regency (`1671`, or the
   * regency of the kecamatan `16.71.05`) when the deployment has one, else the first office.
   */
  async officeOfDomicile(place: { regencyCode?: string | null; kecamatanCode?: string | null }): Promise<string> {
    return (await this.cityOfficeOf(place)) ?? this.offices.rootId();
  }

  /** The CITY office of the regency (`1671`) or of the kecamatan's regency (`16.71.05`), or null when there is none. */
  async cityOfficeOf(place: { regencyCode?: string | null; kecamatanCode?: string | null }): Promise<string | null> {
    const code = place.regencyCode
      ? (regions().regency(place.regencyCode)?.compactCode ?? place.regencyCode)
      : regions().regencyOfKecamatan(place.kecamatanCode)?.compactCode;
    if (!code || !/^\d{4}$/.test(code)) return null;
    const office = await this.ds
      .getRepository(Office)
      .findOne({ where: { code, level: 'CITY' }, select: { id: true } });
    return office?.id ?? null;
  }

  /**
   * Where a seeker or company belongs after its address changes (the rule of registration,
   * officeOfDomicile): a new place is a kecamatan other than the stored one, or a regencyCode; clearing the
   * kecamatan (null) names none. Null when the row stays where it is.
   */
  async officeAfterMove(
    before: { officeId: string | null; kecamatanCode: string | null },
    change: { kecamatanCode?: string | null; regencyCode?: string },
  ): Promise<{ from: string; to: string } | null> {
    const newKecamatan = !!change.kecamatanCode && change.kecamatanCode !== before.kecamatanCode;
    if (!newKecamatan && change.regencyCode === undefined) return null;
    const to = await this.officeOfDomicile({
      regencyCode: change.regencyCode,
      kecamatanCode: change.kecamatanCode ?? before.kecamatanCode,
    });
    const from = before.officeId ?? this.rootId();
    return to === from ? null : { from, to };
  }

  /** The deployment's first office (rows without an office belong to it). */
  rootId(): string {
    return this.offices.rootId();
  }

  /** The office rows an officer creates belong to: the officer's own. */
  officeOfActor(actor: AuthUser): string {
    return this.offices.officeOf(actor);
  }

  /** An office's code (for card numbers); the first office's for an unknown id. */
  async codeOf(officeId: string | null): Promise<string> {
    if (officeId) {
      const o = await this.ds
        .getRepository(Office)
        .findOne({ where: { id: officeId }, select: { id: true, code: true } });
      if (o) return o.code;
    }
    return this.offices.root().code;
  }
}
