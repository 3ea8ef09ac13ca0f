import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, validateSync } from 'class-validator';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { dirname, join } from 'node:path';
import { installationSecrets } from './installation-secrets.js';
import { isWeakSecret } from './secret-strength.js';

/** A setting that stops the start; its message is one sentence meant for the operator. */
export class ConfigError extends Error {}

/** Raw environment, validated. The only place that reads process.env is loadConfig(). */
class EnvSchema {
  @IsOptional()
  @IsIn(['development', 'test', 'production'])
  NODE_ENV?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsIn(['sqlite', 'mysql'], { message: 'DB_TYPE must be "sqlite" or "mysql"' })
  DB_TYPE?: string;

  @IsOptional()
  @IsString()
  DB_PATH?: string;

  @IsOptional()
  @IsString()
  DB_URL?: string;

  @IsOptional()
  @IsString()
  DB_REPLICA_URLS?: string;

  @IsOptional()
  @Matches(/^([1-9]|[1-9][0-9])$/, { message: 'DB_POOL_SIZE must be a whole number from 1 to 99' })
  DB_POOL_SIZE?: string;

  @IsOptional()
  @Matches(/^([1-9]|[1-9][0-9])$/, { message: 'DB_REPORT_POOL_SIZE must be a whole number from 1 to 99' })
  DB_REPORT_POOL_SIZE?: string;

  @IsOptional()
  @IsString()
  JWT_SECRET?: string;

  @IsOptional()
  @IsString()
  DATA_KEY?: string;

  @IsOptional()
  @IsString()
  CARD_SIGNING_KEY?: string;
  CARD_SIGNING_KEYS_RETIRED?: string;

  @IsOptional()
  @IsString()
  BOOTSTRAP_OFFICER_EMAIL?: string;

  @IsOptional()
  @IsString()
  BOOTSTRAP_OFFICER_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  BOOTSTRAP_OFFICER_NAME?: string;

  @IsOptional()
  @IsString()
  PUBLIC_URL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  CARD_SIGNING_OFFICER_NAME?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  CARD_SIGNING_OFFICER_NIP?: string;

  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(254)
  MAIL_FROM?: string;

  @IsOptional()
  @IsString()
  WHATSAPP_API_URL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  WHATSAPP_PHONE_NUMBER_ID?: string;

