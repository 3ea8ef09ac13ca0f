import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  validateSync,
} from 'class-validator';
import { createHash } from 'node:crypto';

/** A setting that stops the start; its message is one sentence meant for the operator. */
export class ConfigError extends Error {}

/** Raw environment, validated. The only place that reads process.env is loadConfig(). */
class EnvSchema {
  @IsOptional() @IsIn(['development', 'test', 'production'])
  NODE_ENV?: string;

  @IsOptional() @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsIn(['sqlite', 'mysql'], { message: 'DB_TYPE must be "sqlite" or "mysql"' })
  DB_TYPE?: string;

  @IsOptional() @IsString()
  DB_PATH?: string;

  @IsOptional() @IsString()
  DB_URL?: string;

  @IsOptional() @IsString()
  DB_REPLICA_URLS?: string;

  @IsOptional() @IsString()
  JWT_SECRET?: string;

  @IsOptional() @IsString()
  DATA_KEY?: string;

  @IsOptional() @IsString()
  CARD_SIGNING_KEY?: string;

  @IsOptional() @IsString()
  BOOTSTRAP_OFFICER_EMAIL?: string;

  @IsOptional() @IsString()
  BOOTSTRAP_OFFICER_PASSWORD?: string;

  @IsOptional() @IsIn(['database', 'meilisearch'], { message: 'SEARCH_DRIVER must be "database" or "meilisearch"' })
  SEARCH_DRIVER?: string;

  @IsOptional() @IsString()
  MEILI_HOST?: string;

  @IsOptional() @IsString()
  MEILI_API_KEY?: string;

  @IsOptional() @IsString()
  MEILI_INDEX?: string;

  @IsOptional() @IsInt() @Min(1)
  VALIDATION_RATE_LIMIT?: number;

  @IsOptional() @IsInt() @Min(1)
  LOGIN_FAILURE_LIMIT_PER_EMAIL?: number;

  @IsOptional() @IsInt() @Min(1)
  LOGIN_FAILURE_LIMIT_PER_ADDRESS?: number;

  @IsOptional() @IsInt() @Min(1)
  REGISTRATION_RATE_LIMIT?: number;

  @IsOptional() @IsInt() @Min(60)
  ACCESS_TOKEN_TTL_SECONDS?: number;

  @IsOptional() @IsInt() @Min(300)
  REFRESH_TOKEN_TTL_SECONDS?: number;

  @IsOptional() @IsIn(['true', 'false'])
  SCHEDULER_ENABLED?: string;

  @IsOptional() @IsString()
  TRUST_PROXY?: string;

