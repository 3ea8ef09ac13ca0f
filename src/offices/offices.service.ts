import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { forbidden, notFound } from '../common/domain-error.js';
import { pageWindow, type Page, type PageQuery } from '../common/http/pagination.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Transactions, uniqueViolation } from '../database/transactions.js';
import type { CreateOfficeDto, UpdateOfficeDto } from './dto/office.dto.js';
import { Office, type OfficeLevel } from './office.entity.js';
import { levelOfCode, placementProblem, subtreeIds } from './office-rules.js';
import { officeExists, fieldInvalid } from './offices.errors.js';

/** What the API shows of an office. */
export interface OfficeView {
  id: string;
  code: string;
  level: OfficeLevel;
  name: string;
  parentId: string | null;
}

export const toOfficeView = (o: Office): OfficeView => ({
  id: o.id,
  code: o.code,
  level: o.level,
  name: o.name,
  parentId: o.parentId,
});

/** The tables whose rows belong to an office; rows from before offices existed are given the root office. */
const OWNED_TABLES = ['users', 'seekers', 'employers', 'cards', 'vacancies', 'outreach_campaigns'] as const;

/**
 * The owner of the `offices` table (docs/offices.md): the root office made from REGION_CODE at start, the
 * tree, and who may create or change which office. Every officer belongs to one office; a token or
 * session without one (issued before offices existed) belongs to the root office.
 */
@Injectable()
export class OfficesService implements OnModuleInit {
  private readonly logger = new Logger('Offices');
  private rootOffice: Office | null = null;
  /** Office codes by id (the labour events carry the code); cleared when an office changes. */
  private readonly codes = new Map<string, string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /**
   * Before any other start-up work (the bootstrap officer, the workers): the root office exists and every
   * row written before offices existed belongs to it. Idempotent, and safe with several instances starting
   * at once: the unique code lets one insert win, and filling NULLs twice writes the same value.
   */
  async onModuleInit(): Promise<void> {
    this.rootOffice = await this.ensureRoot();
    for (const table of OWNED_TABLES) {
      const res: unknown = await this.tx.run((m) =>
        m.query(`UPDATE ${table} SET office_id = ? WHERE office_id IS NULL`, [this.rootOffice!.id]),
      );
      const filled = affected(res);
      if (filled > 0) this.logger.log(`gave ${filled} earlier ${table} rows to office ${this.rootOffice.code}`);
    }
  }

  private async ensureRoot(): Promise<Office> {
    const code = this.config.regionCode;
    const repo = this.ds.getRepository(Office);
    const found = await repo.findOne({ where: { code } });
    if (found) return found;
    const level = levelOfCode(code);
    if (!level) throw new Error(`REGION_CODE ${code} names no office level`);
    const now = this.clock.now();
    const office: Office = {
      id: randomUUID(),
      code,
      level,
      name: this.config.office.name,
      parentId: null,
      settings: null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.tx.run((m) => m.insert(Office, office));
      this.logger.log(`created the ${level} office ${code} from REGION_CODE`);
      return office;
    } catch (err) {
      // Another instance starting at the same time created it first.
      if (!uniqueViolation(err)) throw err;
      return repo.findOneOrFail({ where: { code } });
    }
  }

  /** The deployment's first office (REGION_CODE). */
  root(): Office {
    if (!this.rootOffice) throw new Error('offices are not initialised yet');
    return this.rootOffice;
  }

  /** The id of the office new rows belong to until a later step derives it from the domicile or work location. */
  rootId(): string {
    return this.root().id;
  }

  /** The office an officer acts for: the one in their token or session, else (issued before offices) the root. */
  officeOf(actor: Pick<AuthUser, 'officeId'>): string {
    return actor.officeId ?? this.rootId();
  }

  /**
   * The code of an office (`1671`), cached per instance; null or an unknown id: the root office's. Read
   * through `m` when given, so a caller inside a transaction does not wait for another connection.
   */
  async codeOf(officeId: string | null | undefined, m?: EntityManager): Promise<string> {
    if (!officeId) return this.root().code;
    const known = this.codes.get(officeId);
    if (known) return known;
    const office = await (m ?? this.ds.manager).findOne(Office, { where: { id: officeId }, select: { code: true } });
    if (!office) return this.root().code;
    this.codes.set(officeId, office.code);
    return office.code;
  }

