/** Personal data: disclosure and erasure (erasure destroys the resident's data key: the runtime's ResidentKeys). */
import { FeatureModule } from '../bootstrap/feature-module.js';
import { PeopleModule } from '../people/people.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { DisclosureExport } from './disclosure-export.js';
import { EraseResident } from './erase-resident.js';
import { PERSONAL_DATA_SCHEMAS } from './personal-data-schemas.js';
import { PersonalDataController } from './personal-data.controller.js';

@FeatureModule({
  imports: [ResidentsModule, PeopleModule],
  controllers: [PersonalDataController],
  providers: [DisclosureExport, EraseResident],
  schemas: [PERSONAL_DATA_SCHEMAS],
})
export class PersonalDataModule {}
