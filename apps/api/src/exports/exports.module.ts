/** Taking a caseload out: the residents' and deadlines' lists as .csv and .xlsx. */
import { FeatureModule } from '../bootstrap/feature-module.js';
import { EmployersModule } from '../employers/employers.module.js';
import { PeopleModule } from '../people/people.module.js';
import { ExportsController } from './exports.controller.js';

@FeatureModule({
  imports: [EmployersModule, PeopleModule],
  controllers: [ExportsController],
})
export class ExportsModule {}