  @IsOptional()
  @IsString()
  WHATSAPP_TOKEN?: string;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'REQUIRE_EMAIL_VERIFICATION must be "true" or "false"' })
  REQUIRE_EMAIL_VERIFICATION?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  OFFICE_NAME?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  OFFICE_ADDRESS?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  OFFICE_HOURS?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  OFFICE_PHONE?: string;

  @IsOptional()
  @IsString()
  @MaxLength(254)
  OFFICE_EMAIL?: string;

  @IsOptional()
  @IsIn(['database', 'meilisearch'], { message: 'SEARCH_DRIVER must be "database" or "meilisearch"' })
  SEARCH_DRIVER?: string;

  @IsOptional()
  @IsIn(['database', 'filesystem'], { message: 'STORAGE_DRIVER must be "database" or "filesystem"' })
  STORAGE_DRIVER?: string;

  @IsOptional()
  @IsString()
  STORAGE_PATH?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  REQUIRED_DOCUMENTS?: string;

  @IsOptional()
  @IsInt({ message: 'REJECTED_DOCUMENT_RETENTION_DAYS must be a whole number of days' })
  @Min(1, { message: 'REJECTED_DOCUMENT_RETENTION_DAYS must be at least 1' })
  @Max(3650, { message: 'REJECTED_DOCUMENT_RETENTION_DAYS must be at most 3650' })
  REJECTED_DOCUMENT_RETENTION_DAYS?: number;

  @IsOptional()
  @IsString()
  MEILI_HOST?: string;

  @IsOptional()
  @IsString()
  MEILI_API_KEY?: string;

  @IsOptional()
  @IsString()
  MEILI_INDEX?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  SEARCH_CACHE_ENTRIES?: number;

  /** At most half a minute: the public search's Cache-Control already lets readers keep an answer that long. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30_000)
  SEARCH_FRESH_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  VALIDATION_RATE_LIMIT?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  CARD_MISMATCH_LIMIT?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  LOGIN_FAILURE_LIMIT_PER_EMAIL?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  LOGIN_FAILURE_LIMIT_PER_ADDRESS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  REGISTRATION_RATE_LIMIT?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  CLAIM_FAILURE_LIMIT?: number;

  @IsOptional()
  @IsInt()
  @Min(60)
  ACCESS_TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @IsInt()
  @Min(300)
  REFRESH_TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @IsIn(['true', 'false'])
  SCHEDULER_ENABLED?: string;

  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @IsOptional()
  @IsIn(['debug', 'info', 'warn', 'error', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @IsString()
  REGION_CODE?: string;

  @IsOptional()
  @IsString()
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  DOCS_ENABLED?: string;
}

export type DbType = 'sqlite' | 'mysql';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  /** Address to listen on: loopback outside production unless HOST says otherwise. */
  host: string;
  /** Folder for the installation's own files (generated secrets; the SQLite file by default). */
  dataDir: string;
  /** Whether /docs (OpenAPI UI) and /docs-json are served. */
  docsEnabled: boolean;
  db: {
    type: DbType;
    path: string;
    url: string | null;
    replicaUrls: string[];
    /** Connections of the main pool (MySQL), per instance. */
    poolSize: number;
    /** Connections that monitoring and report reads have of their own (MySQL without replicas), per instance. */
    reportPoolSize: number;
  };
  jwt: { secret: string; issuer: string; audience: string; accessTtlSeconds: number; refreshTtlSeconds: number };
  /** 32-byte key for AES-256-GCM and the keyed hash of personal identifiers. */
  dataKey: Buffer;
  /** PKCS#8 PEM of the Ed25519 key that signs card credentials (set, or generated for this installation). */
  cardSigningKey: string;
  /** Keys that no longer sign card credentials but still verify them (CARD_SIGNING_KEYS_RETIRED, comma-separated). */
  cardSigningKeysRetired: string[];
  bootstrapOfficer: { email: string; password: string; fullName: string } | null;
  /**
   * The address people reach the service at (PUBLIC_URL, no trailing slash), for links shared outside
   * it: Open Graph tags, the sitemap. Null: the address of each request.
   */
  publicUrl: string | null;
  /** The office shown on the console's help page and footer (OFFICE_*; Palembang defaults). */
  office: OfficeSettings;
  /** The officer who signs printed cards (CARD_SIGNING_OFFICER_NAME, _NIP; empty: a blank line to sign by hand). */
  cardSigningOfficer: { name: string; nip: string };
  /** How the service reaches people (docs/notifications.md). */
  notifications: NotificationSettings;
  /** REQUIRE_EMAIL_VERIFICATION: an unverified seeker cannot request a card or apply. */
  requireEmailVerification: boolean;
  search: {
    driver: 'database' | 'meilisearch';
    meiliHost: string | null;
    meiliApiKey: string | null;
    meiliIndex: string;
    /** Search results the database driver keeps per instance (SEARCH_CACHE_ENTRIES; 0: none). */
    cacheEntries: number;
    /**
     * How long (ms) an instance answers a repeated search without asking the database whether the set changed
     * (SEARCH_FRESH_MS; 0: it always asks). Its own writes are seen at once; other instances' within this time.
     */
    freshMs: number;
  };
  limits: {
    validationsPerMinute: number;
    /** Wrong NIKs one employer may give for one card number in an hour before its checks of that number are refused. */
    cardMismatchesPerHour: number;
    loginFailuresPerEmail: number;
    loginFailuresPerAddress: number;
    loginWindowSeconds: number;
    registrationsPerHour: number;
    /** Failed claims of a walk-in record (wrong code or NIK) one client address may make in an hour. */
    claimFailuresPerHour: number;
  };
  schedulerEnabled: boolean;
  trustProxy: string | false;
  logLevel: LogLevel;
  /**
   * The first office of this deployment (Kemendagri code without dots): 4 digits a city/regency, 2 a province,
   * `00` the nation. Card numbers start with it (padded to 4 digits).
   */
  regionCode: string;
  /** Redis for counters shared by several instances (rate limits); null keeps them in process. */
  redisUrl: string | null;
  /** Seeker documents (docs/documents.md): where files are kept, and the checklist a card needs. */
  documents: {
    storageDriver: 'database' | 'filesystem';
    /** STORAGE_PATH (filesystem driver), default `<DATA_DIR>/documents`. */
    storagePath: string;
    /** REQUIRED_DOCUMENTS parsed: each requirement is the types that satisfy it (`IJAZAH|SKL` → 2). */
    required: DocumentType[][];
    /** REJECTED_DOCUMENT_RETENTION_DAYS (default 30): a rejected document not replaced by then loses its file. */
    rejectedRetentionDays: number;
  };
  /** Warnings about development defaults, printed once at start. */
  warnings: string[];
}

