import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type ObjectLiteral, type EntityTarget } from 'typeorm';
import { Application } from '../applications/application.entity.js';
import type { AuditEventView } from '../audit/audit-query.service.js';
import { Card } from '../cards/card.entity.js';
import { Employer } from '../employers/employer.entity.js';
import { Placement } from '../placements/placement.entity.js';
import { Seeker } from '../seekers/seeker.entity.js';
import { User } from '../users/user.entity.js';
import { Vacancy } from '../vacancies/vacancy.entity.js';

/** Who and what an audit event is about, by name: what a sentence of the log needs. */
export interface AuditSubjects {
  /** The person who acted (null: the system). */
  actor: string | null;
  /** The account an account event is about. */
  user: string | null;
  employer: string | null;
  seeker: string | null;
  vacancy: string | null;
  card: string | null;
}

type Rows<T> = Map<string, T>;

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/**
 * The names behind a page of audit events — people, companies, vacancy titles, card numbers — so the
 * log reads as sentences instead of ids. Read only, a few queries per page (an IN list per table, in
 * three rounds: the events' own objects, then what they point to, then the companies), never one per
 * row. Names only: the log never shows an NIK.
 */
@Injectable()
export class AuditNames {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async of(events: readonly AuditEventView[]): Promise<AuditSubjects[]> {
    const ids = (type: string) => events.filter((e) => e.entityType === type).map((e) => e.entityId);
    const afterIds = (key: string) =>
      events.map((e) => str(e.after?.[key]) ?? str(e.before?.[key])).filter((x): x is string => !!x);

    // 1. The events' own objects that point elsewhere.
    const [applications, cards, placements] = await Promise.all([
      this.load(Application, ids('application')),
      this.load(Card, ids('card')),
      this.load(Placement, ids('placement')),
    ]);
    // 2. Vacancies, seekers and accounts.
    const vacancyIds = [
      ...ids('vacancy'),
      ...afterIds('vacancyId'),
      ...[...applications.values()].map((a) => a.vacancyId),
    ];
    const seekerIds = [
      ...ids('seeker'),
      ...afterIds('seekerId'),
      ...[...applications.values()].map((a) => a.seekerId),
      ...[...cards.values()].map((c) => c.seekerId),
      ...[...placements.values()].map((p) => p.seekerId),
    ];
    const userIds = [...ids('user'), ...events.map((e) => e.actorId).filter((x): x is string => !!x)];
    const [vacancies, seekers, users] = await Promise.all([
      this.load(Vacancy, vacancyIds),
      this.load(Seeker, seekerIds),
      this.load(User, userIds),
    ]);
    // 3. Companies.
    const employerIds = [
      ...ids('employer'),
      ...afterIds('employerId'),
      ...[...vacancies.values()].map((v) => v.employerId),
      ...[...placements.values()].map((p) => p.employerId ?? ''),
    ];
    const employers = await this.load(Employer, employerIds);

    return events.map((e) => {
      const application = e.entityType === 'application' ? applications.get(e.entityId) : undefined;
      const card = e.entityType === 'card' ? cards.get(e.entityId) : undefined;
      const placement = e.entityType === 'placement' ? placements.get(e.entityId) : undefined;
      const vacancyId =
        (e.entityType === 'vacancy' ? e.entityId : null) ??
        str(e.after?.vacancyId) ??
        application?.vacancyId ??
        placement?.vacancyId ??
        null;
      const vacancy = vacancyId ? vacancies.get(vacancyId) : undefined;
      const seekerId =
        (e.entityType === 'seeker' ? e.entityId : null) ??
        str(e.after?.seekerId) ??
        application?.seekerId ??
        card?.seekerId ??
        placement?.seekerId ??
        null;
      const employerId =
        (e.entityType === 'employer' ? e.entityId : null) ??
        str(e.after?.employerId) ??
        placement?.employerId ??
        vacancy?.employerId ??
        null;
      return {
        actor: e.actorId ? (users.get(e.actorId)?.fullName ?? null) : null,
        user: e.entityType === 'user' ? (users.get(e.entityId)?.fullName ?? null) : null,
        employer: employerId ? (employers.get(employerId)?.legalName ?? null) : null,
        seeker: seekerId ? (seekers.get(seekerId)?.fullName ?? null) : null,
        vacancy: vacancy?.title ?? null,
        card: card?.cardNumberDisplay ?? str(e.after?.cardNumber),
      };
    });
  }

  private async load<T extends ObjectLiteral & { id: string }>(
    target: EntityTarget<T>,
    ids: string[],
  ): Promise<Rows<T>> {
    const unique = [...new Set(ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
    if (unique.length === 0) return new Map();
    const rows = await this.ds.getRepository(target).find({ where: { id: In(unique) } as never });
    return new Map(rows.map((r) => [r.id, r]));
  }
}
