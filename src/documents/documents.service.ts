import { Inject, Injectable } from '@nestjs/common';
import { OfficeScope } from '../offices/office-scope.js';
import { OfficeSettings } from '../offices/office-settings.service.js';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { In, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { forbidden, invalidTransition, notFound } from '../common/domain-error.js';
import { APP_CONFIG, type AppConfig, type DocumentType } from '../config/config.js';
import { affectedRows, Transactions, uniqueViolation } from '../database/transactions.js';
import { Notifier } from '../notifications/notifier.js';
import { SeekersService } from '../seekers/seekers.service.js';
import { UsersService } from '../users/users.service.js';
import { DocumentStorage } from './document-storage.js';
import { normalizeDocument } from './document-files.js';
import { documentPurged, documentsIncomplete, type MissingRequirement } from './documents.errors.js';
import { SeekerDocument, type DocumentContentType } from './seeker-document.entity.js';

export interface DocumentView {
  id: string;
  type: DocumentType;
  contentType: DocumentContentType;
  size: number;
  status: SeekerDocument['status'];
  rejectReason?: string;
  uploadedAt: string;
  decidedAt?: string;
  /** When the daily job deleted the file of this REJECTED document (REJECTED_DOCUMENT_RETENTION_DAYS). */
  purgedAt?: string;
}

export interface ChecklistItem {
  requirement: string;
  satisfied: boolean;
  documentId?: string;
}

export interface DocumentsView {
  items: DocumentView[];
  checklist: ChecklistItem[];
  /** REJECTED_DOCUMENT_RETENTION_DAYS: how long a rejected document's file waits for its replacement. */
  rejectedRetentionDays: number;
}

export interface DocumentFile {
  contentType: DocumentContentType;
  type: DocumentType;
  bytes: Buffer;
}

const toView = (d: SeekerDocument): DocumentView => ({
  id: d.id,
  type: d.type,
  contentType: d.contentType,
  size: d.size,
  status: d.status,
  ...(d.rejectReason ? { rejectReason: d.rejectReason } : {}),
  uploadedAt: d.uploadedAt.toISOString(),
  ...(d.decidedAt ? { decidedAt: d.decidedAt.toISOString() } : {}),
  ...(d.purgedAt ? { purgedAt: d.purgedAt.toISOString() } : {}),
});

/**
 * The owner of `seeker_documents` (docs/documents.md): uploads (a new one of a type replaces the older),
 * the checklist from REQUIRED_DOCUMENTS, an officer's verify and reject, and the check a card's approval
 * or walk-in issue makes (`requireComplete`), which verifies the documents it relied on.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly tx: Transactions,
    private readonly storage: DocumentStorage,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notifier: Notifier,
    private readonly users: UsersService,
    private readonly seekers: SeekersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly officeSettings: OfficeSettings,
    private readonly scope: OfficeScope,
  ) {}

  /**
   * The seeker, for an officer within reach: reading needs the seeker's office or one above it, acting
   * (upload, verify, reject) the seeker's own office (docs/offices.md). 404 for an unknown seeker.
   */
  private async seekerInScope(m: EntityManager, actor: AuthUser, seekerId: string, act: boolean): Promise<void> {
    const seeker = await this.seekers.findInTx(m, seekerId);
    if (!seeker) throw notFound('The job seeker');
    if (act) await this.scope.requireActable(actor, seeker.officeId, 'The job seeker');
    else await this.scope.requireReadable(actor, seeker.officeId, 'The job seeker');
  }

  /** The seeker whose documents `actor` names: their own (a seeker), any (an officer). */
  private seekerOf(actor: AuthUser, seekerId: string | 'me'): string {
    if (seekerId === 'me') {
      if (actor.role !== 'seeker' || !actor.seekerId) throw forbidden();
      return actor.seekerId;
    }
    if (actor.role !== 'officer') throw forbidden();
    return seekerId;
  }

  async upload(actor: AuthUser, who: string | 'me', type: DocumentType, sent: Buffer): Promise<DocumentView> {
    const seekerId = this.seekerOf(actor, who);
    const { contentType, bytes } = await normalizeDocument(sent);
    const doc: SeekerDocument = {
      id: randomUUID(),
      seekerId,
      type,
      contentType,
      size: bytes.length,
      status: 'SUBMITTED',
      rejectReason: null,
      storageKey: randomBytes(24).toString('hex'),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedBy: actor.id,
      uploadedAt: this.clock.now(),
      decidedBy: null,
      decidedAt: null,
      purgedAt: null,
    };
    const replaced = await this.replaceWith(actor, doc, bytes).catch(async (err: unknown) => {
      // Two uploads of one type at once: the later insert met the earlier's row; it replaces that one.
      if (uniqueViolation(err) !== 'UQ_seeker_documents_seeker_id_type') throw err;
      return this.replaceWith(actor, doc, bytes);
    });
    // The older file goes once the new one is committed (a failed upload keeps the older).
    if (replaced.length > 0) await this.tx.run((m) => this.removeFiles(m, replaced));
    return toView(doc);
  }

  private replaceWith(actor: AuthUser, doc: SeekerDocument, bytes: Buffer): Promise<string[]> {
    return this.tx.run(async (m) => {
      await this.seekerInScope(m, actor, doc.seekerId, true);
      const older = await m.find(SeekerDocument, { where: { seekerId: doc.seekerId, type: doc.type } });
      if (older.length > 0) await m.delete(SeekerDocument, { id: In(older.map((o) => o.id)) });
      await this.storage.put(m, doc.storageKey, bytes);
      await m.insert(SeekerDocument, doc);
      await this.audit.record(m, {
        actor,
        entityType: 'seeker',
        entityId: doc.seekerId,
        action: 'document.uploaded',
        after: { documentId: doc.id, type: doc.type, contentType: doc.contentType, size: doc.size },
      });
      return older.map((o) => o.storageKey);
    });
  }

  private async removeFiles(m: EntityManager, keys: string[]): Promise<void> {
    for (const key of keys) await this.storage.remove(m, key);
  }

  async list(actor: AuthUser, who: string | 'me'): Promise<DocumentsView> {
    const seekerId = this.seekerOf(actor, who);
    return this.tx.run(async (m) => {
      await this.seekerInScope(m, actor, seekerId, false);
      return this.documentsOf(m, seekerId);
    });
  }

  /** The documents and checklist of a seeker (also read by the console). */
  async documentsOf(m: EntityManager, seekerId: string): Promise<DocumentsView> {
    const docs = await m.find(SeekerDocument, { where: { seekerId }, order: { uploadedAt: 'ASC' } });
    return {
      items: docs.map(toView),
      checklist: this.checklist(docs, await this.requiredFor(m, seekerId)),
      rejectedRetentionDays: this.config.documents.rejectedRetentionDays,
    };
  }

  /** The checklist of the seeker's office (its own REQUIRED_DOCUMENTS setting, else the deployment's). */
  private async requiredFor(m: EntityManager, seekerId: string): Promise<DocumentType[][]> {
    const seeker = await this.seekers.findInTx(m, seekerId);
    return this.officeSettings.requiredDocuments(seeker?.officeId ?? null);
  }

  private checklist(docs: SeekerDocument[], required: DocumentType[][]): ChecklistItem[] {
    return required.map((types) => {
      const doc =
        docs.find((d) => types.includes(d.type) && d.status === 'VERIFIED') ??
        docs.find((d) => types.includes(d.type) && d.status === 'SUBMITTED');
      return { requirement: types.join('|'), satisfied: !!doc, ...(doc ? { documentId: doc.id } : {}) };
    });
  }

  /** The bytes of a document, for its seeker or an officer; anyone else is told it does not exist. */
  async file(actor: AuthUser, id: string): Promise<DocumentFile> {
    return this.tx.run(async (m) => {
      const doc = await m.findOne(SeekerDocument, { where: { id } });
      const allowed = doc && (actor.role === 'officer' || (actor.role === 'seeker' && actor.seekerId === doc.seekerId));
      if (!doc || !allowed) throw notFound('The document');
      const holder = await this.seekers.findInTx(m, doc.seekerId);
      await this.scope.requireReadable(actor, holder?.officeId ?? null, 'The document');
      if (doc.purgedAt) throw documentPurged(this.config.documents.rejectedRetentionDays);
      const bytes = await this.storage.get(m, doc.storageKey);
      if (!bytes) throw notFound('The document');
      return { contentType: doc.contentType, type: doc.type, bytes };
    });
  }

  verify(actor: AuthUser, id: string): Promise<DocumentView> {
    return this.decide(actor, id, 'VERIFIED', null);
  }

  reject(actor: AuthUser, id: string, reason: string): Promise<DocumentView> {
    return this.decide(actor, id, 'REJECTED', reason.trim());
  }

  /** SUBMITTED → VERIFIED or REJECTED; a VERIFIED one may still be rejected, a REJECTED one waits for a new upload. */
  private decide(actor: AuthUser, id: string, to: 'VERIFIED' | 'REJECTED', reason: string | null) {
    return this.tx.run(async (m) => {
      const before = await m.findOne(SeekerDocument, { where: { id } });
      if (!before) throw notFound('The document');
      const holder = await this.seekers.findInTx(m, before.seekerId);
      await this.scope.requireActable(actor, holder?.officeId ?? null, 'The document');
      const from = to === 'VERIFIED' ? ['SUBMITTED'] : ['SUBMITTED', 'VERIFIED'];
      const now = this.clock.now();
      const res = await m.update(
        SeekerDocument,
        { id, status: In(from) },
        { status: to, rejectReason: reason, decidedBy: actor.id, decidedAt: now },
      );
      if (affectedRows(res) !== 1)
        throw invalidTransition(`A document that is ${before.status} cannot be ${to.toLowerCase()}.`);
      await this.audit.record(m, {
        actor,
        entityType: 'seeker',
        entityId: before.seekerId,
        action: to === 'VERIFIED' ? 'document.verified' : 'document.rejected',
        before: { documentId: id, status: before.status },
        after: { status: to, ...(reason ? { reason } : {}) },
      });
      if (to === 'REJECTED') {
        const userIds = await this.users.seekerLogins(m, [before.seekerId]);
        if (userIds.length > 0)
          await this.notifier.notify(m, {
            kind: 'DOCUMENT_REJECTED',
            userIds,
            subject: `document:${id}`,
            params: { documentType: before.type, reason: reason! },
          });
      }
      return toView({ ...before, status: to, rejectReason: reason, decidedBy: actor.id, decidedAt: now });
    });
  }

  /**
   * Daily (docs/documents.md, "Retention"): the file of a REJECTED document that was not replaced within
   * REJECTED_DOCUMENT_RETENTION_DAYS of its rejection is deleted; the row stays, marked `purgedAt`, so the
   * checklist still says what was rejected and why. One document per transaction, claimed by a conditional
   * update: safe to run twice, or on two instances at once.
   */
  async purgeRejected(now: Date): Promise<Record<string, number>> {
    const before = new Date(now.getTime() - this.config.documents.rejectedRetentionDays * 86_400_000);
    let purged = 0;
    for (;;) {
      const due = await this.tx.run((m) =>
        m.find(SeekerDocument, {
          select: { id: true },
          where: { status: 'REJECTED', purgedAt: IsNull(), decidedAt: LessThanOrEqual(before) },
          order: { decidedAt: 'ASC' },
          take: 100,
        }),
      );
      if (due.length === 0) return { purged };
      for (const { id } of due) {
        const done = await this.tx.run(async (m) => {
          const doc = await m.findOne(SeekerDocument, { where: { id } });
          if (!doc) return false;
          const res = await m.update(
            SeekerDocument,
            { id, status: 'REJECTED', purgedAt: IsNull(), decidedAt: LessThanOrEqual(before) },
            { purgedAt: now },
          );
          if (affectedRows(res) !== 1) return false;
          await this.audit.record(m, {
            actor: null,
            entityType: 'seeker',
            entityId: doc.seekerId,
            action: 'document.purged',
            before: { documentId: id, type: doc.type, status: doc.status },
            after: { purged: true },
          });
          // Last: a filesystem delete cannot be rolled back, so nothing that could fail comes after it.
          await this.storage.remove(m, doc.storageKey);
          return true;
        });
        if (done) purged++;
      }
      if (due.length < 100) return { purged };
    }
  }

  /**
   * In a card's approval or walk-in issue: refuses (422 DOCUMENTS_INCOMPLETE, naming what is missing) when a
   * requirement has no SUBMITTED or VERIFIED document, else verifies the SUBMITTED ones it relied on.
   */
  async requireComplete(m: EntityManager, actor: AuthUser, seekerId: string): Promise<void> {
    const required = await this.requiredFor(m, seekerId);
    if (required.length === 0) return;
    const docs = await m.find(SeekerDocument, { where: { seekerId } });
    const checklist = this.checklist(docs, required);
    const missing: MissingRequirement[] = checklist
      .filter((c) => !c.satisfied)
      .map((c) => ({ requirement: c.requirement }));
    if (missing.length > 0) throw documentsIncomplete(missing);
    const relied = docs.filter((d) => d.status === 'SUBMITTED' && checklist.some((c) => c.documentId === d.id));
    if (relied.length === 0) return;
    await m.update(
      SeekerDocument,
      { id: In(relied.map((d) => d.id)), status: 'SUBMITTED' },
      { status: 'VERIFIED', decidedBy: actor.id, decidedAt: this.clock.now() },
    );
  }
}
