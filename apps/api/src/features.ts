/**
 * Every feature of the API, once. A feature's module (`<feature>/<feature>.module.ts`) owns its
 * controllers, providers, schemas and migrations; a new controller goes into its feature's
 * module, a new feature's module into this list.
 */
import { CardsModule } from './cards/cards.module.js';
import { DeadlinesModule } from './deadlines/deadlines.module.js';
import { EmployersModule } from './employers/employers.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { HealthModule } from './health/health.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { MattersModule } from './matters/matters.module.js';
import { PeopleModule } from './people/people.module.js';
import { PersonalDataModule } from './personal-data/personal-data.module.js';
import { PlatformModule } from './platform/platform.module.js';
import { RemindersModule } from './reminders/reminders.module.js';
import { ResidentsModule } from './residents/residents.module.js';
import { SswFilingsModule } from './ssw-filings/ssw-filings.module.js';

export const FEATURES = [
  HealthModule,
  PlatformModule,
  ResidentsModule,
  DeadlinesModule,
  CardsModule,
  PeopleModule,
  RemindersModule,
  PersonalDataModule,
  EmployersModule,
  ImportsModule,
  ExportsModule,
  MattersModule,
  SswFilingsModule,
];
