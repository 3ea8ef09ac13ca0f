import { createHash } from 'node:crypto';
import { IsNull, MoreThan } from 'typeorm';
import type { Transactions } from '../database/transactions.js';
import type { DocumentStorage } from './document-storage.js';
import { SeekerDocument } from './seeker-document.entity.js';

/** What a move did (printed by `npm run documents:move`). */
export interface MoveCounts {
  /** Copied to the target, verified, removed from the source. */
  moved: number;
  /** Already in the target with the right bytes (a move interrupted earlier): the source copy was removed. */
  alreadyMoved: number;
  /** In neither driver with the right bytes: left as they are, named in `problems`. */
  missing: number;
  /** Copied but the copy did not verify: the source was kept, named in `problems`. */
  failed: number;
  /** Document ids and what went wrong, for the operator. */
  problems: string[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Whether `bytes` are the document's stored bytes: the length and the sha256 its row recorded. */
const matches = (doc: Pick<SeekerDocument, 'size' | 'sha256'>, bytes: Buffer | null): bytes is Buffer =>
  !!bytes && bytes.length === doc.size && sha256(bytes) === doc.sha256;

/**
 * Moves the bytes of every document from one storage driver to the other (docs/documents.md, "Changing the
 * storage driver"). Per document: copy to the target and commit, read the copy back and check its length and
 * sha256 against the row, then remove the source — so at every instant at least one verified copy exists.
 * Resumable: a document already in the target with the right bytes only has its source removed. Documents
 * whose file was purged (REJECTED, `purgedAt`) have no bytes and are skipped. Run with the service stopped.
 */
export async function moveDocuments(
  tx: Transactions,
  from: DocumentStorage,
  to: DocumentStorage,
  progress: (done: number) => void = () => undefined,
): Promise<MoveCounts> {
  const counts: MoveCounts = { moved: 0, alreadyMoved: 0, missing: 0, failed: 0, problems: [] };
  let after = '';
  for (;;) {
    const page = await tx.run((m) =>
      m.find(SeekerDocument, {
        select: { id: true, storageKey: true, size: true, sha256: true },
        where: { id: MoreThan(after), purgedAt: IsNull() },
        order: { id: 'ASC' },
        take: 200,
      }),
    );
    if (page.length === 0) return counts;
    for (const doc of page) {
      await moveOne(tx, doc, from, to, counts);
      progress(counts.moved + counts.alreadyMoved + counts.missing + counts.failed);
    }
    after = page[page.length - 1].id;
  }
}

async function moveOne(
  tx: Transactions,
  doc: SeekerDocument,
  from: DocumentStorage,
  to: DocumentStorage,
  counts: MoveCounts,
): Promise<void> {
  const key = doc.storageKey;
  const [source, target] = await tx.run(async (m) => [await from.get(m, key), await to.get(m, key)]);
  if (matches(doc, target)) {
    // Copied by an earlier run: only the source is left to remove.
    if (source) await tx.run((m) => from.remove(m, key));
    counts.alreadyMoved++;
    return;
  }
  if (!matches(doc, source)) {
    counts.missing++;
    counts.problems.push(
      `${doc.id}: ${source ? 'the stored bytes do not match their checksum' : 'no file in either driver'}`,
    );
    return;
  }
  // 1. The copy, committed on its own (a bad copy from an earlier run is replaced).
  await tx.run(async (m) => {
    if (target) await to.remove(m, key);
    await to.put(m, key, source);
  });
  // 2. Read back and verified before the source goes.
  const copy = await tx.run((m) => to.get(m, key));
  if (!matches(doc, copy)) {
    counts.failed++;
    counts.problems.push(`${doc.id}: the copy did not verify; the original was kept`);
    return;
  }
  await tx.run((m) => from.remove(m, key));
  counts.moved++;
}