  async list(q: PageQuery): Promise<Page<OfficeView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const [rows, total] = await this.ds
      .getRepository(Office)
      .findAndCount({ order: { code: 'ASC' }, skip, take: pageSize });
    return { items: rows.map(toOfficeView), page, pageSize, total };
  }

  async get(id: string): Promise<OfficeView> {
    const office = await this.ds.getRepository(Office).findOne({ where: { id } });
    if (!office) throw notFound('The office');
    return toOfficeView(office);
  }

  /** Offices by id (the console's names), unknown ids left out. */
  async byIds(ids: readonly string[]): Promise<OfficeView[]> {
    if (ids.length === 0) return [];
    return (await this.ds.getRepository(Office).find({ where: { id: In([...new Set(ids)]) } })).map(toOfficeView);
  }

  /** The office and every office below it, root of the list first, then by code. */
  async subtree(officeId: string): Promise<OfficeView[]> {
    const all = await this.ds.getRepository(Office).find({ order: { code: 'ASC' } });
    const ids = subtreeIds(all, officeId);
    return all
      .filter((o) => ids.has(o.id))
      .sort((a, b) => (a.id === officeId ? -1 : b.id === officeId ? 1 : a.code.localeCompare(b.code)))
      .map(toOfficeView);
  }

  /** Whether `officeId` is `ancestorId` or below it. */
  async isWithin(officeId: string, ancestorId: string): Promise<boolean> {
    if (officeId === ancestorId) return true;
    const all = await this.ds.getRepository(Office).find({ select: { id: true, parentId: true } });
    return subtreeIds(all, ancestorId).has(officeId);
  }

  /**
   * An office the officer may manage (settings, officers): theirs or one below it. 404 for an unknown
   * office, 403 for one outside their part of the tree.
   */
  async requireManaged(actor: AuthUser, officeId: string): Promise<Office> {
    const office = await this.ds.getRepository(Office).findOne({ where: { id: officeId } });
    if (!office) throw notFound('The office');
    if (!(await this.isWithin(office.id, this.officeOf(actor))))
      throw forbidden('Only officers of this office or of an office above it may do this.');
    return office;
  }

  /**
   * `POST /offices`: a province under the national office, a city under its province. Officers of the
   * parent's part of the tree only (a city officer never: nothing sits under a city).
   */
  async create(actor: AuthUser, dto: CreateOfficeDto): Promise<OfficeView> {
    const actorOffice = await this.requireOfficeAboveCity(actor);
    return this.tx.run(async (m) => {
      const parent = await m.findOne(Office, { where: { id: dto.parentId } });
      const problem = placementProblem({ code: dto.code, level: dto.level }, parent);
      if (problem) throw fieldInvalid(parent ? 'code' : 'parentId', problem);
      await this.requireParentWithin(m, parent!.id, actorOffice.id);
      const now = this.clock.now();
      const office: Office = {
        id: randomUUID(),
        code: dto.code,
        level: dto.level,
        name: dto.name.trim(),
        parentId: parent!.id,
        settings: null,
        createdAt: now,
        updatedAt: now,
      };
      await this.insertOrConflict(m, office);
      await this.audit.record(m, {
        actor,
        entityType: 'office',
        entityId: office.id,
        action: 'office.created',
        after: toOfficeView(office) as unknown as Record<string, unknown>,
      });
      return toOfficeView(office);
    });
  }

  /**
   * `PATCH /offices/:id`: officers above the office (the root office: its own officers, its name only:
   * its code and level are REGION_CODE's). The result must fit the rules of creation.
   */
  async update(actor: AuthUser, id: string, dto: UpdateOfficeDto): Promise<OfficeView> {
    const actorOfficeId = this.officeOf(actor);
    return this.tx.run(async (m) => {
      const office = await m.findOne(Office, { where: { id } });
      if (!office) throw notFound('The office');
      const before = toOfficeView(office);
      if (office.parentId === null) {
        if (actorOfficeId !== office.id) throw forbidden('Only officers of the office above may change an office.');
        if (dto.code !== undefined || dto.level !== undefined || dto.parentId !== undefined)
          throw fieldInvalid('code', "The first office's code and level come from REGION_CODE.");
      } else {
        // Strictly above: an office's own officers do not move or rename it.
        const above = office.parentId === actorOfficeId || (await this.isWithin(office.parentId, actorOfficeId));
        if (!above) throw forbidden('Only officers of the office above may change an office.');
        const next = {
          code: dto.code ?? office.code,
          level: dto.level ?? office.level,
          parentId: dto.parentId ?? office.parentId,
        };
        const parent = await m.findOne(Office, { where: { id: next.parentId } });
        const problem =
          next.parentId === office.id ? 'An office cannot sit under itself.' : placementProblem(next, parent);
        if (problem) throw fieldInvalid(parent ? 'code' : 'parentId', problem);
        await this.requireParentWithin(m, parent!.id, actorOfficeId);
        if (next.level !== office.level && (await m.exists(Office, { where: { parentId: office.id } })))
          throw fieldInvalid('level', 'An office with offices under it keeps its level.');
        Object.assign(office, next);
      }
      if (dto.name !== undefined) office.name = dto.name.trim();
      office.updatedAt = this.clock.now();
      try {
        await m.update(
          Office,
          { id: office.id },
          {
            code: office.code,
            level: office.level,
            name: office.name,
            parentId: office.parentId,
            updatedAt: office.updatedAt,
          },
        );
      } catch (err) {
        if (uniqueViolation(err)) throw officeExists(office.code);
        throw err;
      }
      await this.audit.record(m, {
        actor,
        entityType: 'office',
        entityId: office.id,
        action: 'office.updated',
        before: before as unknown as Record<string, unknown>,
        after: toOfficeView(office) as unknown as Record<string, unknown>,
      });
      if (this.rootOffice?.id === office.id) this.rootOffice = { ...office };
      this.codes.delete(office.id);
      return toOfficeView(office);
    });
  }

  /** The office's own settings as stored (JSON text), for OfficeSettings. */
  async storedSettings(officeId: string): Promise<string | null | undefined> {
    const row = await this.ds
      .getRepository(Office)
      .findOne({ where: { id: officeId }, select: { id: true, settings: true } });
    return row ? row.settings : undefined;
  }

  /** Every office that has settings of its own (JSON text), for OfficeSettings' rules across offices. */
  async allStoredSettings(): Promise<{ id: string; settings: string }[]> {
    const rows = await this.ds
      .getRepository(Office)
      .find({ where: { settings: Not(IsNull()) }, select: { id: true, settings: true } });
    return rows.map((r) => ({ id: r.id, settings: r.settings! }));
  }

  /** Replaces the office's own settings (OfficeSettings validated them), with the audit record. */
  async writeSettings(actor: AuthUser, officeId: string, before: unknown, after: Record<string, unknown>) {
    await this.tx.run(async (m) => {
      await m.update(
        Office,
        { id: officeId },
        { settings: Object.keys(after).length ? JSON.stringify(after) : null, updatedAt: this.clock.now() },
      );
      await this.audit.record(m, {
        actor,
        entityType: 'office',
        entityId: officeId,
        action: 'office.settings_changed',
        before: (before ?? null) as Record<string, unknown> | null,
        after,
      });
    });
  }

  /** Offices the officer may create officers in and manage: theirs and those below (console selects). */
  async managedBy(actor: AuthUser): Promise<OfficeView[]> {
    return this.subtree(this.officeOf(actor));
  }

  private async requireOfficeAboveCity(actor: AuthUser): Promise<Office> {
    const office = await this.ds.getRepository(Office).findOne({ where: { id: this.officeOf(actor) } });
    if (!office) throw forbidden();
    if (office.level === 'CITY') throw forbidden('A city or regency office has no offices under it.');
    return office;
  }

  private async requireParentWithin(m: EntityManager, parentId: string, actorOfficeId: string): Promise<void> {
    if (parentId === actorOfficeId) return;
    const all = await m.find(Office, { select: { id: true, parentId: true } });
    if (!subtreeIds(all, actorOfficeId).has(parentId))
      throw forbidden('Offices are created and changed only under your own office or an office below it.');
  }

  private async insertOrConflict(m: EntityManager, office: Office): Promise<void> {
    try {
      await m.insert(Office, office);
    } catch (err) {
      if (uniqueViolation(err)) throw officeExists(office.code);
      throw err;
    }
  }
}

/** Rows changed by a raw UPDATE: mysql2 answers `{ affectedRows }`, TypeORM's SQLite driver `[rows, changes]`. */
function affected(res: unknown): number {
  if (Array.isArray(res) && typeof res[1] === 'number') return res[1];
  const r = res as { affectedRows?: number } | null;
  return typeof r?.affectedRows === 'number' ? r.affectedRows : 0;
}
