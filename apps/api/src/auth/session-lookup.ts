/**
 * The session behind a cookie, as the guard needs it. The people feature keeps the sessions and
 * provides this port (people.module.ts), so the shared edge depends on no feature.
 */
import type { Role } from './principal.js';

/** A live session, as the guard knows its caller from it. */
export interface LiveSession {
  sessionId: string;
  userId: string;
  organisationId: string;
  name: string;
  role: Role;
  mustEnrolTotp: boolean;
}

export abstract class SessionLookup {
  /** The live session of this secret (its idle time restarted), or null when it has ended. */
  abstract touch(secret: string): Promise<LiveSession | null>;
}
