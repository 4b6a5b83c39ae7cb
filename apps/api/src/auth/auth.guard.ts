/**
 * Every route needs credentials unless marked @Public: a bearer token (API key or the admin
 * token), or the session cookie of a signed-in person. Both reach the same routes with the
 * same roles and the same organisation scope. A write made with the cookie must echo the
 * session's CSRF token in X-CSRF-Token (a bearer token is never sent by a browser on its own,
 * so it needs none). Organisation data needs at least the route's role; the admin token only
 * reaches routes marked @AdminAllowed (it has no caseload of its own).
 */
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import type { Role } from './principal.js';
import { Failure, notPermitted, notSignedIn } from '../failures/failure.js';
import { csrfTokenOf, CSRF_HEADER, sessionSecretOf } from './session-cookie.js';
import { SessionLookup } from './session-lookup.js';
import { ADMIN_ALLOWED, BEFORE_TOTP, PUBLIC, REQUIRED_ROLE, type AuthenticatedRequest } from './access.decorators.js';
import { CredentialsService } from './credentials.service.js';
import { hasRole, type Principal } from './principal.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: CredentialsService,
    private readonly sessions: SessionLookup,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request, this.reflector.getAllAndOverride<boolean>(BEFORE_TOTP, targets) ?? false);
    request.principal = principal;

    const role = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets) ?? 'viewer';
    if (principal.kind === 'admin') {
      if (this.reflector.getAllAndOverride<boolean>(ADMIN_ALLOWED, targets)) return true;
      throw notPermitted('The admin token manages organisations; use an organisation key for caseload data.');
    }
    if (!hasRole(principal, role)) throw notPermitted(`This needs the ${role} role; the caller has ${principal.role}.`);
    return true;
  }

  private async authenticate(request: AuthenticatedRequest, allowedBeforeTotp: boolean): Promise<Principal> {
    const header = request.headers.authorization;
    // The scheme name is case-insensitive (RFC 7235 §2.1): `bearer` and `BEARER` are `Bearer`.
    const token = /^bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '')?.[1] ?? null;
    if (token) {
      const principal = await this.credentials.principalOf(token);
      if (!principal) throw notSignedIn('The token is not known.');
      return principal;
    }
    const secret = sessionSecretOf(request);
    if (!secret) throw notSignedIn('Sign in (POST /v1/session), or send a bearer token: Authorization: Bearer <token>.');
    const session = await this.sessions.touch(secret);
    if (!session) throw notSignedIn('The session has ended; sign in again.');
    if (!SAFE_METHODS.has(request.method)) {
      const given = request.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !sameToken(given, csrfTokenOf(secret)))
        throw new Failure('NOT_PERMITTED', 'A write with the session cookie must carry the session’s X-CSRF-Token header.', {
          code: 'CSRF_TOKEN_MISSING',
        });
    }
    if (session.mustEnrolTotp && !allowedBeforeTotp)
      throw new Failure('NOT_PERMITTED', 'Your organisation requires a second factor: set up TOTP first (POST /v1/me/totp).', {
        code: 'TOTP_ENROLMENT_REQUIRED',
      });
    request.sessionSecret = secret;
    return {
      kind: 'key',
      keyId: null,
      organisationId: session.organisationId,
      role: session.role,
      user: { id: session.userId, name: session.name, sessionId: session.sessionId, mustEnrolTotp: session.mustEnrolTotp },
    };
  }
}
