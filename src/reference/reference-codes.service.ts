import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { DomainError, forbidden, notFound } from '../common/domain-error.js';
import { pageWindow, type Page } from '../common/http/pagination.js';
import { containsPattern, LIKE_ESCAPE } from '../common/sql.js';
import { Transactions } from '../database/transactions.js';
import { OfficesService } from '../offices/offices.service.js';
import type { ReferenceQuery } from './dto/reference.dto.js';
import type { ReferenceCodeReply, ReferenceListSummary, ReferenceLoadReply } from './dto/reference.reply.js';
import { ReferenceCode } from './reference-code.entity.js';
import {
  isReferenceList,
  readReferenceCsv,
  REFERENCE_LISTS,
  ReferenceFileRefused,
  type ReferenceList,
  type ReferenceProblemCode,
} from './reference-lists.js';

/** A refused list file: 400 naming the line; `line` and `problem` let the console say it in Indonesian. */
export class ReferenceFileError extends DomainError {
  constructor(
    readonly line: number,
    readonly problem: ReferenceProblemCode,
    reason: string,
  ) {
    super(400, 'VALIDATION_FAILED', `Line ${line} of the file: ${reason}.`, [
      { field: `line ${line}`, messages: [reason] },
    ]);
  }
}

/** Said to an officer of an office below the first one who tries to load a list. */
export const REFERENCE_LISTS_ARE_THE_TOP_OFFICES =
  "The code lists are one for the whole deployment: only officers of its first office (at the top of the offices' tree) load a newer one.";

interface CachedList {
  loadedAt: number;
  byCode: Map<string, { label: string; active: boolean; parent: string | null }>;
}

/**
 * In-process copies of the lists live this long at most: an update made here drops the copy at once,
 * one made by another process of the deployment is seen within the minute.
 */
const CACHE_MS = 60_000;

/**
 * The owner of `reference_codes`: the pickers' search, an officer's newer list, and the lookups other
 * features make (`label`, `isActive`) from a per-process cache that an update here invalidates.
 */
