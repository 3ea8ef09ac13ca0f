import { Injectable } from '@nestjs/common';
import { OfficeScope } from '../offices/office-scope.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { forbidden, notFound, validationFailed, type FieldIssue } from '../common/domain-error.js';
import type { EducationLevel } from '../common/reference/education.js';
import { ReferenceCodes } from '../reference/reference-codes.service.js';
import { PersonalData } from '../common/personal-data.js';
import { sqlInstant } from '../common/sql.js';
import { execute } from '../database/statements.js';
import { affectedRows, Transactions, uniqueViolation } from '../database/transactions.js';
import { toUserView, type UserView } from '../users/user.entity.js';
import { duplicateEmail } from '../users/users.errors.js';
import { UsersService } from '../users/users.service.js';
import type { CreateSeekerDto, RegisterSeekerDto, SeekerProfileFields, UpdateSeekerDto } from './dto/seeker.dto.js';
import { Seeker, toSeekerView, type SeekerView } from './seeker.entity.js';
import { duplicateNik, seekerAlreadyPlaced } from './seekers.errors.js';
import { newSeekerRow } from './seeker-rows.js';
import type { WorkExperience } from './profile.js';

/** A hire's first statement (written out: the query builder cost more than the update). */
const MARK_PLACED = 'UPDATE seekers SET placed_at = ?, updated_at = ? WHERE id = ? AND placed_at IS NULL';

/**
 * The owner of the job seeker: the only writer of `seekers`. Besides registration and the profile, it
 * holds the one state a seeker has of their own — placed in a job (`placedAt`) or actively seeking.
 */
