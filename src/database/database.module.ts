import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { DatabaseProbe } from './database-probe.js';
import { dataSourceOptions, openDataSource } from './data-source.js';
import { PreparedStatements } from './prepared-statements.js';
import { ReportingReads } from './reporting-reads.js';
import { StalledRequests } from './stalled-requests.js';
import { Transactions } from './transactions.js';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(config),
            autoLoadEntities: true,
            // Start-up failures must stop the process with one sentence, not retry for half a minute.
            retryAttempts: 0,
          }),
          dataSourceFactory: async (options) => {
            const ds = await openDataSource(config, options as DataSourceOptions);
            new Logger('Database').log(`connected (${ds.options.type}), migrations applied`);
            return ds;
          },
        }),
      ],
      providers: [Transactions, DatabaseProbe, ReportingReads, StalledRequests, PreparedStatements],
      exports: [Transactions, DatabaseProbe, ReportingReads, StalledRequests, PreparedStatements],
    };
  }
}