@Injectable()
export class ReferenceCodes {
  private readonly cache = new Map<ReferenceList, CachedList>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly offices: OfficesService,
  ) {}

  /** The label of a code, or null when the list does not have it (inactive codes keep their label). */
  async label(list: ReferenceList, code: string | null | undefined): Promise<string | null> {
    if (!code) return null;
    return (await this.cached(list)).byCode.get(code)?.label ?? null;
  }

  async isActive(list: ReferenceList, code: string | null | undefined): Promise<boolean> {
    if (!code) return false;
    return (await this.cached(list)).byCode.get(code)?.active ?? false;
  }

  /** The parent of an active or inactive code (education: its level), or null. */
  async parent(list: ReferenceList, code: string): Promise<string | null> {
    return (await this.cached(list)).byCode.get(code)?.parent ?? null;
  }

  /** Every code of a list in file order, active first (the console's `<datalist>` and pickers). */
  async entries(list: ReferenceList, includeInactive = false): Promise<ReferenceCodeReply[]> {
    const out: ReferenceCodeReply[] = [];
    for (const [code, e] of (await this.cached(list)).byCode)
      if (e.active || includeInactive) out.push({ code, label: e.label, parent: e.parent, active: e.active });
    return out;
  }

  async search(listName: string, query: ReferenceQuery): Promise<Page<ReferenceCodeReply>> {
    const list = this.known(listName);
    const { page, pageSize, skip } = pageWindow(query);
    const qb = this.ds
      .getRepository(ReferenceCode)
      .createQueryBuilder('r')
      .where('r.list = :list', { list })
      .orderBy('r.active', 'DESC')
      .addOrderBy('r.position', 'ASC')
      .skip(skip)
      .take(pageSize);
    if (!query.includeInactive) qb.andWhere('r.active = :active', { active: true });
    const q = query.q?.trim().toLowerCase();
    if (q)
      qb.andWhere(`(LOWER(r.code) LIKE :q ${LIKE_ESCAPE} OR LOWER(r.label) LIKE :q ${LIKE_ESCAPE})`, {
        q: containsPattern(q),
      });
    const [rows, total] = await qb.getManyAndCount();
    return {
      items: rows.map((r) => ({ code: r.code, label: r.label, parent: r.parent, active: Boolean(r.active) })),
      page,
      pageSize,
      total,
    };
  }

  /** Counts per list for the officer's page. */
  async summaries(): Promise<ReferenceListSummary[]> {
    const rows = await this.ds
      .getRepository(ReferenceCode)
      .createQueryBuilder('r')
      .select('r.list', 'list')
      .addSelect('SUM(CASE WHEN r.active = 1 THEN 1 ELSE 0 END)', 'active')
      .addSelect('COUNT(*)', 'total')
      .addSelect('MAX(r.updated_at)', 'updatedAt')
      .groupBy('r.list')
      .getRawMany<{ list: string; active: string | number; total: string | number; updatedAt: string | Date | null }>();
    return REFERENCE_LISTS.map((list) => {
      const r = rows.find((x) => x.list === list);
      const active = Number(r?.active ?? 0);
      const at = r?.updatedAt ?? null;
      return {
        list,
        active,
        inactive: Number(r?.total ?? 0) - active,
        updatedAt: at === null ? null : at instanceof Date ? at.toISOString() : `${at.replace(' ', 'T').slice(0, 23)}Z`,
      };
    });
  }

  /**
   * An officer loads a newer list: the file is checked whole first (any problem refuses it, naming the
   * line); its codes become the active ones, in its order; codes it leaves out stay, inactive, so the
   * records that carry them still have a label and still count under them.
   */
  async replace(actor: AuthUser, listName: string, text: unknown): Promise<ReferenceLoadReply> {
    const list = this.known(listName);
    // The lists are the deployment's, read by every office: only the first office (the top of the tree) loads them.
    if (this.offices.officeOf(actor) !== this.offices.rootId()) throw forbidden(REFERENCE_LISTS_ARE_THE_TOP_OFFICES);
    if (typeof text !== 'string')
      throw new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the list as a CSV file with Content-Type: text/csv.');
    let rows;
    try {
      rows = readReferenceCsv(list, text);
    } catch (e) {
      if (e instanceof ReferenceFileRefused)
        throw new ReferenceFileError(e.line, e.problem, e.message.replace(/^line \d+: /, ''));
      throw e;
    }
    const result = await this.tx.run(async (m) => {
      const now = this.clock.now();
      const before = await m.find(ReferenceCode, { where: { list } });
      const old = new Map(before.map((r) => [r.code, r]));
      const fresh = new Set(rows.map((r) => r.code));
      let added = 0;
      let updated = 0;
      const next: ReferenceCode[] = rows.map((r, i) => {
        const was = old.get(r.code);
        if (!was) added++;
        else if (was.label !== r.label || was.parent !== r.parent || !was.active) updated++;
        return { list, code: r.code, label: r.label, parent: r.parent, active: true, position: i, updatedAt: now };
      });
      const left = before.filter((r) => !fresh.has(r.code));
      const deactivated = left.filter((r) => r.active).length;
      left.forEach((r, j) => next.push({ ...r, active: false, position: rows.length + j, updatedAt: now }));
      await m.delete(ReferenceCode, { list });
      for (let i = 0; i < next.length; i += 200) await m.insert(ReferenceCode, next.slice(i, i + 200));
      const reply: ReferenceLoadReply = { list, loaded: rows.length, added, updated, deactivated };
      await this.audit.record(m, {
        actor,
        entityType: 'reference',
        entityId: list,
        action: 'reference.replaced',
        before: { active: before.filter((r) => r.active).length },
        after: { ...reply },
      });
      return reply;
    });
    this.cache.delete(list);
    return result;
  }

  private known(list: string): ReferenceList {
    if (!isReferenceList(list)) throw notFound('The reference list');
    return list;
  }

  private async cached(list: ReferenceList): Promise<CachedList> {
    const hit = this.cache.get(list);
    const now = Date.now();
    if (hit && now - hit.loadedAt < CACHE_MS) return hit;
    const rows = await this.ds.getRepository(ReferenceCode).find({
      where: { list },
      order: { active: 'DESC', position: 'ASC' },
    });
    const entry: CachedList = {
      loadedAt: now,
      byCode: new Map(rows.map((r) => [r.code, { label: r.label, active: Boolean(r.active), parent: r.parent }])),
    };
    this.cache.set(list, entry);
    return entry;
  }
}