const INT_KEYS = [
  'PORT',
  'SEARCH_CACHE_ENTRIES',
  'SEARCH_FRESH_MS',
  'VALIDATION_RATE_LIMIT',
  'CARD_MISMATCH_LIMIT',
  'LOGIN_FAILURE_LIMIT_PER_EMAIL',
  'LOGIN_FAILURE_LIMIT_PER_ADDRESS',
  'REGISTRATION_RATE_LIMIT',
  'CLAIM_FAILURE_LIMIT',
  'ACCESS_TOKEN_TTL_SECONDS',
  'REFRESH_TOKEN_TTL_SECONDS',
  'REJECTED_DOCUMENT_RETENTION_DAYS',
] as const;

function parseDataKey(raw: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  const b64 = Buffer.from(raw, 'base64');
  return b64.length === 32 ? b64 : null;
}

/** The office people visit and call: the console's help page, privacy notice and footer. */
export interface OfficeSettings {
  name: string;
  address: string;
  hours: string;
  /** Empty: not shown. */
  phone: string;
  email: string;
}

export const DEFAULT_OFFICE: OfficeSettings = {
  name: 'Dinas Tenaga Kerja Kota Palembang',
  address: 'Kantor Dinas Tenaga Kerja Kota Palembang, Kota Palembang, Sumatera Selatan',
  hours: 'Senin–Jumat, 08.00–15.00 WIB (kecuali hari libur nasional)',
  phone: '',
  email: '',
};

/** Channels that reach people outside the console. */
export interface NotificationSettings {
  /** Base of every link sent by email or WhatsApp: PUBLIC_URL, or http://localhost:PORT. */
  linkBase: string;
  /** SMTP_URL (smtp:// or smtps://); null: no email. */
  smtpUrl: string | null;
  /** MAIL_FROM, the sender of every email. */
  mailFrom: string;
  /** WhatsApp Business Cloud API; null: no WhatsApp. */
  whatsapp: { apiUrl: string; phoneNumberId: string; token: string } | null;
}

