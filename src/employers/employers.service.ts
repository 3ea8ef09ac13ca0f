import { Injectable } from '@nestjs/common';
import { OfficeScope } from '../offices/office-scope.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { forbidden, invalidTransition, notFound, validationFailed } from '../common/domain-error.js';
import { ReferenceCodes } from '../reference/reference-codes.service.js';
import { pageWindow, type Page } from '../common/http/pagination.js';
import { containsPattern, LIKE_ESCAPE, queryWords } from '../common/sql.js';
import { affectedRows, Transactions, uniqueViolation } from '../database/transactions.js';
import { toUserView, User, type UserView } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { duplicateEmail } from '../users/users.errors.js';
import type { CreateStaffDto } from '../auth/dto/auth.dto.js';
import type { EmployerListQuery, RegisterEmployerDto, UpdateEmployerDto } from './dto/employer.dto.js';
import { Employer, toEmployerView, type EmployerStatus, type EmployerView } from './employer.entity.js';
import { duplicateEmployer } from './employers.errors.js';
import { DEFAULT_EMPLOYER_KIND, newEmployerRow } from './employer-rows.js';
import { Notifier } from '../notifications/notifier.js';
import type { NotificationKind } from '../notifications/notification-kinds.js';
import { SearchableVacancies } from '../search/searchable-vacancies.js';
import type { StaffMemberReply } from './dto/employer.reply.js';

/** The message the company's staff get when the office moves it into a status. */
const STATUS_MESSAGES: Partial<Record<EmployerStatus, NotificationKind>> = {
  VERIFIED: 'EMPLOYER_VERIFIED',
  REJECTED: 'EMPLOYER_REJECTED',
  SUSPENDED: 'EMPLOYER_SUSPENDED',
};

/** One HR account of a company, as its colleagues see it. */
export type StaffMember = StaffMemberReply;

/**
 * The owner of the employer: the only writer of `employers`, with its verification life cycle
 * (employer-lifecycle.ts) and its staff accounts.
 */
