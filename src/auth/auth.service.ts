import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AccessClaims, AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { RateLimiter } from '../common/rate-limiter.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { affectedRows, Transactions } from '../database/transactions.js';
import { OfficesService } from '../offices/offices.service.js';
import { Passwords } from '../users/passwords.js';
import { toUserView, User, type UserView } from '../users/user.entity.js';
import { normaliseEmail, UsersService } from '../users/users.service.js';
import {
  invalidCredentials,
  invalidRefreshToken,
  loginLimitPerAddress,
  loginLimitPerEmail,
  registrationLimit,
} from './auth.errors.js';
import type { CreateOfficerDto, LoginDto } from './dto/auth.dto.js';
import { KnownDevices } from './known-devices.js';
import { RefreshToken } from './refresh-token.entity.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: UserView;
}

/** A sign-in's reply: the token pair and this device's known-device token. */
export interface LoginReply extends TokenPair {
  deviceToken: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly jwt: JwtService,
    private readonly passwords: Passwords,
    private readonly users: UsersService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly devices: KnownDevices,
    private readonly offices: OfficesService,
  ) {}

  /** Creates the first officer from BOOTSTRAP_OFFICER_* when no officer exists yet. */
  async onApplicationBootstrap(): Promise<void> {
    const boot = this.config.bootstrapOfficer;
    if (!boot) return;
    const officers = await this.ds.getRepository(User).count({ where: { role: 'officer' } });
    if (officers > 0) return;
    try {
      await this.tx.run(async (m) => {
        const user = await this.users.create(m, {
          email: boot.email,
          password: boot.password,
          fullName: boot.fullName,
          role: 'officer',
        });
        await this.audit.record(m, {
          actor: null,
          entityType: 'user',
          entityId: user.id,
          action: 'officer.bootstrapped',
          after: { role: 'officer' },
        });
      });
      this.logger.log('created the bootstrap officer account');
    } catch (err) {
      // Several instances starting at once on an empty database: one of them created it first.
      if (err instanceof DomainError && err.code === 'DUPLICATE_EMAIL') return;
      throw err;
    }
  }

  /**
   * Signs in. Only failures count towards the limits; once an email or an address is over its limit,
   * every attempt is refused until the window passes, so a correct guess cannot be told apart.
   *
   * Known devices (OWASP's device cookies): a sign-in that presents the `deviceToken` of a device this
   * account signed in on before is not held by the per-email limit, so strangers failing on the email
   * cannot lock its owner out; its failures count against that device instead (which stops being
   * honoured at the same limit), never against the email. The per-address limit holds for everyone.
   */
  async login(dto: LoginDto, clientAddress: string): Promise<LoginReply> {
    const email = normaliseEmail(dto.email);
    const now = this.clock.now();
    const { loginFailuresPerEmail, loginFailuresPerAddress, loginWindowSeconds } = this.config.limits;
    const emailKey = `login:email:${sha256(email)}`;
    const addressKey = `login:addr:${clientAddress}`;
    const byEmail = await this.limiter.peek(emailKey, loginFailuresPerEmail, loginWindowSeconds);
    // Without a device token nothing can lift the email's limit: refuse before touching the database.
    if (!byEmail.allowed && !dto.deviceToken) throw loginLimitPerEmail(byEmail.retryAfterSeconds);
    const byAddress = await this.limiter.peek(addressKey, loginFailuresPerAddress, loginWindowSeconds);
    if (!byAddress.allowed) throw loginLimitPerAddress(byAddress.retryAfterSeconds);

    const user = await this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    // Looked up whether or not the email exists, so an unknown email takes the same path.
    const device = await this.devices.honoured(dto.deviceToken, user?.id ?? null, now);
    if (!byEmail.allowed && !device) throw loginLimitPerEmail(byEmail.retryAfterSeconds);

    const ok = await this.passwords.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !ok) {
      if (device) await this.devices.recordFailure(device, loginFailuresPerEmail, loginWindowSeconds, now);
      else await this.limiter.hit(emailKey, loginFailuresPerEmail, loginWindowSeconds);
      await this.limiter.hit(addressKey, loginFailuresPerAddress, loginWindowSeconds);
      throw invalidCredentials();
    }
    const deviceToken = await this.devices.remember(user.id, device ? { device, token: dto.deviceToken! } : null, now);
    return { ...(await this.issue(user, randomUUID())), deviceToken };
  }

  /** Rotates a refresh token. A token already rotated means theft or replay: the family is revoked. */
  async refresh(token: string): Promise<TokenPair> {
    const repo = this.ds.getRepository(RefreshToken);
    const row = await repo.findOne({ where: { tokenHash: sha256(token) } });
    const now = this.clock.now();
    if (!row || row.revokedAt || row.expiresAt.getTime() <= now.getTime()) throw invalidRefreshToken();
    if (row.rotatedAt) {
      await this.revokeFamily(row.familyId);
      this.logger.warn({ msg: 'refresh token reuse detected; family revoked', userId: row.userId });
      throw invalidRefreshToken();
    }
    // Conditional update: of two concurrent refreshes with one token, only one wins.
    const res = await this.tx.run((m) =>
      m.update(RefreshToken, { id: row.id, rotatedAt: IsNull(), revokedAt: IsNull() }, { rotatedAt: now }),
    );
    if (affectedRows(res) !== 1) {
      await this.revokeFamily(row.familyId);
      throw invalidRefreshToken();
    }
    const user = await this.ds.getRepository(User).findOne({ where: { id: row.userId } });
    if (!user) throw invalidRefreshToken();
    return this.issue(user, row.familyId);
  }

  /** Ends the sign-in the refresh token belongs to. Unknown tokens are ignored (204 either way). */
  async logout(token: string): Promise<void> {
    const row = await this.ds.getRepository(RefreshToken).findOne({ where: { tokenHash: sha256(token) } });
    if (row) await this.revokeFamily(row.familyId);
  }

  async me(user: AuthUser): Promise<UserView & { emailVerified: boolean }> {
    const u = await this.ds.getRepository(User).findOne({ where: { id: user.id } });
    if (!u) throw notFound('The account');
    return { ...toUserView(u), emailVerified: u.emailVerifiedAt !== null };
  }

  /** Ends every sign-in of the account (a password reset), in the caller's transaction. */
  async revokeAllRefreshTokens(m: EntityManager, userId: string): Promise<void> {
    await m.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Clears the per-email sign-in failure counter (a password reset: the owner is back in control). */
  async clearLoginFailures(email: string): Promise<void> {
    await this.limiter.reset(`login:email:${sha256(normaliseEmail(email))}`, this.config.limits.loginWindowSeconds);
  }

  /** `POST /officers`: in the caller's office, or (officeId) one below it; 404 unknown office, 403 outside. */
  async createOfficer(actor: AuthUser, dto: CreateOfficerDto): Promise<UserView> {
    const officeId = dto.officeId
      ? (await this.offices.requireManaged(actor, dto.officeId)).id
      : this.offices.officeOf(actor);
    const user = await this.tx.run(async (m) => {
      const u = await this.users.create(m, {
        email: dto.email,
        password: dto.password,
        fullName: dto.fullName,
        role: 'officer',
        nip: dto.nip ?? null,
        officeId,
      });
      await this.audit.record(m, {
        actor,
        entityType: 'user',
        entityId: u.id,
        action: 'officer.created',
        after: { role: 'officer', officeId },
      });
      return u;
    });
    return toUserView(user);
  }

  /** Counts a registration from this address; refuses past REGISTRATION_RATE_LIMIT an hour. */
  async checkRegistrationRate(clientAddress: string): Promise<void> {
    const r = await this.limiter.hit(`register:${clientAddress}`, this.config.limits.registrationsPerHour, 3600);
    if (!r.allowed) throw registrationLimit(r.retryAfterSeconds);
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tx.run((m) =>
      m.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() }),
    );
  }

  private async issue(user: User, familyId: string): Promise<TokenPair> {
    const claims: AccessClaims = { sub: user.id, role: user.role, email: user.email };
    if (user.employerId) claims.emp = user.employerId;
    if (user.seekerId) claims.skr = user.seekerId;
    if (user.role === 'officer' && user.officeId) claims.off = user.officeId;
    const { secret, issuer, audience, accessTtlSeconds, refreshTtlSeconds } = this.config.jwt;
    const accessToken = await this.jwt.signAsync(claims, {
      secret,
      algorithm: 'HS256',
      issuer,
      audience,
      expiresIn: accessTtlSeconds,
      jwtid: randomUUID(),
    });
    const refreshToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.tx.run((m) =>
      m.insert(RefreshToken, {
        id: randomUUID(),
        userId: user.id,
        familyId,
        tokenHash: sha256(refreshToken),
        expiresAt: new Date(now.getTime() + refreshTtlSeconds * 1000),
        rotatedAt: null,
        revokedAt: null,
        createdAt: now,
      }),
    );
    return { accessToken, refreshToken, expiresIn: accessTtlSeconds, user: toUserView(user) };
  }
}
