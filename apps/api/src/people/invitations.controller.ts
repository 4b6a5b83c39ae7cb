import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorators.js';
import { SetPasswordDto } from './people.dto.js';
import { SetPasswordService } from './set-password.service.js';
import { ApiAnswer, ApiNoContent } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, WITH_BODY } from '../openapi/api-problems.decorator.js';

/** The one-time link is its own credential: no cookie or bearer token is needed. */
@ApiTags('people')
@ApiExtraModels(SetPasswordDto)
@Controller('v1/invitations')
@Public()
export class InvitationsController {
  constructor(private readonly passwords: SetPasswordService) {}

  @Get(':token')
  @ApiOperation({ summary: 'Who an invitation or reset link is for (404 unknown; 410 used, replaced or expired)' })
  @ApiAnswer(200, 'AccessLink', 'Who the link is for and until when.')
  @ApiProblems(ALWAYS, 404, { status: 410, codes: ['LINK_USED', 'LINK_REPLACED', 'LINK_EXPIRED'] })
  describe(@Param('token') token: string) {
    return this.passwords.describe(token);
  }

  @Post(':token')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set the password (at least 12 characters, not a common one, not the e-mail address); the link is used up' })
  @ApiBody({ schema: { $ref: getSchemaPath(SetPasswordDto) } })
  @ApiNoContent('The password is set; sign in with it.')
  @ApiProblems(ALWAYS, WITH_BODY, 404, { status: 410, codes: ['LINK_USED', 'LINK_REPLACED', 'LINK_EXPIRED'] })
  async accept(@Param('token') token: string, @Body() body: unknown, @Req() request: FastifyRequest) {
    await this.passwords.accept(token, body, request.ip);
  }
}
