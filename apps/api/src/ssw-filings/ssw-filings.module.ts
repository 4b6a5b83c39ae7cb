/** SSW filings (特定技能の届出): the annual report, 随時届出 and 面談記録 as Excel, the short forms as PDF. */
import { FeatureModule } from '../bootstrap/feature-module.js';
import { EmployersModule } from '../employers/employers.module.js';
import { PeopleModule } from '../people/people.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { SswFilingsController } from './ssw-filings.controller.js';

@FeatureModule({
  imports: [EmployersModule, ResidentsModule, PeopleModule],
  controllers: [SswFilingsController],
})
export class SswFilingsModule {}
