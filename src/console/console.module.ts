import { AnonymousPages } from './http/anonymous-pages.js';
import { InboxConsoleController } from './inbox.controller.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module.js';
import { CardValidationModule } from '../card-validation/card-validation.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { CardsModule } from '../cards/cards.module.js';
import { VerifiedEmployerGuard } from '../common/auth/verified-employer.guard.js';
import { EmployersModule } from '../employers/employers.module.js';
import { MatchingModule } from '../matching/matching.module.js';
import { MonitoringModule } from '../monitoring/monitoring.module.js';
import { OutreachModule } from '../outreach/outreach.module.js';
import { PlacementsModule } from '../placements/placements.module.js';
import { ReferralsModule } from '../referrals/referrals.module.js';
import { SearchModule } from '../search/search.module.js';
import { SeekersModule } from '../seekers/seekers.module.js';
import { VacanciesModule } from '../vacancies/vacancies.module.js';
import { AuditNames } from './audit-names.js';
import { CardHolders } from './card-holders.js';
import { EmployerConsoleController } from './employer.controller.js';
import { ConsoleForm } from './forms/console-form.entity.js';
import { ConsoleForms } from './forms/console-forms.service.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard } from './http/console.guard.js';
import { ConsoleNotFoundFilter } from './http/not-found.filter.js';
import { InfoConsoleController } from './info.controller.js';
import { MyApplications } from './my-application.js';
import { OfficerReports } from './officer-reports.js';
import { ReportPlaces } from './report-places.js';
import { OfficerConsoleController } from './officer.controller.js';
import { OfficerOutreachConsoleController } from './officer-outreach.controller.js';
import { OfficerReferenceConsoleController } from './officer-reference.controller.js';
import { OfficerOfficesConsoleController } from './officer-offices.controller.js';
import { PublicCardCheck } from './public-card-check.js';
import { PublicConsoleController } from './public.controller.js';
import { AccountConsoleController } from './account.controller.js';
import { SeekerConsoleController } from './seeker.controller.js';
import { ConsoleSession } from './session/console-session.entity.js';
import { ConsoleSessions } from './session/console-sessions.service.js';
import { ConsoleCsrf } from './session/csrf.js';

/**
 * The web console (issue 8): server-rendered pages at `/` for job seekers, HR staff and officers,
 * acting through the same services as the HTTP API with the signed-in user's AuthUser.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ConsoleSession, ConsoleForm]),
    EmployersModule,
    SeekersModule,
    DocumentsModule,
    CardsModule,
    VacanciesModule,
    PlacementsModule,
    MonitoringModule,
    ApplicationsModule,
    CardValidationModule,
    MatchingModule,
    SearchModule,
    ReferralsModule,
    OutreachModule,
  ],
  controllers: [
    PublicConsoleController,
    AccountConsoleController,
    InfoConsoleController,
    SeekerConsoleController,
    EmployerConsoleController,
    OfficerConsoleController,
    OfficerOutreachConsoleController,
    OfficerReferenceConsoleController,
    OfficerOfficesConsoleController,
    InboxConsoleController,
  ],
  providers: [
    AnonymousPages,
    ConsoleSessions,
    ConsoleCsrf,
    ConsoleForms,
    ConsoleGuard,
    ConsoleErrorFilter,
    ConsoleNotFoundFilter,
    VerifiedEmployerGuard,
    PublicCardCheck,
    OfficerReports,
    ReportPlaces,
    CardHolders,
    AuditNames,
    MyApplications,
  ],
})
export class ConsoleModule {}
