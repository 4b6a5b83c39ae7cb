/**
 * GET /v1/projection/quarantine (platform admin): every resident whose events the projection
 * could not turn into read rows (libs/read-model projection/quarantine.ts), with its
 * organisation, the version it failed at and the error. Each leaves the list by itself when its
 * next event (a correction, a retraction, an erasure) projects.
 */
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import { quarantinedResidents } from '@zairyu/read-model';
import { AdminAllowed, Caller } from '../auth/access.decorators.js';
import type { Principal } from '../auth/principal.js';
import { PG_POOL } from '../bootstrap/tokens.js';
import { notPermitted } from '../failures/failure.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED } from '../openapi/api-problems.decorator.js';

const LISTED = 1000;

@ApiTags('health')
@ApiBearerAuth()
@Controller('v1/projection/quarantine')
export class ProjectionQuarantineController {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Get()
  @AdminAllowed()
  @ApiOperation({ summary: 'Residents left out of the read models because their events cannot be projected (platform admin)' })
  @ApiAnswer(200, 'ProjectionQuarantine', 'Oldest first (at most 1,000; total counts them all).')
  @ApiProblems(ALWAYS, AUTHENTICATED)
  list(@Caller() caller: Principal) {
    // Residents of every organisation: the platform's to see, not an organisation's.
    if (caller.kind !== 'admin') throw notPermitted('Only the platform admin sees the projection’s quarantine.');
    return quarantinedResidents(this.pool, LISTED);
  }
}
