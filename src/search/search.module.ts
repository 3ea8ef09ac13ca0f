import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Employer } from '../employers/employer.entity.js';
import { DisabledSearchHealth, SearchHealth } from '../health/search-health.js';
import { Vacancy } from '../vacancies/vacancy.entity.js';
import { DatabaseVacancySearch } from './database-vacancy-search.js';
import { LocalSearchChanges } from './local-search-changes.js';
import { MeiliGateway } from './meili-gateway.js';
import { MeiliVacancySearch } from './meili-vacancy-search.js';
import { MeiliSearchHealth } from './search-health.provider.js';
import { SearchIndexer } from './search-indexer.js';
import { SearchOutboxEntry } from './search-outbox.entity.js';
import { SearchableVacancies } from './searchable-vacancies.js';
import { VacancySearch } from './vacancy-search.js';

const meiliOn = (config: AppConfig) => config.search.driver === 'meilisearch';

/**
 * The vacancy search port, its two drivers (chosen by SEARCH_DRIVER), the database driver's index and its owner
 * (SearchableVacancies, which the writers call), the Meilisearch outbox and its worker.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Vacancy, Employer, SearchOutboxEntry])],
  providers: [
    DatabaseVacancySearch,
    LocalSearchChanges,
    MeiliGateway,
    MeiliVacancySearch,
    SearchIndexer,
    SearchableVacancies,
    {
      provide: VacancySearch,
      inject: [APP_CONFIG, DatabaseVacancySearch, MeiliVacancySearch],
      useFactory: (config: AppConfig, database: DatabaseVacancySearch, meili: MeiliVacancySearch) =>
        meiliOn(config) ? meili : database,
    },
    {
      provide: SearchHealth,
      inject: [APP_CONFIG, MeiliGateway, SearchIndexer],
      useFactory: (config: AppConfig, gateway: MeiliGateway, indexer: SearchIndexer) =>
        meiliOn(config) ? new MeiliSearchHealth(gateway, indexer) : new DisabledSearchHealth(),
    },
  ],
  exports: [VacancySearch, DatabaseVacancySearch, SearchIndexer, SearchableVacancies, SearchHealth],
})
export class SearchModule {}
