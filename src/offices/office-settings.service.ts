import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/domain-error.js';
import {
  APP_CONFIG,
  ConfigError,
  parseRequiredDocuments,
  type AppConfig,
  type DocumentType,
} from '../config/config.js';
import type { OverdueRules } from '../cards/card-lifecycle.js';
import type { UpdateOfficeSettingsDto } from './dto/office.dto.js';
import { OfficeScope } from './office-scope.js';
import { fieldInvalid } from './offices.errors.js';
import { OfficesService } from './offices.service.js';

/** What an office may set for itself (stored as JSON in `offices.settings`); anything absent is the deployment's. */
export interface OfficeSettingsValues {
  requiredDocuments?: string;
  signingOfficer?: { name: string; nip: string };
  letterhead?: { name: string; address: string };
  overdueRule?: { graceDays: number };
}

/** `GET`/`PATCH /offices/:id/settings`: the office's own values (null: not set) and those in force. */
export interface OfficeSettingsView {
  officeId: string;
  requiredDocuments: string | null;
  signingOfficer: { name: string; nip: string } | null;
  letterhead: { name: string; address: string } | null;
  overdueRule: { graceDays: number } | null;
  effective: {
    requiredDocuments: string;
    signingOfficer: { name: string; nip: string };
    letterhead: { name: string; address: string };
    overdueRule: { graceDays: number };
  };
}

/**
 * How long an instance trusts its copy of an office's settings. A PATCH empties the copy of the instance
 * that took it at once; the other instances of a cluster see the change within this time.
 */
export const OFFICE_SETTINGS_TTL_MS = 30_000;

const KEYS = ['requiredDocuments', 'signingOfficer', 'letterhead', 'overdueRule'] as const;

/**
 * Per-office settings read where the global ones were (the card's signing officer and letterhead, the
 * documents checklist, the overdue rule): the office's own value, else the environment's. Cached per
 * office and instance for OFFICE_SETTINGS_TTL_MS.
 */
