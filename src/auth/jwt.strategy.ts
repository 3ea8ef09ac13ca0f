import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { Strategy } from 'passport-jwt';
import type { AccessClaims, AuthUser } from '../common/auth/auth-user.js';
import { bearerToken } from '../common/auth/bearer.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { OfficesService } from '../offices/offices.service.js';

/** Accepts only HS256 tokens from our issuer, for our audience, not expired. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly offices: OfficesService,
  ) {
    super({
      // Exactly `Bearer <jwt>`: passport-jwt's own extractor ignored anything after the token.
      jwtFromRequest: (req: { headers: { authorization?: string } }) => bearerToken(req.headers.authorization),
      // A KeyObject, made once: given a string, jsonwebtoken first tries to parse it as a PEM public
      // key on every verification and only then falls back to a secret key; that failed parse (an
      // exception per request) cost more CPU than the rest of a card validation. (The typings say
      // string | Buffer; jsonwebtoken accepts a KeyObject.)
      secretOrKey: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessClaims & { exp?: unknown }): AuthUser | null {
    // jsonwebtoken checks `exp` only when it is present: a token without one would never expire.
    // Every token we issue carries one, so its absence means the token is not ours (→ 401).
    if (typeof claims.exp !== 'number') return null;
    return {
      id: claims.sub,
      role: claims.role,
      email: claims.email,
      employerId: claims.emp ?? null,
      seekerId: claims.skr ?? null,
      // A token from before offices carries no office: its officer acts for the root office.
      officeId: claims.role === 'officer' ? (claims.off ?? this.offices.rootId()) : null,
    };
  }
}
