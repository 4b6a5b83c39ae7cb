/** What AppModule adds for employers (所属機関) and the organisation's own registration. */
import { EmployersController } from './employers.controller.js';
import { EmployersService } from './employers.service.js';
import { OrganisationRegistrationController, OrganisationRegistrations } from './organisation-registration.js';
import { CreateEmployers1763856350000 } from './1763856350000-create-employers.js';
import { OrganisationNotices1764900000000 } from './1764900000000-organisation-notices.js';
import { OrganisationAnnualReport1765000000000 } from './1765000000000-organisation-annual-report.js';
import { OrganisationFilingParticulars1765100000000 } from './1765100000000-organisation-filing-particulars.js';

export const EMPLOYER_CONTROLLERS = [EmployersController, OrganisationRegistrationController];
export const EMPLOYER_PROVIDERS = [EmployersService, OrganisationRegistrations];
export const EMPLOYER_MIGRATIONS = [
  CreateEmployers1763856350000,
  OrganisationNotices1764900000000,
  OrganisationAnnualReport1765000000000,
  OrganisationFilingParticulars1765100000000,
];
