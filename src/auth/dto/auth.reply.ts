import { ApiProperty } from '@nestjs/swagger';
import { UserReply } from '../../users/user.reply.js';
import type { TokenPair } from '../auth.service.js';

/** A new access token and refresh token (`POST /auth/refresh`; sign-in adds its known-device token). */
export class TokenPairReply implements TokenPair {
  @ApiProperty({ description: 'HS256 JWT for `Authorization: Bearer`' })
  accessToken: string;

  @ApiProperty({ description: 'opaque, single use: exchange it at POST /auth/refresh' })
  refreshToken: string;

  @ApiProperty({ type: 'integer', description: 'lifetime of the access token, in seconds', example: 900 })
  expiresIn: number;

  @ApiProperty({ type: UserReply })
  user: UserReply;
}

/** `GET /auth/me`: the account, and whether its email address is verified. */
export class MeReply extends UserReply {
  @ApiProperty({
    description:
      'the account proved it receives mail at `email` (POST /auth/email-verification, then the link; or a password reset)',
  })
  emailVerified: boolean;
}

/** An accepted request whose work is done by email (202): an empty object. */
export class AcceptedReply {}
