/** The platform: organisations, their API keys and calendar tokens, and the tables behind them. */
import { FeatureModule } from '../bootstrap/feature-module.js';
import { PeopleModule } from '../people/people.module.js';
import { CreatePlatform1763856100000 } from './1763856100000-create-platform.js';
import { CredentialLife1764500000000 } from './1764500000000-credential-life.js';
import { ApiKeyEntity } from '../auth/api-key.entity.js';
import { CalendarTokenEntity } from '../auth/calendar-token.entity.js';
import { ListCredentialsHandler, RevokeCredentialHandler } from './credential-life.js';
import { CredentialsController } from './credentials.controller.js';
import { OrganisationEntity } from './organisation.entity.js';
import { OrganisationsController } from './organisations.controller.js';
import { CreateOrganisationHandler, IssueApiKeyHandler, IssueCalendarTokenHandler } from './platform-commands.js';
import { PLATFORM_SCHEMAS } from './platform-schemas.js';
import { SetupController } from './setup.controller.js';

@FeatureModule({
  imports: [PeopleModule],
  controllers: [SetupController, OrganisationsController, CredentialsController],
  providers: [CreateOrganisationHandler, IssueApiKeyHandler, IssueCalendarTokenHandler, ListCredentialsHandler, RevokeCredentialHandler],
  schemas: [PLATFORM_SCHEMAS],
  migrations: [CreatePlatform1763856100000, CredentialLife1764500000000],
  entities: [OrganisationEntity, ApiKeyEntity, CalendarTokenEntity],
})
export class PlatformModule {}
