/** People: users, sessions, invitations, TOTP and the security log; others use its names, assignees, sessions and log. */
import { APP_CONFIG, type AppConfig } from '../bootstrap/tokens.js';
import { FeatureModule } from '../bootstrap/feature-module.js';
import { CreatePeople1763856200000 } from './1763856200000-create-people.js';
import { AccessLinks } from './access-links.js';
import { DisplayNames } from './display-names.js';
import { InvitationMail } from './invitation-mail.js';
import { InvitationsController } from './invitations.controller.js';
import { MeController } from './me.controller.js';
import { OrganisationPeopleController } from './organisation-people.controller.js';
import { OrganisationPeople } from './organisation-people.service.js';
import { DEFAULT_PEOPLE_CONFIG } from './people-config.js';
import { PEOPLE_SCHEMAS } from './people-schemas.js';
import { PEOPLE_SETTINGS } from './people-settings.js';
import { Passwords } from './passwords.js';
import { SecondFactor } from './second-factor.js';
import { SecurityLog } from './security-log.js';
import { SessionController } from './session.controller.js';
import { SessionLookup } from '../auth/session-lookup.js';
import { SessionStore } from './session-store.js';
import { SetPasswordService } from './set-password.service.js';
import { SignInService } from './sign-in.service.js';
import { SignInThrottle } from './sign-in-throttle.js';

@FeatureModule({
  controllers: [SessionController, MeController, InvitationsController, OrganisationPeopleController],
  providers: [
    { provide: PEOPLE_SETTINGS, useFactory: (config: AppConfig) => ({ ...DEFAULT_PEOPLE_CONFIG, ...config.people }), inject: [APP_CONFIG] },
    AccessLinks,
    DisplayNames,
    InvitationMail,
    OrganisationPeople,
    Passwords,
    SecondFactor,
    SecurityLog,
    SessionStore,
    // The guard finds the caller's session through this port (auth/ knows no feature).
    { provide: SessionLookup, useExisting: SessionStore },
    SetPasswordService,
    SignInService,
    SignInThrottle,
  ],
  exports: [PEOPLE_SETTINGS, DisplayNames, OrganisationPeople, SecurityLog, SessionLookup],
  schemas: [PEOPLE_SCHEMAS],
  migrations: [CreatePeople1763856200000],
})
export class PeopleModule {}
