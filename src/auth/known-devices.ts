import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Brackets, DataSource, In, IsNull, MoreThanOrEqual } from 'typeorm';
import { affectedRows, Transactions } from '../database/transactions.js';
import { KnownDevice } from './known-device.entity.js';

/** A device unused for this long is forgotten: its token is no longer honoured (the console cookie lives as long). */
export const KNOWN_DEVICE_TTL_SECONDS = 365 * 86_400;
/** Devices kept per account; signing in on one more forgets the least recently used. */
export const KNOWN_DEVICES_PER_USER = 20;
/** What the service issues: 256 random bits, base64url. Anything else cannot be a device token. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The one owner of `known_devices` (OWASP's device cookies). A known device is a browser or app that
 * has signed in to an account before; presenting its token with that account's email lets a sign-in
 * past the per-email failure limit, so strangers failing on the email cannot lock the owner out. The
 * device's own failures are counted here instead, and it is revoked when they reach the limit.
 */
@Injectable()
export class KnownDevices {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
  ) {}

  /**
   * The device this token names, if it is still honoured (not revoked, used within the TTL) and belongs to
   * `userId`. A token of another account, an unknown or malformed one are all "no device".
   */
  async honoured(token: string | undefined, userId: string | null, now: Date): Promise<KnownDevice | null> {
    if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return null;
    const row = await this.ds
      .getRepository(KnownDevice)
      .findOne({ where: { tokenHash: sha256(token), revokedAt: IsNull() } });
    if (!row || row.userId !== userId) return null;
    if (row.lastUsedAt.getTime() <= now.getTime() - KNOWN_DEVICE_TTL_SECONDS * 1000) return null;
    return row;
  }

  /**
   * Counts a failed sign-in against the device, in a window of `windowSeconds` from its first failure;
   * at `limit` failures the device is revoked and its token is from then on ignored.
   */
  async recordFailure(device: KnownDevice, limit: number, windowSeconds: number, now: Date): Promise<void> {
    const windowStart = new Date(now.getTime() - windowSeconds * 1000);
    await this.tx.run(async (m) => {
      // Two conditional updates, each atomic, instead of read-then-write: a window that has ended starts
      // again at 1; otherwise the count goes up by one.
      const restarted = await m
        .createQueryBuilder()
        .update(KnownDevice)
        .set({ failedAttempts: 1, failuresSince: now })
        .where('id = :id', { id: device.id })
        .andWhere(
          new Brackets((w) =>
            w.where('failures_since IS NULL').orWhere('failures_since <= :windowStart', { windowStart }),
          ),
        )
        .execute();
      if (affectedRows(restarted) === 0) {
        await m
          .createQueryBuilder()
          .update(KnownDevice)
          .set({ failedAttempts: () => 'failed_attempts + 1' })
          .where('id = :id', { id: device.id })
          .execute();
      }
      await m.update(
        KnownDevice,
        { id: device.id, revokedAt: IsNull(), failedAttempts: MoreThanOrEqual(limit) },
        { revokedAt: now },
      );
    });
  }

  /**
   * After a successful sign-in: the presented device, if it was honoured, is kept (same token, its
   * failure count cleared, its last use moved on); otherwise a new device is registered and its token
   * returned. Only the token's SHA-256 is stored.
   */
  async remember(userId: string, presented: { device: KnownDevice; token: string } | null, now: Date): Promise<string> {
    if (presented) {
      const res = await this.tx.run((m) =>
        m.update(
          KnownDevice,
          { id: presented.device.id, userId, revokedAt: IsNull() },
          { lastUsedAt: now, failedAttempts: 0, failuresSince: null },
        ),
      );
      if (affectedRows(res) === 1) return presented.token;
      // Revoked between the check and now (its failures reached the limit): a new device instead.
    }
    const token = randomBytes(32).toString('base64url');
    await this.tx.run(async (m) => {
      await m.insert(KnownDevice, {
        id: randomUUID(),
        userId,
        tokenHash: sha256(token),
        createdAt: now,
        lastUsedAt: now,
        failedAttempts: 0,
        failuresSince: null,
        revokedAt: null,
      });
      // Keep the account's list bounded: revoked devices go first, then the least recently used.
      const rows = await m.find(KnownDevice, {
        where: { userId },
        select: { id: true, lastUsedAt: true, revokedAt: true, createdAt: true },
      });
      const stale = rows
        .sort(
          (a, b) =>
            Number(a.revokedAt !== null) - Number(b.revokedAt !== null) ||
            b.lastUsedAt.getTime() - a.lastUsedAt.getTime() ||
            b.createdAt.getTime() - a.createdAt.getTime(),
        )
        .slice(KNOWN_DEVICES_PER_USER)
        .map((r) => r.id);
      if (stale.length) await m.delete(KnownDevice, { id: In(stale) });
    });
    return token;
  }
}
