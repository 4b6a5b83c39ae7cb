import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE } from '@zairyu/event-store';
import { ReadModelSeal } from '@zairyu/read-model';
import { AuthGuard } from './auth/auth.guard.js';
import { CredentialsService } from './auth/credentials.service.js';
import type { Runtime } from './bootstrap/runtime.js';
import { APP_CONFIG, CLOCK, DATA_SOURCE, KEPT_FOLDS, PG_POOL, PROJECTION, type AppConfig, type Clock } from './bootstrap/tokens.js';
import { CardsController } from './cards/cards.controller.js';
import { GetCardHandler } from './cards/get-card.handler.js';
import { DeadlinesController } from './deadlines/deadlines.controller.js';
import { ListDeadlinesHandler } from './deadlines/list-deadlines.handler.js';
import { HealthController } from './health/health.controller.js';
import { ProjectionQuarantineController } from './health/projection-quarantine.controller.js';
import { ProblemFilter } from './http/problem-filter.js';
import { OrganisationsController } from './platform/organisations.controller.js';
import { CredentialsController } from './platform/credentials.controller.js';
import { ListCredentialsHandler, RevokeCredentialHandler } from './platform/credential-life.js';
import { PEOPLE_CONTROLLERS, peopleProviders } from './people/people-wiring.js';
import { REMINDERS_CONTROLLERS, remindersProviders } from './reminders/reminders-wiring.js';
import { PERSONAL_DATA_CONTROLLERS, personalDataProviders } from './personal-data/personal-data-wiring.js';
import { EMPLOYER_CONTROLLERS, EMPLOYER_PROVIDERS } from './employers/employers-wiring.js';
import { IMPORTS_CONTROLLERS, IMPORTS_PROVIDERS } from './imports/imports-wiring.js';
import { MATTER_CONTROLLERS, MATTER_PROVIDERS } from './matters/matters-wiring.js';
import { SswFilingsController } from './ssw-filings/ssw-filings.controller.js';
import { CreateOrganisationHandler, IssueApiKeyHandler, IssueCalendarTokenHandler } from './platform/platform-commands.js';
import { ListResidentsHandler } from './residents/list-residents.handler.js';
import { RecordEventHandler } from './residents/record-event.handler.js';
import { AssignResidentsHandler } from './residents/bulk-assignment.js';
import { BulkAssignmentController } from './residents/bulk-assignment.controller.js';
import { SetupController } from './platform/setup.controller.js';
import { RegisterResidentHandler } from './residents/register-resident.handler.js';
import { ResidentLedger } from './residents/resident-ledger.service.js';
import { ResidentWriter } from './residents/resident-writer.js';
import { PossibleDuplicates } from './residents/possible-duplicates.js';
import { GetResidentHandler } from './residents/resident-queries.js';
import { ResidentsController } from './residents/residents.controller.js';
import { ResidentTimelineController } from './residents/timeline.controller.js';

@Module({})
export class AppModule {
  static forRuntime(runtime: Runtime, config: AppConfig, clock: Clock = () => new Date()): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [
        HealthController,
        ProjectionQuarantineController,
        SetupController,
        OrganisationsController,
        CredentialsController,
        // Before ResidentsController: `assignments` is no resident id.
        BulkAssignmentController,
        ResidentsController,
        DeadlinesController,
        CardsController,
        ...PEOPLE_CONTROLLERS,
        ResidentTimelineController,
        ...REMINDERS_CONTROLLERS,
        ...PERSONAL_DATA_CONTROLLERS,
        ...EMPLOYER_CONTROLLERS,
        ...IMPORTS_CONTROLLERS,
        ...MATTER_CONTROLLERS,
        SswFilingsController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: PG_POOL, useValue: runtime.pool },
        { provide: EVENT_STORE, useValue: runtime.store },
        { provide: DATA_SOURCE, useValue: runtime.dataSource },
        { provide: PROJECTION, useValue: runtime.projection },
        { provide: KEPT_FOLDS, useValue: runtime.keptFolds },
        { provide: ReadModelSeal, useValue: runtime.readModelSeal },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        CredentialsService,
        ResidentLedger,
        ResidentWriter,
        PossibleDuplicates,
        RegisterResidentHandler,
        RecordEventHandler,
        AssignResidentsHandler,
        GetResidentHandler,
        ListResidentsHandler,
        ListDeadlinesHandler,
        GetCardHandler,
        CreateOrganisationHandler,
        IssueApiKeyHandler,
        IssueCalendarTokenHandler,
        ListCredentialsHandler,
        RevokeCredentialHandler,
        ...peopleProviders(config),
        ...remindersProviders(config),
        ...personalDataProviders(runtime),
        ...EMPLOYER_PROVIDERS,
        ...IMPORTS_PROVIDERS,
        ...MATTER_PROVIDERS,
      ],
    };
  }
}
