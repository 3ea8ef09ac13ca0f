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

  @ApiProperty({
    type: 'string',
    nullable: true,
    description:
      'the compact credential (base32, 138 characters): card id, expiry day, key hint and Ed25519 signature (docs/credentials.md); null for a card whose id is not a UUID',
  })
  code: string | null;

  @ApiProperty({
    format: 'byte',
    description: 'QR code (PNG, base64) of the public check page’s link with the compact credential, `…/cek-kartu?c=…`',
  })
  qrPng: string;
}

/** `GET /.well-known/card-status`: issued cards no longer ACTIVE whose credentials may still be unexpired. */
export class CardStatusReply {
  @ApiProperty({ enum: ['ak1-platform'] })
  iss: string;

  @ApiProperty({ format: 'date-time', description: 'when the list was made (to the minute)' })
  generatedAt: string;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'the `since` asked for, or null' })
  since: string | null;

  @ApiProperty({
    type: [String],
    description:
      'ids (the `sub` of a credential) of cards PLACED, REVOKED, WITHDRAWN or EXPIRED whose expiry day is today or later, sorted',
  })
  ids: string[];
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
