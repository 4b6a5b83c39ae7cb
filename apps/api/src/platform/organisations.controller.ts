import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCookieAuth, ApiBody, ApiOperation, ApiTags, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import { AdminAllowed, Caller, RequiresRole } from '../auth/access.decorators.js';
import type { Principal } from '../auth/principal.js';
import { APP_CONFIG, type AppConfig } from '../bootstrap/tokens.js';
import { absoluteUrl, publicBase } from '../http/public-url.js';
import { CreateOrganisation, IssueApiKey, IssueCalendarToken } from './platform-commands.js';
import { CreateApiKeyDto, CreateOrganisationDto } from './platform.dto.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED, WITH_BODY } from '../openapi/api-problems.decorator.js';

@ApiTags('organisations')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiExtraModels(CreateOrganisationDto, CreateApiKeyDto)
@Controller('v1/organisations')
export class OrganisationsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @AdminAllowed()
  @RequiresRole('manager')
  @ApiOperation({ summary: 'Create an organisation (platform admin)' })
  @ApiBody({ schema: { $ref: getSchemaPath(CreateOrganisationDto) } })
  @ApiAnswer(201, 'Organisation', 'Created.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY)
  create(@Caller() caller: Principal, @Body() body: unknown, @Req() request: FastifyRequest) {
    return this.commands.execute(new CreateOrganisation(caller, body, request.ip, publicBase(this.config, request)));
  }

  @Post(':orgId/api-keys')
  @HttpCode(201)
  @AdminAllowed()
  @RequiresRole('manager')
  @ApiOperation({ summary: "Issue an API key (admin, or the organisation's manager); the key is shown once" })
  @ApiBody({ schema: { $ref: getSchemaPath(CreateApiKeyDto) } })
  @ApiAnswer(201, 'IssuedApiKey', 'Issued; the key is in this answer only.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, 404)
  issueKey(@Caller() caller: Principal, @Param('orgId') organisationId: string, @Body() body: unknown, @Req() request: FastifyRequest) {
    return this.commands.execute(new IssueApiKey(caller, organisationId, body, request.ip));
  }

  @Post(':orgId/calendar-tokens')
  @HttpCode(201)
  @AdminAllowed()
  @RequiresRole('manager')
  @ApiOperation({ summary: 'Make a read-only token for the iCalendar deadline feed; shown once' })
  @ApiAnswer(201, 'IssuedCalendarToken', 'Issued; the token is in this answer only.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  issueCalendarToken(@Caller() caller: Principal, @Param('orgId') organisationId: string, @Req() request: FastifyRequest) {
    return this.commands.execute(
      new IssueCalendarToken(caller, organisationId, request.ip, (path) => absoluteUrl(this.config, request, path)),
    );
  }
}