@Injectable()
export class OfficeSettings {
  private readonly cache = new Map<string, { values: OfficeSettingsValues; at: number }>();
  private rules: { value: OverdueRules; at: number } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly offices: OfficesService,
    private readonly clock: Clock,
    private readonly scope: OfficeScope,
  ) {}

  /** The checklist a card needs: each requirement is the types that satisfy it. */
  async requiredDocuments(officeId: string | null): Promise<DocumentType[][]> {
    const own = (await this.values(officeId)).requiredDocuments;
    return own === undefined ? this.config.documents.required : parseRequiredDocuments(own);
  }

  /** The officer whose name and NIP are printed on cards (empty: a blank line to sign by hand). */
  async signingOfficer(officeId: string | null): Promise<{ name: string; nip: string }> {
    return (await this.values(officeId)).signingOfficer ?? this.config.cardSigningOfficer;
  }

  /** The office name and address printed at the head of cards. */
  async letterhead(officeId: string | null): Promise<{ name: string; address: string }> {
    return (
      (await this.values(officeId)).letterhead ?? { name: this.config.office.name, address: this.config.office.address }
    );
  }

  /** The office's own letterhead, or null when it has none (then the environment's is printed). */
  async ownLetterhead(officeId: string | null): Promise<{ name: string; address: string } | null> {
    return (await this.values(officeId)).letterhead ?? null;
  }

  /** Days after the due date before a missed report counts as overdue (the deployment's rule: 0). */
  async overdueRule(officeId: string | null): Promise<{ graceDays: number }> {
    return (await this.values(officeId)).overdueRule ?? { graceDays: 0 };
  }

  /**
   * The overdue rule of every office at once (card-lifecycle.ts `OverdueRules`): what every reader of
   * "overdue" uses, the JS check of one card and the SQL of lists and counts alike, so they agree. One read
   * of the offices that have settings, cached per instance for OFFICE_SETTINGS_TTL_MS like the rest.
   */
  async overdueRules(): Promise<OverdueRules> {
    const now = this.clock.now().getTime();
    const hit = this.rules;
    if (hit && now - hit.at < OFFICE_SETTINGS_TTL_MS && now >= hit.at) return hit.value;
    const graceDays = new Map<string, number>();
    for (const row of await this.offices.allStoredSettings()) {
      const days = parse(row.settings).overdueRule?.graceDays;
      if (Number.isInteger(days) && days! > 0) graceDays.set(row.id, days!);
    }
    const value: OverdueRules = { rootId: this.offices.rootId(), graceDays };
    this.rules = { value, at: now };
    return value;
  }

  /**
   * `GET /offices/:id/settings`: officers of the office, of the offices above it and below it; another
   * branch's office (a sibling city) answers 404 like an unknown one (OfficeScope.requireOfficeReadable).
   */
  async view(actor: AuthUser, officeId: string): Promise<OfficeSettingsView> {
    await this.scope.requireOfficeReadable(actor, officeId);
    const stored = await this.offices.storedSettings(officeId);
    if (stored === undefined) throw notFound('The office');
    const own = parse(stored);
    this.cache.set(officeId, { values: own, at: this.clock.now().getTime() });
    return {
      officeId,
      requiredDocuments: own.requiredDocuments ?? null,
      signingOfficer: own.signingOfficer ?? null,
      letterhead: own.letterhead ?? null,
      overdueRule: own.overdueRule ?? null,
      effective: {
        requiredDocuments: (await this.requiredDocuments(officeId)).map((r) => r.join('|')).join(','),
        signingOfficer: await this.signingOfficer(officeId),
        letterhead: await this.letterhead(officeId),
        overdueRule: await this.overdueRule(officeId),
      },
    };
  }

  /** `PATCH /offices/:id/settings`: officers of the office or of one above it. */
  async update(actor: AuthUser, officeId: string, dto: UpdateOfficeSettingsDto): Promise<OfficeSettingsView> {
    await this.offices.requireManaged(actor, officeId);
    const before = parse((await this.offices.storedSettings(officeId)) ?? null);
    const next: OfficeSettingsValues = { ...before };
    for (const key of KEYS) {
      const value = dto[key];
      if (value === undefined) continue;
      if (value === null) delete next[key];
      else if (key === 'requiredDocuments') next.requiredDocuments = normaliseRequirements(value as string);
      else if (key === 'signingOfficer')
        next.signingOfficer = { name: dto.signingOfficer!.name.trim(), nip: dto.signingOfficer!.nip };
      else if (key === 'letterhead')
        next.letterhead = { name: dto.letterhead!.name.trim(), address: dto.letterhead!.address.trim() };
      else next.overdueRule = { graceDays: dto.overdueRule!.graceDays };
    }
    await this.offices.writeSettings(actor, officeId, before, next as Record<string, unknown>);
    this.invalidate(officeId);
    return this.view(actor, officeId);
  }

  /** Forgets this instance's copy of an office's settings. */
  invalidate(officeId: string): void {
    this.cache.delete(officeId);
    this.rules = null;
  }

  private async values(officeId: string | null): Promise<OfficeSettingsValues> {
    const id = officeId ?? this.offices.rootId();
    const now = this.clock.now().getTime();
    const hit = this.cache.get(id);
    if (hit && now - hit.at < OFFICE_SETTINGS_TTL_MS && now >= hit.at) return hit.values;
    const values = parse((await this.offices.storedSettings(id)) ?? null);
    this.cache.set(id, { values, at: now });
    return values;
  }
}

/** The stored JSON, read defensively: anything that is not an object is no settings. */
function parse(text: string | null): OfficeSettingsValues {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as OfficeSettingsValues) : {};
  } catch {
    return {};
  }
}

/** REQUIRED_DOCUMENTS syntax, checked and written back tidily (`ktp, ijazah|skl` → `KTP,IJAZAH|SKL`); 400 otherwise. */
function normaliseRequirements(raw: string): string {
  try {
    return parseRequiredDocuments(raw)
      .map((r) => r.join('|'))
      .join(',');
  } catch (err) {
    if (err instanceof ConfigError)
      throw fieldInvalid('requiredDocuments', err.message.replace('REQUIRED_DOCUMENTS', 'requiredDocuments'));
    throw err;
  }
}
