import { ApiKeyEntity } from './api-key.entity.js';
import { CalendarTokenEntity } from './calendar-token.entity.js';
import { OrganisationEntity } from './organisation.entity.js';
import { CreatePlatform1763856100000 } from './1763856100000-create-platform.js';
import { CredentialLife1764500000000 } from './1764500000000-credential-life.js';

export const PLATFORM_ENTITIES = [OrganisationEntity, ApiKeyEntity, CalendarTokenEntity];
export const PLATFORM_MIGRATIONS = [CreatePlatform1763856100000, CredentialLife1764500000000];
