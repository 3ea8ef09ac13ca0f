import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { execute, select } from '../database/statements.js';

/**
 * Where the bytes of seeker documents live (STORAGE_DRIVER, docs/documents.md). Keys are random
 * (document-files.ts); `put` and `remove` run inside the use case's transaction: the database driver
 * writes with it, the filesystem driver writes the file first (a rolled-back upload leaves an orphan
 * file no row names, never a row without its file).
 */
export abstract class DocumentStorage {
  abstract put(m: EntityManager, key: string, bytes: Buffer): Promise<void>;
  abstract get(m: EntityManager, key: string): Promise<Buffer | null>;
  abstract remove(m: EntityManager, key: string): Promise<void>;
}

/** Bytes in the `document_blobs` table (default: the embedded install stays one database file). */
export class DatabaseDocumentStorage extends DocumentStorage {
  async put(m: EntityManager, key: string, bytes: Buffer): Promise<void> {
    await execute(m, 'INSERT INTO document_blobs (storage_key, content) VALUES (?, ?)', [key, bytes]);
  }

  async get(m: EntityManager, key: string): Promise<Buffer | null> {
    const rows = await select<{ content: Buffer | Uint8Array }>(
      m,
      'SELECT content FROM document_blobs WHERE storage_key = ?',
      [key],
    );
    return rows.length === 0 ? null : Buffer.from(rows[0].content);
  }

  async remove(m: EntityManager, key: string): Promise<void> {
    await execute(m, 'DELETE FROM document_blobs WHERE storage_key = ?', [key]);
  }
}

/** Bytes as files under STORAGE_PATH, one per key (keys are hex: no path can be smuggled in). */
export class FilesystemDocumentStorage extends DocumentStorage {
  constructor(private readonly root: string) {
    super();
  }

  private path(key: string): string {
    if (!/^[0-9a-f]{32,64}$/.test(key)) throw new Error('Invalid storage key.');
    return join(this.root, key.slice(0, 2), key);
  }

  async put(_m: EntityManager, key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true, mode: 0o700 });
    await writeFile(`${path}.part`, bytes, { mode: 0o600 });
    await rename(`${path}.part`, path);
  }

  async get(_m: EntityManager, key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async remove(_m: EntityManager, key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