@Injectable()
export class EmployersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly search: SearchableVacancies,
    private readonly notifier: Notifier,
    private readonly referenceCodes: ReferenceCodes,
    private readonly scope: OfficeScope,
  ) {}

  /** A company registers with its first HR user; it waits, PENDING, for the office to verify it. */
  async register(dto: RegisterEmployerDto): Promise<{ user: UserView; employer: EmployerView }> {
    if (dto.company.kind) await this.checkKind(dto.company.kind, 'company.kind');
    // A company registers with the office of its address (regencyCode, or the kecamatan's regency).
    const officeId = await this.scope.officeOfDomicile({
      regencyCode: dto.company.regencyCode ?? dto.regencyCode,
      kecamatanCode: dto.company.kecamatanCode,
    });
    return this.tx.run(async (m) => {
      // Refuse a taken email before anything is written; the unique index still decides under races.
      if (await this.users.emailTaken(m, dto.email)) throw duplicateEmail();
      const now = this.clock.now();
      const c = dto.company;
      const employer = newEmployerRow({
        id: randomUUID(),
        legalName: c.legalName.trim(),
        nib: c.nib,
        npwp: c.npwp,
        kbli: c.kbli,
        kind: c.kind ?? DEFAULT_EMPLOYER_KIND,
        address: c.address.trim(),
        kecamatanCode: c.kecamatanCode,
        phone: c.phone.trim(),
        status: 'PENDING',
        officeId,
        createdAt: now,
      });
      try {
        await m.insert(Employer, employer);
      } catch (err) {
        if (uniqueViolation(err) === 'UQ_employers_nib') throw duplicateEmployer();
        throw err;
      }
      const user = await this.users.create(m, {
        email: dto.email,
        password: dto.password,
        fullName: dto.fullName,
        role: 'employer',
        employerId: employer.id,
      });
      await this.audit.record(m, {
        actor: { id: user.id, role: 'employer', email: user.email, employerId: employer.id, seekerId: null },
        entityType: 'employer',
        entityId: employer.id,
        action: 'employer.registered',
        after: { status: 'PENDING' },
      });
      return { user: toUserView(user), employer: toEmployerView(employer) };
    });
  }

  async list(actor: AuthUser, q: EmployerListQuery): Promise<Page<EmployerView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.ds.getRepository(Employer).createQueryBuilder('e');
    await this.scope.restrict(qb, 'e.office_id', actor);
    if (q.status) qb.andWhere('e.status = :status', { status: q.status });
    for (const [i, word] of queryWords(q.q).entries()) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where(`LOWER(e.legal_name) LIKE :w${i} ${LIKE_ESCAPE}`, { [`w${i}`]: containsPattern(word) })
            .orWhere(`e.nib LIKE :w${i} ${LIKE_ESCAPE}`),
        ),
      );
    }
    qb.orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'ASC').skip(skip).take(pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toEmployerView), page, pageSize, total };
  }

  /** Officers see the employers of their office and those below it; staff only their own (else 404). */
  async get(actor: AuthUser, id: string): Promise<EmployerView> {
    if (actor.role === 'seeker') throw forbidden();
    if (actor.role === 'employer' && actor.employerId !== id) throw notFound('The employer');
    const e = await this.ds.getRepository(Employer).findOne({ where: { id } });
    if (!e) throw notFound('The employer');
    await this.scope.requireReadable(actor, e.officeId, 'The employer');
    return toEmployerView(e);
  }

  /**
   * The kind of employer (IPK III/8) and its address: an officer of its office, or the employer's own
   * staff, changes them. A new place (a kecamatan other than the stored one, or a regencyCode) moves the
   * company to the office of that place (OfficeScope.officeOfDomicile, the rule of registration) in the
   * same transaction, with an audit event; its vacancies keep theirs (they follow their work place).
   */
  async update(actor: AuthUser, id: string, dto: UpdateEmployerDto): Promise<EmployerView> {
    if (actor.role === 'seeker') throw forbidden();
    if (actor.role === 'employer' && actor.employerId !== id) throw notFound('The employer');
    if (dto.kind === undefined && dto.address === undefined && dto.kecamatanCode === undefined && !dto.regencyCode)
      throw validationFailed([
        { field: 'kind', messages: ['give at least one of kind, address, kecamatanCode, regencyCode'] },
      ]);
    if (dto.kind !== undefined) await this.checkKind(dto.kind, 'kind');
    return this.tx.run(async (m) => {
      const before = await m.findOne(Employer, { where: { id } });
      if (!before) throw notFound('The employer');
      await this.scope.requireActable(actor, before.officeId, 'The employer');
      const patch: Partial<Employer> = {};
      if (dto.kind !== undefined && dto.kind !== before.kind) patch.kind = dto.kind;
      if (dto.address !== undefined && dto.address.trim() !== before.address) patch.address = dto.address.trim();
      if (dto.kecamatanCode !== undefined && dto.kecamatanCode !== before.kecamatanCode)
        patch.kecamatanCode = dto.kecamatanCode;
      const move = await this.scope.officeAfterMove(before, dto);
      if (move) patch.officeId = move.to;
      const after = { ...before, ...patch };
      if (Object.keys(patch).length === 0) return toEmployerView(after);
      await m.update(Employer, { id }, { ...patch, updatedAt: this.clock.now() });
      const fields = Object.keys(patch).filter((k) => k !== 'officeId');
      if (fields.length > 0)
        await this.audit.record(m, {
          actor,
          entityType: 'employer',
          entityId: id,
          action: 'employer.updated',
          // The kind is a code; the address is the company's, shown here by field name only.
          before: patch.kind !== undefined ? { kind: before.kind } : null,
          after: { ...(patch.kind !== undefined ? { kind: patch.kind } : {}), fields },
        });
      if (move)
        await this.audit.record(m, {
          actor,
          entityType: 'employer',
          entityId: id,
          action: 'employer.moved',
          before: { officeId: move.from },
          after: { officeId: move.to },
        });
      return toEmployerView(after);
    });
  }

  private async checkKind(kind: string, field: string): Promise<void> {
    if (!(await this.referenceCodes.isActive('employer-kinds', kind)))
      throw validationFailed([
        { field, messages: [`${field} must be an active employer kind (GET /reference/employer-kinds)`] },
      ]);
  }

  verify(actor: AuthUser, id: string) {
    const now = this.clock.now();
    return this.transition(actor, id, ['PENDING'], 'VERIFIED', 'employer.verified', {
      verifiedAt: now,
      verifiedBy: actor.id,
      statusReason: null,
    });
  }

  reject(actor: AuthUser, id: string, reason: string) {
    return this.transition(actor, id, ['PENDING'], 'REJECTED', 'employer.rejected', { statusReason: reason.trim() });
  }

  suspend(actor: AuthUser, id: string, reason: string) {
    return this.transition(actor, id, ['VERIFIED'], 'SUSPENDED', 'employer.suspended', { statusReason: reason.trim() });
  }

  reinstate(actor: AuthUser, id: string) {
    return this.transition(actor, id, ['SUSPENDED'], 'VERIFIED', 'employer.reinstated', { statusReason: null });
  }

  /** Another HR user for the caller's own company. */
  async addStaff(actor: AuthUser, dto: CreateStaffDto): Promise<UserView> {
    if (!actor.employerId) throw forbidden();
    const employerId = actor.employerId;
    const user = await this.tx.run(async (m) => {
      const u = await this.users.create(m, {
        email: dto.email,
        password: dto.password,
        fullName: dto.fullName,
        role: 'employer',
        employerId,
      });
      await this.audit.record(m, {
        actor,
        entityType: 'user',
        entityId: u.id,
        action: 'employer.staff_added',
        after: { employerId, role: 'employer' },
      });
      return u;
    });
    return toUserView(user);
  }

  /** The HR accounts of the caller's own company (never another's), by name. */
  async listStaff(actor: AuthUser): Promise<StaffMember[]> {
    if (actor.role !== 'employer' || !actor.employerId) throw forbidden();
    const staff = await this.ds.getRepository(User).find({
      where: { employerId: actor.employerId, role: 'employer' },
      select: { id: true, email: true, fullName: true },
      order: { fullName: 'ASC', id: 'ASC' },
    });
    return staff.map(({ id, email, fullName }) => ({ id, email, fullName }));
  }

  /**
   * The company's staff hear of the office's decision. The subject carries the instant of the change, so
   * each decision is told once and a second suspension (after a reinstatement) is told again. A
   * reinstatement is told as EMPLOYER_VERIFIED: the company is verified again (there is no kind of its own).
   */
  private async tellStaff(m: EntityManager, employer: Employer, at: Date): Promise<void> {
    const kind = STATUS_MESSAGES[employer.status];
    if (!kind) return;
    const subject = `employer:${employer.id}:${at.toISOString()}`;
    const { legalName } = employer;
    const reason = employer.statusReason ?? '';
    if (kind === 'EMPLOYER_VERIFIED')
      await this.notifier.notifyStaff(m, [employer.id], { kind, subject, params: { legalName } });
    else await this.notifier.notifyStaff(m, [employer.id], { kind, subject, params: { legalName, reason } });
  }

  /**
   * Moves an employer from one of `from` to `to` with a conditional update, so two officers acting
   * at once cannot both succeed; a refused move says why (unknown id, or the state it is in).
   */
  private async transition(
    actor: AuthUser,
    id: string,
    from: EmployerStatus[],
    to: EmployerStatus,
    action: string,
    patch: Partial<Employer>,
  ): Promise<EmployerView> {
    return this.tx.run(async (m) => {
      const before = await m.findOne(Employer, { where: { id } });
      if (!before) throw notFound('The employer');
      await this.scope.requireActable(actor, before.officeId, 'The employer');
      const at = this.clock.now();
      const res = await m.update(Employer, { id, status: In(from) }, { ...patch, status: to, updatedAt: at });
      if (affectedRows(res) !== 1) {
        throw invalidTransition(
          `An employer that is ${before.status} cannot become ${to} (allowed only from ${from.join(' or ')}).`,
        );
      }
      // A suspended employer's vacancies leave the search index; a reinstated one's come back.
      await this.search.employerChanged(m, id);
      await this.audit.record(m, {
        actor,
        entityType: 'employer',
        entityId: id,
        action,
        before: { status: before.status },
        after: { status: to, ...(patch.statusReason ? { reason: patch.statusReason } : {}) },
      });
      const after = await m.findOneOrFail(Employer, { where: { id } });
      await this.tellStaff(m, after, at);
      return toEmployerView(after);
    });
  }
}
