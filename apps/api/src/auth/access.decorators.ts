import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Role } from './principal.js';
import type { OrganisationCaller, Principal } from './principal.js';
import { notPermitted } from '../failures/failure.js';

export const PUBLIC = 'zairyu:public';
export const REQUIRED_ROLE = 'zairyu:role';
export const ADMIN_ALLOWED = 'zairyu:admin';
export const BEFORE_TOTP = 'zairyu:before-totp';

/** No bearer token needed (health, docs, the calendar feed with its own token). */
export const Public = () => SetMetadata(PUBLIC, true);
/** The least role an organisation key needs. */
export const RequiresRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);
/** The platform admin token may call this too. */
export const AdminAllowed = () => SetMetadata(ADMIN_ALLOWED, true);

/** A signed-in person whose organisation requires TOTP may call this before setting it up. */
export const AllowedBeforeTotp = () => SetMetadata(BEFORE_TOTP, true);

/** `sessionSecret`: set when the caller came with the session cookie (not a bearer token). */
export type AuthenticatedRequest = FastifyRequest & { principal?: Principal; sessionSecret?: string };

export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().principal!;
});

/**
 * The caller acting for an organisation (an API key or a signed-in person). The admin token
 * reaches a handler only where @AdminAllowed; there it is refused here, so no controller casts.
 */
export const OrgKey = createParamDecorator((_: unknown, context: ExecutionContext): OrganisationCaller => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal!;
  if (principal.kind !== 'key') throw notPermitted('Use an organisation key or sign in.');
  return principal;
});
