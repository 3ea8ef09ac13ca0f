import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';
import type { PublicJwk } from '../card-credentials.js';
import { VALIDATION_RESULTS, type ValidationChannel, type ValidationResult } from '../card-validation.entity.js';

/** One recorded validation: the evidence of an employer's participation (mapper: `toCardValidationView`). */
export class CardValidationRecordReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  employerId: string;

  @ApiProperty({ format: 'uuid', description: 'the staff member who checked' })
  userId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the card matched; null for NOT_FOUND' })
  cardId: string | null;

  @ApiProperty({ description: 'the number as matched, or as presented', example: '1671-26-000123-7' })
  cardNumber: string;

  @ApiProperty({
    enum: ['NUMBER', 'CREDENTIAL', 'PLACEMENT'],
    description: 'PLACEMENT: the card check of a direct hire (POST /placements)',
  })
  channel: ValidationChannel;

  @ApiProperty({ enum: VALIDATION_RESULTS })
  result: ValidationResult;

  @ApiProperty({ format: 'date-time' })
  checkedAt: string;
}

export const CardValidationRecordPage = PageOf(CardValidationRecordReply, 'CardValidationPage');

/** `GET /cards/:id/credential`. */
export class CredentialReply {
  @ApiProperty({
    description:
      'compact JWS (EdDSA / Ed25519) with the card number, masked name, status and validity; header `kid` names the key',
  })
  token: string;

  @ApiProperty({ format: 'byte', description: 'the token as a QR code: PNG, base64' })
  qrPng: string;
}

export class JwkReply implements PublicJwk {
  @ApiProperty({ enum: ['OKP'] })
  kty: 'OKP';

  @ApiProperty({ enum: ['Ed25519'] })
  crv: 'Ed25519';

  @ApiProperty({ description: 'public key, base64url' })
  x: string;

  @ApiProperty({ description: 'RFC 7638 thumbprint' })
  kid: string;

  @ApiProperty({ enum: ['sig'] })
  use: 'sig';

  @ApiProperty({ enum: ['EdDSA'] })
  alg: 'EdDSA';
}

/** `GET /.well-known/jwks.json`: the keys that verify card credentials. */
export class JwksReply {
  @ApiProperty({ type: [JwkReply] })
  keys: JwkReply[];
}
