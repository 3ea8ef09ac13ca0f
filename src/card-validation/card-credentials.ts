import { Inject, Injectable } from '@nestjs/common';
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { ConfigError, APP_CONFIG, readRetiredSigningKey, type AppConfig } from '../config/config.js';
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

/** What a verified credential of either form says: the card, and (JWS only) its printed number. */
export interface VerifiedCredential {
  sub: string;
  exp: number;
  cardNumber: string | null;
}

export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  use: 'sig';
  alg: 'EdDSA';
}

interface VerifyingKey {
  jwk: PublicJwk;
  publicKey: KeyObject;
  /** The first KID_PREFIX_BYTES of the thumbprint: the compact form's key hint. */
  prefix: Buffer;
}

export const CREDENTIAL_ISSUER = 'ak1-platform';
const CLOCK_SKEW_SECONDS = 60;

/**
 * The compact credential (decision 56), 86 bytes written in RFC 4648 base32 (upper case, no padding:
 * 138 characters of the QR alphanumeric set): version (1 byte, 1) · card id (the UUID's 16 bytes) ·
 * the card's expiry day (uint16 big-endian, days since 1970-01-01) · key hint (the first 3 bytes of
 * the key's RFC 7638 thumbprint) · Ed25519 signature (64 bytes) over COMPACT_CONTEXT followed by the
 * 22 bytes before it.
 */