  @IsOptional() @IsIn(['debug', 'info', 'warn', 'error', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional() @IsString()
  REGION_CODE?: string;

  @IsOptional() @IsString()
  REDIS_URL?: string;
}

export type DbType = 'sqlite' | 'mysql';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  db: { type: DbType; path: string; url: string | null; replicaUrls: string[] };
  jwt: { secret: string; issuer: string; audience: string; accessTtlSeconds: number; refreshTtlSeconds: number };
  /** 32-byte key for AES-256-GCM and the keyed hash of personal identifiers. */
  dataKey: Buffer;
  /** PKCS#8 PEM of the Ed25519 key that signs card credentials, or null to derive a development key. */
  cardSigningKey: string | null;
  bootstrapOfficer: { email: string; password: string } | null;
  search: { driver: 'database' | 'meilisearch'; meiliHost: string | null; meiliApiKey: string | null; meiliIndex: string };
  limits: {
    validationsPerMinute: number;
    loginFailuresPerEmail: number;
    loginFailuresPerAddress: number;
    loginWindowSeconds: number;
    registrationsPerHour: number;
  };
  schedulerEnabled: boolean;
  trustProxy: string | false;
  logLevel: LogLevel;
  /** Region (Kemendagri regency/city code without dots) that prefixes card numbers issued here. */
  regionCode: string;
  /** Redis for counters shared by several instances (rate limits); null keeps them in process. */
  redisUrl: string | null;
  /** Warnings about development defaults, printed once at start. */
  warnings: string[];
}

const INT_KEYS = [
  'PORT',
  'VALIDATION_RATE_LIMIT',
  'LOGIN_FAILURE_LIMIT_PER_EMAIL',
  'LOGIN_FAILURE_LIMIT_PER_ADDRESS',
  'REGISTRATION_RATE_LIMIT',
  'ACCESS_TOKEN_TTL_SECONDS',
  'REFRESH_TOKEN_TTL_SECONDS',
] as const;

const DEV_JWT_SECRET = 'development-only-jwt-secret-change-me-in-production';
const DEV_DATA_KEY_SEED = 'development-only-data-key';

function parseDataKey(raw: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  const b64 = Buffer.from(raw, 'base64');
  return b64.length === 32 ? b64 : null;
}

/** Reads and checks the environment. Throws ConfigError with one operator-facing sentence. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(source)) if (v !== undefined && v !== '') raw[k] = v;
  for (const key of INT_KEYS) {
    if (raw[key] === undefined) continue;
    const n = Number(raw[key]);
    if (!Number.isInteger(n)) throw new ConfigError(`${key} must be a whole number, got "${String(raw[key])}".`);
    raw[key] = n;
  }
  const env = plainToInstance(EnvSchema, raw, { excludeExtraneousValues: false });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const first = errors[0];
    const msg = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new ConfigError(
      msg.startsWith(first.property) ? `${msg}.` : `${first.property} ${msg} (got "${String(first.value)}").`,
    );
  }

  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['env'];
  const production = nodeEnv === 'production';
  const warnings: string[] = [];

  const dbType = (env.DB_TYPE ?? 'sqlite') as DbType;
  if (dbType === 'mysql' && !env.DB_URL) {
    throw new ConfigError('DB_TYPE is "mysql" but DB_URL is not set (expected mysql://user:password@host:3306/database).');
  }
  if (env.DB_URL && dbType === 'mysql' && !/^mysql:\/\//.test(env.DB_URL)) {
    throw new ConfigError('DB_URL must start with mysql:// (for example mysql://root@127.0.0.1:3306/ak1).');
  }

  const replicaUrls = (env.DB_REPLICA_URLS ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  if (replicaUrls.length > 0 && dbType !== 'mysql') throw new ConfigError('DB_REPLICA_URLS needs DB_TYPE=mysql: the embedded database has no replicas.');
  if (replicaUrls.some((u) => !/^mysql:\/\//.test(u))) throw new ConfigError('Every DB_REPLICA_URLS entry must start with mysql:// (comma-separated).');

  let jwtSecret = env.JWT_SECRET;
  if (!jwtSecret) {
    if (production) throw new ConfigError('JWT_SECRET is required in production (at least 32 random characters).');
    warnings.push('JWT_SECRET is not set: using a development default. Never run like this in production.');
    jwtSecret = DEV_JWT_SECRET;
  } else if (jwtSecret.length < 32) {
    if (production) throw new ConfigError('JWT_SECRET is too weak: use at least 32 random characters.');
    warnings.push('JWT_SECRET is shorter than 32 characters: acceptable only outside production.');
  }
  if (production && jwtSecret === DEV_JWT_SECRET) {
    throw new ConfigError('JWT_SECRET is the development default: set a real secret for production.');
  }

  let dataKey: Buffer;
  if (!env.DATA_KEY) {
    if (production) throw new ConfigError('DATA_KEY is required in production (32 bytes as 64 hex characters or base64).');
    warnings.push('DATA_KEY is not set: personal data is encrypted with a development key. Never run like this in production.');
    dataKey = createHash('sha256').update(DEV_DATA_KEY_SEED).digest();
  } else {
    const parsed = parseDataKey(env.DATA_KEY);
    if (!parsed) throw new ConfigError('DATA_KEY must be 32 bytes written as 64 hex characters or as base64.');
    if (parsed.every((b) => b === parsed[0])) throw new ConfigError('DATA_KEY is too weak: it must be random bytes.');
    dataKey = parsed;
  }

  let cardSigningKey: string | null = env.CARD_SIGNING_KEY ? env.CARD_SIGNING_KEY.replace(/\\n/g, '\n') : null;
  if (!cardSigningKey) {
    if (production) throw new ConfigError('CARD_SIGNING_KEY is required in production (an Ed25519 private key in PKCS#8 PEM).');
    warnings.push('CARD_SIGNING_KEY is not set: card credentials are signed with a development key.');
    cardSigningKey = null;
  }

  const bootstrapOfficer =
    env.BOOTSTRAP_OFFICER_EMAIL && env.BOOTSTRAP_OFFICER_PASSWORD
      ? { email: env.BOOTSTRAP_OFFICER_EMAIL.trim().toLowerCase(), password: env.BOOTSTRAP_OFFICER_PASSWORD }
      : null;
  if ((env.BOOTSTRAP_OFFICER_EMAIL && !env.BOOTSTRAP_OFFICER_PASSWORD) || (!env.BOOTSTRAP_OFFICER_EMAIL && env.BOOTSTRAP_OFFICER_PASSWORD)) {
    throw new ConfigError('BOOTSTRAP_OFFICER_EMAIL and BOOTSTRAP_OFFICER_PASSWORD must be set together.');
  }
  if (bootstrapOfficer && (bootstrapOfficer.password.length < 10 || bootstrapOfficer.password.length > 128)) {
    throw new ConfigError('BOOTSTRAP_OFFICER_PASSWORD must be 10 to 128 characters long.');
  }

  const searchDriver = (env.SEARCH_DRIVER ?? 'database') as 'database' | 'meilisearch';
  if (searchDriver === 'meilisearch' && !env.MEILI_HOST) {
    throw new ConfigError('SEARCH_DRIVER is "meilisearch" but MEILI_HOST is not set (for example http://127.0.0.1:7700).');
  }

  if (env.REDIS_URL && !/^rediss?:\/\//.test(env.REDIS_URL)) {
    throw new ConfigError('REDIS_URL must start with redis:// or rediss:// (for example redis://127.0.0.1:6379).');
  }

  const regionCode = env.REGION_CODE ?? '1671';
  if (!/^\d{4}$/.test(regionCode)) throw new ConfigError('REGION_CODE must be the 4-digit regency/city code, e.g. 1671.');

  return {
    env: nodeEnv,
    port: env.PORT ?? 3000,
    db: {
      type: dbType,
      path: env.DB_PATH ?? './data/ak1.sqlite',
      url: env.DB_URL ?? null,
      replicaUrls,
    },
    jwt: {
      secret: jwtSecret,
      issuer: 'ak1-platform',
      audience: 'ak1-api',
      accessTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS ?? 900,
      refreshTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS ?? 30 * 24 * 3600,
    },
    dataKey,
    cardSigningKey,
    bootstrapOfficer,
    search: {
      driver: searchDriver,
      meiliHost: env.MEILI_HOST ?? null,
      meiliApiKey: env.MEILI_API_KEY ?? null,
      meiliIndex: env.MEILI_INDEX ?? 'vacancies',
    },
    limits: {
      validationsPerMinute: env.VALIDATION_RATE_LIMIT ?? 120,
      loginFailuresPerEmail: env.LOGIN_FAILURE_LIMIT_PER_EMAIL ?? 10,
      loginFailuresPerAddress: env.LOGIN_FAILURE_LIMIT_PER_ADDRESS ?? 100,
      loginWindowSeconds: 15 * 60,
      registrationsPerHour: env.REGISTRATION_RATE_LIMIT ?? 300,
    },
    schedulerEnabled: (env.SCHEDULER_ENABLED ?? (nodeEnv === 'test' ? 'false' : 'true')) === 'true',
    trustProxy: env.TRUST_PROXY ?? false,
    logLevel: (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info')) as LogLevel,
    regionCode,
    redisUrl: env.REDIS_URL ?? null,
    warnings,
  };
}

/** Injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
