import { Inject, Injectable } from '@nestjs/common';
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { ConfigError, APP_CONFIG, type AppConfig } from '../config/config.js';
import { credentialExpired, invalidCredential } from './card-validation.errors.js';

/** Claims of a card credential (besides the registered iss, sub = card id, iat, exp). */
export interface CardCredentialClaims {
  iss: string;
  sub: string;
  iat: number;
  exp: number;
  cardNumber: string;
  holderName: string;
  status: string;
  validFrom: string;
  validUntil: string;
}

export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  use: 'sig';
  alg: 'EdDSA';
}

export const CREDENTIAL_ISSUER = 'ak1-platform';
/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows. */
const CLOCK_SKEW_SECONDS = 60;

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * Signs and verifies offline card credentials: compact JWS, EdDSA over Ed25519 (RFC 8037). The key is
 * CARD_SIGNING_KEY (PKCS#8 PEM); without it, outside production, the key generated for this
 * installation (src/config/installation-secrets.ts), so restarts keep the same key.
 * The key id is the RFC 7638 thumbprint of the public key.
 */
@Injectable()
export class CardCredentials {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  readonly jwk: PublicJwk;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.privateKey = loadKey(config.cardSigningKey);
    this.publicKey = createPublicKey(this.privateKey);
    const { x } = this.publicKey.export({ format: 'jwk' }) as { x: string };
    const kid = b64url(createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest());
    this.jwk = { kty: 'OKP', crv: 'Ed25519', x, kid, use: 'sig', alg: 'EdDSA' };
  }

  jwks(): { keys: PublicJwk[] } {
    return { keys: [this.jwk] };
  }

  sign(claims: CardCredentialClaims): string {
    const header = b64url(JSON.stringify({ alg: 'EdDSA', kid: this.jwk.kid, typ: 'JWT' }));
    const payload = b64url(JSON.stringify(claims));
    const signature = sign(null, Buffer.from(`${header}.${payload}`), this.privateKey);
    return `${header}.${payload}.${b64url(signature)}`;
  }

  /**
   * The claims of a token this office signed, checked in this order: shape, algorithm pinned to EdDSA
   * and our key id, signature, issuer, then time (400 INVALID_CREDENTIAL / 422 CREDENTIAL_EXPIRED).
   */
  verify(token: string, now: Date): CardCredentialClaims {
    const parts = token.trim().split('.');
    if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) throw invalidCredential();
    const [h, p, s] = parts;
    const header = parseJson(h) as { alg?: unknown; kid?: unknown } | null;
    if (!header || header.alg !== 'EdDSA' || header.kid !== this.jwk.kid) throw invalidCredential();
    const signature = Buffer.from(s, 'base64url');
    if (signature.length !== 64 || !verify(null, Buffer.from(`${h}.${p}`), this.publicKey, signature))
      throw invalidCredential();
    const claims = parseJson(p) as Partial<CardCredentialClaims> | null;
    if (
      !claims ||
      claims.iss !== CREDENTIAL_ISSUER ||
      typeof claims.sub !== 'string' ||
      typeof claims.exp !== 'number' ||
      typeof claims.cardNumber !== 'string'
    ) {
      throw invalidCredential();
    }
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (typeof claims.iat === 'number' && claims.iat > nowSeconds + CLOCK_SKEW_SECONDS) throw invalidCredential();
    if (claims.exp <= nowSeconds) throw credentialExpired();
    return claims as CardCredentialClaims;
  }
}

function parseJson(part: string): unknown {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v && typeof v === 'object' ? v : null;
  } catch {
    return null;
  }
}

function loadKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new ConfigError(
      'CARD_SIGNING_KEY is not a readable private key: use an Ed25519 key in PKCS#8 PEM (openssl genpkey -algorithm ed25519).',
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new ConfigError('CARD_SIGNING_KEY must be an Ed25519 private key (openssl genpkey -algorithm ed25519).');
  return key;
}
