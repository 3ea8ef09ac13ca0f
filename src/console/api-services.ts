import { Injectable, type OnModuleInit, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApplicationsService } from '../applications/applications.service.js';
import { AuditQueryService } from '../audit/audit-query.service.js';
import { CardCredentials } from '../card-validation/card-credentials.js';
import { CardValidationService } from '../card-validation/card-validation.service.js';
import { MatchingService } from '../matching/matching.service.js';

/**
 * The API's own service instances that their modules do not export. The console must act through the
 * very same objects the HTTP API uses (same rules, same rate-limit state), not through copies, so it
 * looks them up in the application once every module is built, instead of providing its own.
 */
@Injectable()
export class ApiServices implements OnModuleInit {
  applications!: ApplicationsService;
  audit!: AuditQueryService;
  credentials!: CardCredentials;
  validations!: CardValidationService;
  matching!: MatchingService;

  constructor(private readonly ref: ModuleRef) {}

  onModuleInit(): void {
    const get = <T>(type: Type<T>): T => this.ref.get(type, { strict: false });
    this.applications = get(ApplicationsService);
    this.audit = get(AuditQueryService);
    this.credentials = get(CardCredentials);
    this.validations = get(CardValidationService);
    this.matching = get(MatchingService);
  }
}