@Injectable()
export class SeekersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly users: UsersService,
    private readonly personal: PersonalData,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly referenceCodes: ReferenceCodes,
    private readonly scope: OfficeScope,
  ) {}

  /** A job seeker registers themself: the seeker and their account are created together. */
  async register(dto: RegisterSeekerDto): Promise<{ user: UserView; seeker: SeekerView }> {
    this.checkBirthDate(dto.birthDate);
    await this.checkCodes(dto.educationLevel, dto);
    return this.tx.run(async (m) => {
      // Refuse a taken email before anything is written; the unique index still decides under races.
      if (await this.users.emailTaken(m, dto.email)) throw duplicateEmail();
      // A seeker registers with the office of their domicile (regencyCode, or the kecamatan's regency).
      const seeker = await this.insert(m, dto, null, await this.scope.officeOfDomicile(dto));
      const user = await this.users.create(m, {
        email: dto.email,
        password: dto.password,
        fullName: dto.fullName,
        role: 'seeker',
        seekerId: seeker.id,
      });
      const actor: AuthUser = { id: user.id, role: 'seeker', email: user.email, employerId: null, seekerId: seeker.id };
      await this.audit.record(m, {
        actor,
        entityType: 'seeker',
        entityId: seeker.id,
        action: 'seeker.registered',
        after: { channel: 'SELF' },
      });
      return { user: toUserView(user), seeker: toSeekerView(seeker, dto.nik) };
    });
  }

  /** An officer registers a walk-in job seeker, who has no account. */
  async createWalkIn(actor: AuthUser, dto: CreateSeekerDto): Promise<SeekerView> {
    this.checkBirthDate(dto.birthDate);
    await this.checkCodes(dto.educationLevel, dto);
    return this.tx.run(async (m) => {
      // A walk-in belongs to the office of the officer who registers them.
      const seeker = await this.insert(m, dto, actor.id, this.scope.officeOfActor(actor));
      await this.audit.record(m, {
        actor,
        entityType: 'seeker',
        entityId: seeker.id,
        action: 'seeker.registered',
        after: { channel: 'WALK_IN' },
      });
      return toSeekerView(seeker, dto.nik);
    });
  }

  async me(actor: AuthUser): Promise<SeekerView> {
    return this.view(await this.load(this.ownSeekerId(actor)));
  }

  /**
   * Officers only (enforced by the route): the full profile, NIK included — of their office or an office
   * below it (another region's seeker answers 404).
   */
  async get(actor: AuthUser, id: string): Promise<SeekerView> {
    const seeker = await this.load(id);
    await this.scope.requireReadable(actor, seeker.officeId, 'The job seeker');
    return this.view(seeker);
  }

  /** The seeker's office (null: unknown seeker), for the owners that scope by it (documents). */
  async officeOf(m: EntityManager, id: string): Promise<string | null | undefined> {
    const row = await m.findOne(Seeker, { where: { id }, select: { id: true, officeId: true } });
    return row ? row.officeId : undefined;
  }

  /** The seeker edits their profile; identity fields are not part of the body. */
  async updateMe(actor: AuthUser, dto: UpdateSeekerDto): Promise<SeekerView> {
    const id = this.ownSeekerId(actor);
    const patch: Partial<Seeker> = { ...profileFields(dto), updatedAt: this.clock.now() };
    if (dto.address !== undefined) patch.address = dto.address.trim();
    if (dto.educationLevel !== undefined) patch.educationLevel = dto.educationLevel;
    if (dto.educationCode !== undefined || dto.educationLevel !== undefined || dto.desiredOccupationCode) {
      const current = await this.load(id);
      const level = dto.educationLevel ?? current.educationLevel;
      // A new level without a new detailed code drops the old code, which belonged to the old level.
      if (dto.educationCode === undefined && level !== current.educationLevel && current.educationCode)
        patch.educationCode = null;
      await this.checkCodes(level, dto);
    }
    const changed = Object.keys(patch).filter((k) => k !== 'updatedAt');
    await this.tx.run(async (m) => {
      const before = await m.findOne(Seeker, {
        where: { id },
        select: { id: true, officeId: true, kecamatanCode: true },
      });
      if (!before) throw notFound('The job seeker');
      const res = await m.update(Seeker, { id }, patch);
      if (!res.affected) throw notFound('The job seeker');
      // Field names only: the values are personal data.
      await this.audit.record(m, {
        actor,
        entityType: 'seeker',
        entityId: id,
        action: 'seeker.updated',
        after: { fields: changed },
      });
      await this.followDomicile(m, actor, before, dto);
    });
    return this.me(actor);
  }

  /**
   * A new domicile (a kecamatan other than the stored one, or a regencyCode) moves the seeker to the
   * office of that place (OfficeScope.officeOfDomicile, the rule of registration), in the caller's
   * transaction, with an audit event. Cards keep their office (an issued card its issuing office and
   * number; a PENDING request the office it was made to, which still decides it). Clearing the kecamatan
   * (null) names no new place: the office stays.
   */
  private async followDomicile(
    m: EntityManager,
    actor: AuthUser,
    before: Pick<Seeker, 'id' | 'officeId' | 'kecamatanCode'>,
    dto: Pick<UpdateSeekerDto, 'kecamatanCode' | 'regencyCode'>,
  ): Promise<void> {
    const move = await this.scope.officeAfterMove(before, dto);
    if (!move) return;
    await m.update(Seeker, { id: before.id }, { officeId: move.to });
    await this.audit.record(m, {
      actor,
      entityType: 'seeker',
      entityId: before.id,
      action: 'seeker.moved',
      before: { officeId: move.from },
      after: { officeId: move.to },
    });
  }

  /**
   * The seeker stops being an active job seeker — once, whatever else races: a conditional update
   * that only the first hire wins (on MySQL its row stays locked to the end of the hire, so hires of one
   * seeker queue here). 404 / 409 SEEKER_ALREADY_PLACED.
   */
  async markPlaced(m: EntityManager, id: string): Promise<void> {
    const now = sqlInstant(this.clock.now());
    if ((await execute(m, MARK_PLACED, [now, now, id])) !== 1) {
      if (!(await m.exists(Seeker, { where: { id } }))) throw notFound('The job seeker');
      throw seekerAlreadyPlaced();
    }
  }

  /**
   * The hire that placed the seeker was voided: they are an active job seeker again (a no-op when a new card
   * already made them one).
   */
  async unmarkPlaced(m: EntityManager, actor: AuthUser, id: string): Promise<void> {
    const res = await m.update(
      Seeker,
      { id, placedAt: Not(IsNull()) },
      { placedAt: null, updatedAt: this.clock.now() },
    );
    if (affectedRows(res) === 1)
      await this.audit.record(m, {
        actor,
        entityType: 'seeker',
        entityId: id,
        action: 'seeker.placement-voided',
        after: { activeJobSeeker: true },
      });
  }

  /** A new card means the person is seeking work again, even if an earlier hire had been recorded. */
  async reactivate(m: EntityManager, actor: AuthUser, id: string): Promise<void> {
    const res = await m.update(
      Seeker,
      { id, placedAt: Not(IsNull()) },
      { placedAt: null, updatedAt: this.clock.now() },
    );
    if (affectedRows(res) === 1) {
      await this.audit.record(m, {
        actor,
        entityType: 'seeker',
        entityId: id,
        action: 'seeker.reactivated',
        after: { activeJobSeeker: true },
      });
    }
  }

  /** A seeker imported with a card that was already PLACED in the earlier system. */
  async markImportedAsPlaced(m: EntityManager, id: string): Promise<void> {
    await m.update(Seeker, { id }, { placedAt: this.clock.now() });
  }

  /** The seeker record inside a transaction, for other features (cards). */
  async findInTx(m: EntityManager, id: string): Promise<Seeker | null> {
    return m.findOne(Seeker, { where: { id } });
  }

  /** Creates a seeker row from identity + profile fields; a known NIK answers 409 DUPLICATE_NIK. */
  async insert(m: EntityManager, dto: CreateSeekerDto, createdBy: string | null, officeId: string): Promise<Seeker> {
    const now = this.clock.now();
    const seeker = newSeekerRow({
      id: randomUUID(),
      nikEncrypted: this.personal.encrypt(dto.nik),
      nikHash: this.personal.lookupHash(dto.nik),
      fullName: collapse(dto.fullName),
      birthPlace: collapse(dto.birthPlace),
      birthDate: dto.birthDate,
      gender: dto.gender,
      address: dto.address.trim(),
      educationLevel: dto.educationLevel,
      ...profileFields(dto),
      createdBy,
      officeId,
      createdAt: now,
    });
    try {
      await m.insert(Seeker, seeker);
    } catch (err) {
      if (uniqueViolation(err) === 'UQ_seekers_nik_hash') throw duplicateNik();
      throw err;
    }
    return seeker;
  }

  /** Finds a seeker by NIK (through its keyed hash) inside a transaction. */
  findByNik(m: EntityManager, nik: string): Promise<Seeker | null> {
    return m.findOne(Seeker, { where: { nikHash: this.personal.lookupHash(nik) } });
  }

  /**
   * The codes the IPK tables group seekers by: a detailed education code must be an active one of the
   * seeker's level (III/2), a desired occupation an active KBJI 2014 unit group (III/3).
   */
  private async checkCodes(level: EducationLevel, dto: SeekerProfileFields): Promise<void> {
    const issues: FieldIssue[] = [];
    if (dto.educationCode) {
      if (!(await this.referenceCodes.isActive('education', dto.educationCode)))
        issues.push({ field: 'educationCode', messages: ['educationCode must be an active education code'] });
      else if ((await this.referenceCodes.parent('education', dto.educationCode)) !== level)
        issues.push({
          field: 'educationCode',
          messages: [`educationCode ${dto.educationCode} is not of the education level ${level}`],
        });
    }
    if (dto.desiredOccupationCode && !(await this.referenceCodes.isActive('kbji', dto.desiredOccupationCode)))
      issues.push({
        field: 'desiredOccupationCode',
        messages: ['desiredOccupationCode must be an active 4-digit KBJI 2014 code'],
      });
    if (issues.length > 0) throw validationFailed(issues);
  }

  /** A birth date in the future is refused with the other field errors' shape. */
  checkBirthDate(birthDate: string): void {
    if (birthDate >= this.clock.today()) {
      throw validationFailed([{ field: 'birthDate', messages: ['birthDate must be in the past'] }]);
    }
  }

  private ownSeekerId(actor: AuthUser): string {
    if (actor.role !== 'seeker' || !actor.seekerId) throw forbidden();
    return actor.seekerId;
  }

  private async load(id: string): Promise<Seeker> {
    const s = await this.ds.getRepository(Seeker).findOne({ where: { id } });
    if (!s) throw notFound('The job seeker');
    return s;
  }

  private view(s: Seeker): SeekerView {
    return toSeekerView(s, this.personal.decrypt(s.nikEncrypted));
  }
}