/** The bootstrap officer's name when BOOTSTRAP_OFFICER_NAME is not set. */
export const DEFAULT_BOOTSTRAP_OFFICER_NAME = 'Petugas Utama';

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
    throw new ConfigError(
      'DB_TYPE is "mysql" but DB_URL is not set (expected mysql://user:password@host:3306/database).',
    );
  }
  if (env.DB_URL && dbType === 'mysql' && !/^mysql:\/\//.test(env.DB_URL)) {
    throw new ConfigError('DB_URL must start with mysql:// (for example mysql://root@127.0.0.1:3306/ak1).');
  }

  const replicaUrls = (env.DB_REPLICA_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (replicaUrls.length > 0 && dbType !== 'mysql')
    throw new ConfigError('DB_REPLICA_URLS needs DB_TYPE=mysql: the embedded database has no replicas.');
  if (replicaUrls.some((u) => !/^mysql:\/\//.test(u)))
    throw new ConfigError('Every DB_REPLICA_URLS entry must start with mysql:// (comma-separated).');

  // The data folder: DATA_DIR, else the SQLite file's folder, else ./data.
  const dbPath = env.DB_PATH ?? './data/ak1.sqlite';
  const dataDir = env.DATA_DIR ?? (dbType === 'sqlite' ? dirname(dbPath) : './data');

  // Secrets the operator left unset: refused in production; elsewhere made once for this installation
  // and kept under the data folder, never a constant that every installation (and every reader of
  // this source) shares.
  const missing = (['JWT_SECRET', 'DATA_KEY', 'CARD_SIGNING_KEY'] as const).filter((k) => !env[k]);
  if (production && missing.length > 0) {
    const how: Record<(typeof missing)[number], string> = {
      JWT_SECRET: 'at least 32 random characters',
      DATA_KEY: '32 bytes as 64 hex characters or base64',
      CARD_SIGNING_KEY: 'an Ed25519 private key in PKCS#8 PEM',
    };
    throw new ConfigError(`${missing[0]} is required in production (${how[missing[0]]}).`);
  }
  let generated: ReturnType<typeof installationSecrets> | null = null;
  if (missing.length > 0) {
    try {
      generated = installationSecrets(dataDir);
    } catch (e) {
      throw new ConfigError(`The installation's secrets could not be kept in ${dataDir}: ${(e as Error).message}`);
    }
    warnings.push(
      `${missing.join(', ')} not set: using secrets generated for this installation (${generated.path}, readable by its owner only). ` +
        'Set them explicitly in production.',
    );
  }

  const jwtSecret = env.JWT_SECRET ?? generated!.secrets.jwtSecret;
  if (env.JWT_SECRET && (jwtSecret.length < 32 || isWeakSecret(jwtSecret))) {
    const why =
      jwtSecret.length < 32
        ? 'JWT_SECRET is too weak: use at least 32 random characters.'
        : 'JWT_SECRET is too weak: it repeats a pattern or uses too few different characters; use 32 or more random characters.';
    if (production) throw new ConfigError(why);
    warnings.push(`${why} Acceptable only outside production.`);
  }

  const dataKey = parseDataKey(env.DATA_KEY ?? generated!.secrets.dataKey);
  if (!dataKey) throw new ConfigError('DATA_KEY must be 32 bytes written as 64 hex characters or as base64.');
  if (env.DATA_KEY && isWeakSecret(dataKey)) throw new ConfigError('DATA_KEY is too weak: it must be random bytes.');

  const cardSigningKey = (env.CARD_SIGNING_KEY ?? generated!.secrets.cardSigningKey).replace(/\\n/g, '\n');
  const cardSigningKeysRetired = (env.CARD_SIGNING_KEYS_RETIRED ?? '')
    .split(',')
    .map((k) => k.replace(/\\n/g, '\n').trim())
    .filter((k) => k !== '');
  // Refused here, before anything connects: a key that cannot be read stops the start.
  cardSigningKeysRetired.forEach((k, i) => readRetiredSigningKey(k, i + 1));

  const bootstrapOfficer =
    env.BOOTSTRAP_OFFICER_EMAIL && env.BOOTSTRAP_OFFICER_PASSWORD
      ? {
          email: env.BOOTSTRAP_OFFICER_EMAIL.trim().toLowerCase(),
          password: env.BOOTSTRAP_OFFICER_PASSWORD,
          fullName: env.BOOTSTRAP_OFFICER_NAME?.trim() || DEFAULT_BOOTSTRAP_OFFICER_NAME,
        }
      : null;
  if (
    (env.BOOTSTRAP_OFFICER_EMAIL && !env.BOOTSTRAP_OFFICER_PASSWORD) ||
    (!env.BOOTSTRAP_OFFICER_EMAIL && env.BOOTSTRAP_OFFICER_PASSWORD)
  ) {
    throw new ConfigError('BOOTSTRAP_OFFICER_EMAIL and BOOTSTRAP_OFFICER_PASSWORD must be set together.');
  }
  if (bootstrapOfficer && (bootstrapOfficer.password.length < 10 || bootstrapOfficer.password.length > 128)) {
    throw new ConfigError('BOOTSTRAP_OFFICER_PASSWORD must be 10 to 128 characters long.');
  }

  const searchDriver = (env.SEARCH_DRIVER ?? 'database') as 'database' | 'meilisearch';
  if (searchDriver === 'meilisearch' && !env.MEILI_HOST) {
    throw new ConfigError(
      'SEARCH_DRIVER is "meilisearch" but MEILI_HOST is not set (for example http://127.0.0.1:7700).',
    );
  }

  if (env.REDIS_URL && !/^rediss?:\/\//.test(env.REDIS_URL)) {
    throw new ConfigError('REDIS_URL must start with redis:// or rediss:// (for example redis://127.0.0.1:6379).');
  }

  const host = env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1');
  const docsEnabled = (env.DOCS_ENABLED ?? (production ? 'false' : 'true')) === 'true';

  const publicUrl = env.PUBLIC_URL ? env.PUBLIC_URL.trim().replace(/\/+$/, '') : null;
  if (publicUrl !== null && !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(publicUrl)) {
    throw new ConfigError(
      `PUBLIC_URL must be an http(s) address such as https://ak1.palembang.go.id (got "${publicUrl}").`,
    );
  }
  const office: OfficeSettings = {
    name: env.OFFICE_NAME?.trim() || DEFAULT_OFFICE.name,
    address: env.OFFICE_ADDRESS?.trim() || DEFAULT_OFFICE.address,
    hours: env.OFFICE_HOURS?.trim() || DEFAULT_OFFICE.hours,
    phone: env.OFFICE_PHONE?.trim() ?? DEFAULT_OFFICE.phone,
    email: env.OFFICE_EMAIL?.trim() ?? DEFAULT_OFFICE.email,
  };

  if (env.SMTP_URL && !/^smtps?:\/\/[^\s]+$/.test(env.SMTP_URL)) {
    throw new ConfigError('SMTP_URL must look like smtp://user:password@mail.example.go.id:587 (or smtps://).');
  }
  const whatsappKeys = [env.WHATSAPP_API_URL, env.WHATSAPP_PHONE_NUMBER_ID, env.WHATSAPP_TOKEN];
  const whatsappSet = whatsappKeys.filter((v) => v !== undefined).length;
  if (whatsappSet > 0 && whatsappSet < 3) {
    throw new ConfigError('WhatsApp needs all of WHATSAPP_API_URL, WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_TOKEN.');
  }
  if (env.WHATSAPP_API_URL && !/^https?:\/\/[^\s]+$/.test(env.WHATSAPP_API_URL)) {
    throw new ConfigError('WHATSAPP_API_URL must be an http(s) address such as https://graph.facebook.com/v21.0.');
  }
  const notifications: NotificationSettings = {
    linkBase: publicUrl ?? `http://localhost:${env.PORT ?? 3000}`,
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM?.trim() || 'AK1 <no-reply@localhost>',
    whatsapp:
      env.WHATSAPP_API_URL && env.WHATSAPP_PHONE_NUMBER_ID && env.WHATSAPP_TOKEN
        ? {
            apiUrl: env.WHATSAPP_API_URL.replace(/\/+$/, ''),
            phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
            token: env.WHATSAPP_TOKEN,
          }
        : null,
  };

  const regionCode = env.REGION_CODE ?? '1671';
  // 4 digits: a city/regency office (1671); 2 digits: a province office (16); 00: the national office.
  if (!/^(00|(1[1-9]|[2-9]\d)((0[1-9]|[1-9]\d))?)$/.test(regionCode))
    throw new ConfigError(
      'REGION_CODE must be a 4-digit regency/city code (1671), a 2-digit province code (16) or 00 for the nation.',
    );

  return {
    env: nodeEnv,
    port: env.PORT ?? 3000,
    host,
    dataDir,
    docsEnabled,
    db: {
      type: dbType,
      path: dbPath,
      url: env.DB_URL ?? null,
      replicaUrls,
      poolSize: Number(env.DB_POOL_SIZE ?? 20),
      reportPoolSize: Number(env.DB_REPORT_POOL_SIZE ?? 4),
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
    cardSigningKeysRetired,
    bootstrapOfficer,
    publicUrl,
    office,
    cardSigningOfficer: {
      name: env.CARD_SIGNING_OFFICER_NAME?.trim() ?? '',
      nip: env.CARD_SIGNING_OFFICER_NIP?.trim() ?? '',
    },
    notifications,
    requireEmailVerification: env.REQUIRE_EMAIL_VERIFICATION === 'true',
    search: {
      driver: searchDriver,
      meiliHost: env.MEILI_HOST ?? null,
      meiliApiKey: env.MEILI_API_KEY ?? null,
      meiliIndex: env.MEILI_INDEX ?? 'vacancies',
      cacheEntries: env.SEARCH_CACHE_ENTRIES ?? 2000,
      freshMs: env.SEARCH_FRESH_MS ?? 1000,
    },
    limits: {
      validationsPerMinute: env.VALIDATION_RATE_LIMIT ?? 120,
      cardMismatchesPerHour: env.CARD_MISMATCH_LIMIT ?? 5,
      loginFailuresPerEmail: env.LOGIN_FAILURE_LIMIT_PER_EMAIL ?? 10,
      loginFailuresPerAddress: env.LOGIN_FAILURE_LIMIT_PER_ADDRESS ?? 100,
      loginWindowSeconds: 15 * 60,
      registrationsPerHour: env.REGISTRATION_RATE_LIMIT ?? 300,
      claimFailuresPerHour: env.CLAIM_FAILURE_LIMIT ?? 10,
    },
    schedulerEnabled: (env.SCHEDULER_ENABLED ?? (nodeEnv === 'test' ? 'false' : 'true')) === 'true',
    trustProxy: env.TRUST_PROXY ?? false,
    logLevel: (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info')) as LogLevel,
    regionCode,
    redisUrl: env.REDIS_URL ?? null,
    documents: {
      storageDriver: (env.STORAGE_DRIVER ?? 'database') as 'database' | 'filesystem',
      storagePath: env.STORAGE_PATH || join(dataDir, 'documents'),
      // Set but empty means no checklist (unlike most settings, where empty means unset).
      required: parseRequiredDocuments(source.REQUIRED_DOCUMENTS ?? DEFAULT_REQUIRED_DOCUMENTS),
      rejectedRetentionDays: env.REJECTED_DOCUMENT_RETENTION_DAYS ?? 30,
    },
    warnings,
  };
}

/** The types of seeker documents (api.md, "Seeker documents"). */
export const DOCUMENT_TYPES = ['KTP', 'IJAZAH', 'SKL', 'TRANSKRIP', 'PAS_FOTO', 'SURAT_DOMISILI', 'LAINNYA'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DEFAULT_REQUIRED_DOCUMENTS = 'KTP,IJAZAH|SKL,PAS_FOTO';

/** `KTP,IJAZAH|SKL,PAS_FOTO` → [[KTP], [IJAZAH, SKL], [PAS_FOTO]]; empty → no checklist; unknown types refused. */
export function parseRequiredDocuments(raw: string): DocumentType[][] {
  const requirements = raw
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  return requirements.map((requirement) => {
    const types = requirement.split('|').map((t) => t.trim().toUpperCase());
    for (const t of types)
      if (!(DOCUMENT_TYPES as readonly string[]).includes(t))
        throw new ConfigError(
          `REQUIRED_DOCUMENTS names an unknown document type "${t}" (known: ${DOCUMENT_TYPES.join(', ')}; write A|B for either).`,
        );
    return [...new Set(types)] as DocumentType[];
  });
}

/** Injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * A retired card signing key (CARD_SIGNING_KEYS_RETIRED): a PEM (public or private, the old
 * CARD_SIGNING_KEY as it was), or the base64url `x` of its JWK (32 bytes), as /.well-known/jwks.json
 * published it. ConfigError naming its position when it is not an Ed25519 key.
 */
export function readRetiredSigningKey(text: string, position: number): KeyObject {
  let key: KeyObject | null = null;
  try {
    key = text.includes('-----BEGIN')
      ? createPublicKey(text)
      : /^[A-Za-z0-9_-]{43}$/.test(text)
        ? createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: text }, format: 'jwk' })
        : null;
  } catch {
    key = null;
  }
  if (!key || key.asymmetricKeyType !== 'ed25519')
    throw new ConfigError(
      `CARD_SIGNING_KEYS_RETIRED: key ${position} is not an Ed25519 key (a PEM, public or private, or the JWK "x" of the old key).`,
    );
  return key;
}
