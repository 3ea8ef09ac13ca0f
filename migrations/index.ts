import { Foundation1764230400000 } from './1764230400000-foundation.js';
import { SeekersCards1764230500000 } from './1764230500000-seekers-cards.js';
import { VacanciesSearch1764230600000 } from './1764230600000-vacancies-search.js';
import { ApplicationsPlacements1764230700000 } from './1764230700000-applications-placements.js';
import { LabourStatistics1764230800000 } from './1764230800000-labour-statistics.js';
import { ConsoleSessions1764230900000 } from './1764230900000-console-sessions.js';
import { JobRuns1764231100000 } from './1764231100000-job-runs.js';
import { ReportIndexes1764231000000 } from './1764231000000-report-indexes.js';
import { KnownDevices1764231300000 } from './1764231300000-known-devices.js';
import { Referrals1764231400000 } from './1764231400000-referrals.js';
import { ApplicationConsent1764231500000 } from './1764231500000-application-consent.js';
import { ConsoleForms1764231600000 } from './1764231600000-console-forms.js';
import { ApplicationsSeekerIndex1764231700000 } from './1764231700000-applications-seeker-index.js';
import { SearchableVacancies1764231900000 } from './1764231900000-searchable-vacancies.js';
import { Notifications1764232000000 } from './1764232000000-notifications.js';
import { Accounts1764232100000 } from './1764232100000-accounts.js';
import { Outreach1764232200000 } from './1764232200000-outreach.js';

import { VacancyOutcomes1764232400000 } from './1764232400000-vacancy-outcomes.js';
import { OutcomeIndexes1764232600000 } from './1764232600000-outcome-indexes.js';
import { SeekerDocuments1764232700000 } from './1764232700000-seeker-documents.js';
import { DocumentPurge1764233100000 } from './1764233100000-document-purge.js';
import { IpkDimensions1764232800000 } from './1764232800000-ipk-dimensions.js';
import { PlacementVoid1764233000000 } from './1764233000000-placement-void.js';
import { ReferenceCodes1764232900000 } from './1764232900000-reference-codes.js';
import { Offices1764233400000 } from './1764233400000-offices.js';
import { OfficePeriods1764233600000 } from './1764233600000-office-periods.js';
import { CampaignOffices1764320000000 } from './1764320000000-campaign-offices.js';
import { CardsOverdueIndex1764400000000 } from './1764400000000-cards-overdue-index.js';

/** Every migration, oldest first. Add new ones at the end. */
export const migrations = [
  Foundation1764230400000,
  SeekersCards1764230500000,
  VacanciesSearch1764230600000,
  ApplicationsPlacements1764230700000,
  LabourStatistics1764230800000,
  ConsoleSessions1764230900000,
  ReportIndexes1764231000000,
  JobRuns1764231100000,
  KnownDevices1764231300000,
  Referrals1764231400000,
  ApplicationConsent1764231500000,
  ConsoleForms1764231600000,
  ApplicationsSeekerIndex1764231700000,
  SearchableVacancies1764231900000,
  Notifications1764232000000,
  Accounts1764232100000,
  Outreach1764232200000,
  VacancyOutcomes1764232400000,
  OutcomeIndexes1764232600000,
  SeekerDocuments1764232700000,
  IpkDimensions1764232800000,
  ReferenceCodes1764232900000,
  PlacementVoid1764233000000,
  DocumentPurge1764233100000,
  Offices1764233400000,
  OfficePeriods1764233600000,
  CampaignOffices1764320000000,
  CardsOverdueIndex1764400000000,
];
