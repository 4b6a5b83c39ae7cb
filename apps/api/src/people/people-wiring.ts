/** What AppModule adds for people: controllers and providers of users, sessions, TOTP and the security log. */
import type { Provider } from '@nestjs/common';
import type { AppConfig } from '../bootstrap/tokens.js';
import { AccessLinks } from './access-links.js';
import { Assignees } from './assignment.js';
import { AssigneesController } from './assignees.controller.js';
import { DisplayNames } from './display-names.js';
import { InvitationMail } from './invitation-mail.js';
import { InvitationsController } from './invitations.controller.js';
import { MeController } from './me.controller.js';
import { OrganisationPeopleController } from './organisation-people.controller.js';
import { OrganisationPeople } from './organisation-people.service.js';
import { DEFAULT_PEOPLE_CONFIG } from './people-config.js';
import { PEOPLE_SETTINGS } from './people-settings.js';
import { Passwords } from './passwords.js';
import { SecondFactor } from './second-factor.js';
import { SecurityLog } from './security-log.js';
import { SessionController } from './session.controller.js';
import { SessionStore } from './session-store.js';
import { SetPasswordService } from './set-password.service.js';
import { SignInService } from './sign-in.service.js';
import { SignInThrottle } from './sign-in-throttle.js';

export const PEOPLE_CONTROLLERS = [
  SessionController,
  MeController,
  InvitationsController,
  OrganisationPeopleController,
  AssigneesController,
];

export function peopleProviders(config: AppConfig): Provider[] {
  return [
    { provide: PEOPLE_SETTINGS, useValue: { ...DEFAULT_PEOPLE_CONFIG, ...config.people } },
    AccessLinks,
    Assignees,
    DisplayNames,
    InvitationMail,
    OrganisationPeople,
    Passwords,
    SecondFactor,
    SecurityLog,
    SessionStore,
    SetPasswordService,
    SignInService,
    SignInThrottle,
  ];
}