function collapse(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

/** The optional profile fields present in a body, cleaned; `null` clears a field. */
function profileFields(dto: SeekerProfileFields): Partial<Seeker> {
  const out: Partial<Seeker> = {};
  if (dto.maritalStatus !== undefined) out.maritalStatus = dto.maritalStatus ?? null;
  if (dto.phone !== undefined) out.phone = dto.phone?.trim() ?? null;
  if (dto.kecamatanCode !== undefined) out.kecamatanCode = dto.kecamatanCode ?? null;
  if (dto.major !== undefined) out.major = dto.major?.trim() || null;
  if (dto.educationCode !== undefined) out.educationCode = dto.educationCode ?? null;
  if (dto.desiredOccupationCode !== undefined) out.desiredOccupationCode = dto.desiredOccupationCode ?? null;
  if (dto.graduationYear !== undefined) out.graduationYear = dto.graduationYear ?? null;
  if (dto.skills !== undefined) out.skills = uniqueSkills(dto.skills ?? []);
  if (dto.experience !== undefined) {
    out.experience = (dto.experience ?? []).map((e): WorkExperience => ({
      position: collapse(e.position),
      company: collapse(e.company),
      fromYear: e.fromYear,
      ...(e.toYear === undefined ? {} : { toYear: e.toYear }),
    }));
  }
  return out;
}

/** Trimmed skills, duplicates (ignoring case) dropped, order kept. */
function uniqueSkills(skills: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of skills) {
    const s = collapse(raw);
    const k = s.toLowerCase();
    if (s && !seen.has(k)) {
      seen.add(k);
      out.push(s);
    }
  }
  return out;
}
