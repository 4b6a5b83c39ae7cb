/** What the bootstrap opened before Nest started, given to every feature (a global module). */
import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { EVENT_STORE } from '@zairyu/event-store';
import { ReadModelSeal } from '@zairyu/read-model';
import { ResidentKeys } from '@zairyu/resident-streams';
import { CredentialsService } from '../auth/credentials.service.js';
import type { Runtime } from './runtime.js';
import { APP_CONFIG, CLOCK, DATA_SOURCE, KEPT_FOLDS, PG_POOL, PROJECTION, type AppConfig, type Clock } from './tokens.js';

@Global()
@Module({})
export class RuntimeModule {
  static of(runtime: Runtime, config: AppConfig, clock: Clock): DynamicModule {
    const values: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: CLOCK, useValue: clock },
      { provide: PG_POOL, useValue: runtime.pool },
      { provide: EVENT_STORE, useValue: runtime.store },
      { provide: DATA_SOURCE, useValue: runtime.dataSource },
      { provide: PROJECTION, useValue: runtime.projection },
      { provide: KEPT_FOLDS, useValue: runtime.keptFolds },
      { provide: ResidentKeys, useValue: runtime.residentKeys },
      { provide: ReadModelSeal, useValue: runtime.readModelSeal },
    ];
    return {
      module: RuntimeModule,
      providers: [...values, CredentialsService],
      exports: [
        APP_CONFIG,
        CLOCK,
        PG_POOL,
        EVENT_STORE,
        DATA_SOURCE,
        PROJECTION,
        KEPT_FOLDS,
        ResidentKeys,
        ReadModelSeal,
        CredentialsService,
      ],
    };
  }
}