export const COMPACT_VERSION = 1;
const COMPACT_CONTEXT = Buffer.from('AK1-CARD-CREDENTIAL-V1', 'ascii');
const KID_PREFIX_BYTES = 3;
const COMPACT_SIGNED_BYTES = 1 + 16 + 2 + KID_PREFIX_BYTES;
const COMPACT_BYTES = COMPACT_SIGNED_BYTES + 64;
const DAY_MS = 86_400_000;
/** Jakarta is UTC+7 all year. */
const JAKARTA_OFFSET_SECONDS = 7 * 3600;

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signs and verifies offline card credentials with Ed25519: a compact JWS (EdDSA, RFC 8037) and the
 * short binary form printed in the QR code. The signing key is CARD_SIGNING_KEY (PKCS#8 PEM); without it,
 * outside production, the key generated for this installation (src/config/installation-secrets.ts).
 * CARD_SIGNING_KEYS_RETIRED lists keys that no longer sign but still verify (decision 55), so rotating
 * the key never breaks a printed card. A key id is the RFC 7638 thumbprint of the public key.
 */
@Injectable()
export class CardCredentials {
  private readonly privateKey: KeyObject;
  private readonly current: VerifyingKey;
  private readonly keys: VerifyingKey[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.privateKey = loadKey(config.cardSigningKey);
    this.current = verifyingKey(createPublicKey(this.privateKey));
    const retired = config.cardSigningKeysRetired.map((text, i) => verifyingKey(readRetiredSigningKey(text, i + 1)));
    this.keys = [
      this.current,
      ...retired.filter(
        (k, i, all) => k.jwk.kid !== this.current.jwk.kid && all.findIndex((o) => o.jwk.kid === k.jwk.kid) === i,
      ),
    ];
  }

  /** The key that signs now. */
  get jwk(): PublicJwk {
    return this.current.jwk;
  }

  /** Every key that verifies: the current one first, then the retired ones. */
  jwks(): { keys: PublicJwk[] } {
    return { keys: this.keys.map((k) => k.jwk) };
  }

  sign(claims: CardCredentialClaims): string {
    const header = b64url(JSON.stringify({ alg: 'EdDSA', kid: this.current.jwk.kid, typ: 'JWT' }));
    const payload = b64url(JSON.stringify(claims));
    return `${header}.${payload}.${this.signBytes(`${header}.${payload}`)}`;
  }

  /**
   * A JWS with a detached payload (RFC 7515 appendix F): `header..signature`, the signature over
   * `header.` + base64url(payload). For answers whose body is the payload (GET /.well-known/card-status).
   */
  signDetached(payload: string, typ: string): string {
    const header = b64url(JSON.stringify({ alg: 'EdDSA', kid: this.current.jwk.kid, typ }));
    return `${header}..${this.signBytes(`${header}.${b64url(payload)}`)}`;
  }

  /** The compact form of a card's credential, or null when the card id is not a UUID (the JWS is used then). */
  signCompact(cardId: string, expiresAt: string): string | null {
    if (!UUID_RE.test(cardId)) return null;
    const body = Buffer.alloc(COMPACT_SIGNED_BYTES);
    body[0] = COMPACT_VERSION;
    Buffer.from(cardId.replace(/-/g, ''), 'hex').copy(body, 1);
    body.writeUInt16BE(Math.round(Date.parse(`${expiresAt}T00:00:00Z`) / DAY_MS), 17);
    this.current.prefix.copy(body, 19);
    const signature = sign(null, Buffer.concat([COMPACT_CONTEXT, body]), this.privateKey);
    return base32Encode(Buffer.concat([body, signature]));
  }

  /**
   * A credential this office signed, of either form (a JWS has dots, the compact form has none),
   * checked in this order: shape, algorithm pinned to EdDSA and a listed key, signature, issuer, then
   * time (400 INVALID_CREDENTIAL / 422 CREDENTIAL_EXPIRED).
   */
  verify(token: string, now: Date): VerifiedCredential {
    const text = token.trim();
    const verified = text.includes('.') ? this.verifyJws(text, now) : this.verifyCompact(text);
    if (verified.exp <= Math.floor(now.getTime() / 1000)) throw credentialExpired();
    return verified;
  }

  private verifyJws(token: string, now: Date): VerifiedCredential {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) throw invalidCredential();
    const [h, p, s] = parts;
    const header = parseJson(h) as { alg?: unknown; kid?: unknown } | null;
    const key = header && header.alg === 'EdDSA' ? this.keys.find((k) => k.jwk.kid === header.kid) : undefined;
    if (!key) throw invalidCredential();
    const signature = Buffer.from(s, 'base64url');
    if (signature.length !== 64 || !verify(null, Buffer.from(`${h}.${p}`), key.publicKey, signature))
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
    return { sub: claims.sub, exp: claims.exp, cardNumber: claims.cardNumber };
  }

  private verifyCompact(code: string): VerifiedCredential {
    const bytes = base32Decode(code);
    if (!bytes || bytes.length !== COMPACT_BYTES || bytes[0] !== COMPACT_VERSION) throw invalidCredential();
    const body = bytes.subarray(0, COMPACT_SIGNED_BYTES);
    const signature = bytes.subarray(COMPACT_SIGNED_BYTES);
    const hint = body.subarray(19, COMPACT_SIGNED_BYTES);
    const signed = Buffer.concat([COMPACT_CONTEXT, body]);
    const key = this.keys.find((k) => k.prefix.equals(hint) && verify(null, signed, k.publicKey, signature));
    if (!key) throw invalidCredential();
    const hex = body.subarray(1, 17).toString('hex');
    const sub = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    // Valid through the end of the expiry day in Asia/Jakarta.
    const exp = (body.readUInt16BE(17) + 1) * 86_400 - JAKARTA_OFFSET_SECONDS;
    return { sub, exp, cardNumber: null };
  }

  private signBytes(text: string): string {
    return b64url(sign(null, Buffer.from(text), this.privateKey));
  }
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, upper case, without padding. */
export function base32Encode(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * The bytes of unpadded base32 (either case), or null when it is not base32 written the one way
 * base32Encode writes those bytes (no extra character, unused trailing bits zero): a credential has
 * exactly one spelling.
 */
export function base32Decode(text: string): Buffer | null {
  if (text.length === 0 || text.length > 400) return null;
  const bytes = base32Bytes(text);
  return bytes && base32Encode(bytes) === text.toUpperCase() ? bytes : null;
}

function base32Bytes(text: string): Buffer | null {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text.toUpperCase()) {
    const v = BASE32.indexOf(ch);
    if (v < 0) return null;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function verifyingKey(publicKey: KeyObject): VerifyingKey {
  const { x } = publicKey.export({ format: 'jwk' }) as { x: string };
  const thumbprint = createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest();
  const jwk: PublicJwk = { kty: 'OKP', crv: 'Ed25519', x, kid: b64url(thumbprint), use: 'sig', alg: 'EdDSA' };
  return { jwk, publicKey, prefix: thumbprint.subarray(0, KID_PREFIX_BYTES) };
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
