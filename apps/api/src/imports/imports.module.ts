/** Taking a caseload in: POST /v1/imports and its template. */
import { FeatureModule } from '../bootstrap/feature-module.js';
import { EmployersModule } from '../employers/employers.module.js';
import { PeopleModule } from '../people/people.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { CaseloadImport } from './caseload-import.service.js';
import { ImportLock } from './import-lock.js';
import { IMPORT_SCHEMAS } from './import-schemas.js';
import { ImportsController } from './imports.controller.js';

/** The one route that takes multipart/form-data (http/json-only.ts refuses it elsewhere). */
export const IMPORTS_PATH = '/v1/imports';

@FeatureModule({
  imports: [ResidentsModule, EmployersModule, PeopleModule],
  controllers: [ImportsController],
  providers: [CaseloadImport, ImportLock],
  schemas: [IMPORT_SCHEMAS],
})
export class ImportsModule {}
