import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query as QueryParam, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AdminAllowed, Caller, RequiresRole } from '../auth/access.decorators.js';
import type { Principal } from '../auth/principal.js';
import { pageParams } from '../http/query-params.js';
import { managedOrganisation } from '../platform/index.js';
import { Inject } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, DATA_SOURCE, type AppConfig } from '../bootstrap/tokens.js';
import { publicBase } from '../http/public-url.js';
import { OrganisationPeople } from './organisation-people.service.js';
import { InviteUserDto, SignInPolicyDto, UpdateUserDto } from './people.dto.js';
import { SecurityLog } from './security-log.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED, WITH_BODY } from '../openapi/api-problems.decorator.js';
import { ApiPaging } from '../openapi/api-queries.decorator.js';

@ApiTags('people')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiExtraModels(InviteUserDto, UpdateUserDto, SignInPolicyDto)
@Controller('v1/organisations/:orgId')
@AdminAllowed()
@RequiresRole('manager')
export class OrganisationPeopleController {
  constructor(
    private readonly people: OrganisationPeople,
    private readonly log: SecurityLog,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('users')
  @HttpCode(201)
  @ApiOperation({ summary: 'Invite a person (manager or admin): returns the one-time link, shown once, valid 72 hours' })
  @ApiBody({ schema: { $ref: getSchemaPath(InviteUserDto) } })
  @ApiAnswer(201, 'Invitation', 'Invited: the link, shown once.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, 404, { status: 409, codes: ['EMAIL_IN_USE'] })
  invite(@Caller() caller: Principal, @Param('orgId') orgId: string, @Body() body: unknown, @Req() request: FastifyRequest) {
    return this.people.invite(caller, orgId, body, request.ip, publicBase(this.config, request));
  }

  @Get('users')
  @ApiOperation({ summary: "The organisation's users (never a password, session or TOTP secret)" })
  @ApiAnswer(200, 'Users', 'The users, by name.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  list(@Caller() caller: Principal, @Param('orgId') orgId: string) {
    return this.people.list(caller, orgId);
  }

  @Patch('users/:userId')
  @ApiOperation({ summary: 'Change a role, disable (ends every session at once) or re-enable a user' })
  @ApiBody({ schema: { $ref: getSchemaPath(UpdateUserDto) } })
  @ApiAnswer(200, 'User', 'The user as changed.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, 404, { status: 422, codes: ['LAST_MANAGER'] })
  update(
    @Caller() caller: Principal,
    @Param('orgId') orgId: string,
    @Param('userId') userId: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ) {
    return this.people.update(caller, orgId, userId, body, request.ip);
  }

  @Post('users/:userId/reset-access')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "A new one-time link; the old password, TOTP, recovery codes and sessions stop working. Another manager's link is mailed to them only (inviteUrl null)",
  })
  @ApiAnswer(201, 'Invitation', "The new link, shown once (null for another manager's: mailed to them alone).")
  @ApiProblems(ALWAYS, AUTHENTICATED, 404, { status: 422, codes: ['USER_DISABLED', 'RESET_NEEDS_MAIL'] })
  resetAccess(@Caller() caller: Principal, @Param('orgId') orgId: string, @Param('userId') userId: string, @Req() request: FastifyRequest) {
    return this.people.resetAccess(caller, orgId, userId, request.ip, publicBase(this.config, request));
  }

  @Get('users/:userId/sessions')
  @ApiOperation({ summary: "A user's live sessions (no secrets)" })
  @ApiAnswer(200, 'Sessions', "The user's live sessions.")
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  sessions(@Caller() caller: Principal, @Param('orgId') orgId: string, @Param('userId') userId: string) {
    return this.people.sessionsOf(caller, orgId, userId);
  }

  @Get('sign-in-policy')
  @ApiOperation({ summary: 'Whether the organisation requires TOTP' })
  @ApiAnswer(200, 'SignInPolicy', 'The sign-in policy.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  policy(@Caller() caller: Principal, @Param('orgId') orgId: string) {
    return this.people.signInPolicy(caller, orgId);
  }

  @Patch('sign-in-policy')
  @ApiOperation({ summary: 'Require TOTP of every user (those without it may only set it up until they do)' })
  @ApiBody({ schema: { $ref: getSchemaPath(SignInPolicyDto) } })
  @ApiAnswer(200, 'SignInPolicy', 'The sign-in policy as changed.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, 404)
  setPolicy(@Caller() caller: Principal, @Param('orgId') orgId: string, @Body() body: unknown, @Req() request: FastifyRequest) {
    return this.people.setSignInPolicy(caller, orgId, body, request.ip);
  }

  @Get('security-log')
  @ApiOperation({ summary: 'The security log, newest first: sign-ins, failures, invitations, roles, keys, exports, erasures' })
  @ApiPaging()
  @ApiAnswer(200, 'SecurityLogPage', 'One page of the log, newest first.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  async securityLog(
    @Caller() caller: Principal,
    @Param('orgId') orgId: string,
    @QueryParam('page') page?: string,
    @QueryParam('pageSize') pageSize?: string,
  ) {
    const organisation = await managedOrganisation(this.dataSource, caller, orgId);
    const paging = pageParams(page, pageSize);
    return this.log.list(organisation.id, paging.page, paging.pageSize);
  }
}
