import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AccessClaims, AuthUser } from '../common/auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** Accepts only HS256 tokens from our issuer, for our audience, not expired. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwt.secret,
      algorithms: ['HS256'],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessClaims): AuthUser {
    return { id: claims.sub, role: claims.role, email: claims.email, employerId: claims.emp ?? null, seekerId: claims.skr ?? null };
  }
}
