import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import { Public } from '../auth/access.decorators.js';
import { PG_POOL } from '../bootstrap/tokens.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems } from '../openapi/api-problems.decorator.js';

/**
 * Whether this server still waits for its first organisation, so that the web UI opens the
 * setup page on first start. Answered without credentials, it says nothing else: no name,
 * no count, nothing about the admin token.
 */
@ApiTags('organisations')
@Controller('v1/setup')
export class SetupController {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether no organisation exists yet (the web UI then shows its setup page); no credentials needed' })
  @ApiAnswer(200, 'SetupState', 'needed: true until the first organisation is created.')
  @ApiProblems(ALWAYS)
  async state(): Promise<{ needed: boolean }> {
    const { rows } = await this.pool.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM platform.organisation) AS any');
    return { needed: !rows[0]!.any };
  }
}
