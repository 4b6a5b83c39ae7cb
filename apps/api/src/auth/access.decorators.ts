import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../platform/api-key.entity.js';
import type { Principal } from './principal.js';

export const PUBLIC = 'zairyu:public';
export const REQUIRED_ROLE = 'zairyu:role';
export const ADMIN_ALLOWED = 'zairyu:admin';

/** No bearer token needed (health, docs, the calendar feed with its own token). */
export const Public = () => SetMetadata(PUBLIC, true);
/** The least role an organisation key needs. */
export const RequiresRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);
/** The platform admin token may call this too. */
export const AdminAllowed = () => SetMetadata(ADMIN_ALLOWED, true);

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().principal!;
});
