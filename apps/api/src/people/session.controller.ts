import { Body, Controller, Delete, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiExtraModels, ApiHeader, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AllowedBeforeTotp, Caller, Public, type AuthenticatedRequest } from '../auth/access.decorators.js';
import type { Principal } from '../auth/principal.js';
import { PEOPLE_SETTINGS } from './people-settings.js';
import type { PeopleConfig } from './people-config.js';
import { SignInDto } from './people.dto.js';
import { SecurityLog } from './security-log.js';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.js';
import { SessionStore } from './session-store.js';
import { SignInService } from './sign-in.service.js';
import { ApiAnswer, ApiNoContent } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED, WITH_BODY } from '../openapi/api-problems.decorator.js';

@ApiTags('session')
@ApiExtraModels(SignInDto)
@Controller('v1/session')
export class SessionController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionStore,
    private readonly log: SecurityLog,
    @Inject(PEOPLE_SETTINGS) private readonly config: PeopleConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Sign in: sets the HttpOnly session cookie and returns the CSRF token for writes (401 on any failure, alike)',
  })
  @ApiBody({ schema: { $ref: getSchemaPath(SignInDto) } })
  @ApiAnswer(200, 'SignedIn', 'Signed in: the session cookie is set.')
  @ApiProblems(ALWAYS, WITH_BODY, {
    status: 401,
    codes: ['SIGN_IN_FAILED', 'TOTP_REQUIRED'],
    when: 'Any failure, alike (Retry-After while sign-ins from this e-mail or address must wait).',
  })
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const session = await this.signIn.signIn(body, { address: request.ip, userAgent: request.headers['user-agent'] ?? null });
    setSessionCookie(request, reply, session.secret, this.config.sessionAbsoluteHours * 3600);
    return { csrfToken: session.csrfToken };
  }

  @Delete()
  @HttpCode(204)
  @AllowedBeforeTotp()
  @ApiCookieAuth()
  @ApiHeader({ name: 'X-CSRF-Token', required: true })
  @ApiOperation({ summary: 'Sign out: the session ends and the cookie is cleared' })
  @ApiNoContent('Signed out.')
  @ApiProblems(ALWAYS, AUTHENTICATED)
  async end(@Caller() caller: Principal, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    if (request.sessionSecret) {
      await this.sessions.endBySecret(request.sessionSecret);
      if (caller.kind === 'key' && caller.user)
        await this.log.record({
          organisationId: caller.organisationId,
          kind: 'signed_out',
          actor: caller,
          address: request.ip,
          subject: `user:${caller.user.id}`,
        });
    }
    clearSessionCookie(request, reply);
  }
}
