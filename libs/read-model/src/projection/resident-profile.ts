/**
 * The optional identity fields of a resident (docs/api-v1.md additions), null where not given. The one
 * in charge (`assignedTo`) has its own column (CaseAssigned), so it is not repeated here.
 */
import type { ResidentIdentity } from '@zairyu/domain';

export interface ResidentProfile {
  nameKana: string | null;
  nameNative: string | null;
  passportNumber: string | null;
  passportExpiresOn: string | null;
  phone: string | null;
  email: string | null;
  employer: string | null;
}

export function residentProfile(identity: Partial<ResidentIdentity>): ResidentProfile {
  return {
    nameKana: identity.nameKana ?? null,
    nameNative: identity.nameNative ?? null,
    passportNumber: identity.passportNumber ?? null,
    passportExpiresOn: identity.passportExpiresOn ?? null,
    phone: identity.phone ?? null,
    email: identity.email ?? null,
    employer: identity.employer ?? null,
  };
}
