/**
 * Every route needs a bearer token unless marked @Public. Organisation data needs an
 * organisation key with at least the route's role; the admin token only reaches routes
 * marked @AdminAllowed (it has no caseload of its own).
 */
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../platform/api-key.entity.js';
import { forbidden, unauthorized } from '../http/problem.js';
import { ADMIN_ALLOWED, PUBLIC, REQUIRED_ROLE, type AuthenticatedRequest } from './access.decorators.js';
import { CredentialsService } from './credentials.service.js';
import { hasRole } from './principal.js';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: CredentialsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : null;
    if (!token) throw unauthorized('Send a bearer token: Authorization: Bearer <token>.');
    const principal = await this.credentials.principalOf(token);
    if (!principal) throw unauthorized('The token is not known.');
    request.principal = principal;

    const role = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets) ?? 'viewer';
    if (principal.kind === 'admin') {
      if (this.reflector.getAllAndOverride<boolean>(ADMIN_ALLOWED, targets)) return true;
      throw forbidden('The admin token manages organisations; use an organisation key for caseload data.');
    }
    if (!hasRole(principal, role)) throw forbidden(`This needs the ${role} role; the key has ${principal.role}.`);
    return true;
  }
}
