/** Employers (所属機関) and the organisation's own registration; the import and the exports use both. */
import { FeatureModule } from '../bootstrap/feature-module.js';
import { CreateEmployers1763856350000 } from './1763856350000-create-employers.js';
import { OrganisationNotices1764900000000 } from './1764900000000-organisation-notices.js';
import { OrganisationAnnualReport1765000000000 } from './1765000000000-organisation-annual-report.js';
import { OrganisationFilingParticulars1765100000000 } from './1765100000000-organisation-filing-particulars.js';
import { EMPLOYER_SCHEMAS } from './employer-schemas.js';
import { EmployersController } from './employers.controller.js';
import { EmployersService } from './employers.service.js';
import { OrganisationRegistrationController, OrganisationRegistrations } from './organisation-registration.js';

@FeatureModule({
  controllers: [EmployersController, OrganisationRegistrationController],
  providers: [EmployersService, OrganisationRegistrations],
  exports: [EmployersService, OrganisationRegistrations],
  schemas: [EMPLOYER_SCHEMAS],
  migrations: [
    CreateEmployers1763856350000,
    OrganisationNotices1764900000000,
    OrganisationAnnualReport1765000000000,
    OrganisationFilingParticulars1765100000000,
  ],
})
export class EmployersModule {}
