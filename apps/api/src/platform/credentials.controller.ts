import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminAllowed, Caller, RequiresRole } from '../auth/access.decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiAnswer, ApiNoContent } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED } from '../openapi/api-problems.decorator.js';
import { ListCredentials, RevokeCredential } from './credential-life.js';

/** Listing and revoking API keys and calendar tokens (docs/api-v1.md "Additions of 2026-11-23"). */
@ApiTags('organisations')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('v1/organisations')
export class CredentialsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':orgId/api-keys')
  @AdminAllowed()
  @RequiresRole('manager')
  @ApiOperation({ summary: "The organisation's API keys: id, label, role, createdAt, lastUsedAt (never the key)" })
  @ApiAnswer(200, 'ListedApiKeys', 'The keys, never their secrets.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  listKeys(@Caller() caller: Principal, @Param('orgId') organisationId: string) {
    return this.queries.execute(new ListCredentials(caller, organisationId, 'api-keys'));
  }

  @Delete(':orgId/api-keys/:keyId')
  @HttpCode(204)
  @AdminAllowed()
  @RequiresRole('manager')
  @ApiOperation({
    summary: 'Revoke an API key: refused (401) from the next request on, in every API process',
  })
  @ApiNoContent('Revoked.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  async revokeKey(@Caller() caller: Principal, @Param('orgId') organisationId: string, @Param('keyId') keyId: string): Promise<void> {
    await this.commands.execute(new RevokeCredential(caller, organisationId, 'api-keys', keyId));
  }

  @Get(':orgId/calendar-tokens')
  @AdminAllowed()
  @RequiresRole('manager')
  @ApiOperation({ summary: "The organisation's calendar feed tokens: id, createdAt, lastUsedAt (never the token)" })
  @ApiAnswer(200, 'ListedCalendarTokens', 'The tokens, never their secrets.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  listCalendarTokens(@Caller() caller: Principal, @Param('orgId') organisationId: string) {
    return this.queries.execute(new ListCredentials(caller, organisationId, 'calendar-tokens'));
  }

  @Delete(':orgId/calendar-tokens/:tokenId')
  @HttpCode(204)
  @AdminAllowed()
  @RequiresRole('manager')
  @ApiOperation({ summary: 'Revoke a calendar feed token: the feed refuses it (401) at once' })
  @ApiNoContent('Revoked.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  async revokeCalendarToken(
    @Caller() caller: Principal,
    @Param('orgId') organisationId: string,
    @Param('tokenId') tokenId: string,
  ): Promise<void> {
    await this.commands.execute(new RevokeCredential(caller, organisationId, 'calendar-tokens', tokenId));
  }
}
