import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import type { FastifyReply } from 'fastify';
import type pg from 'pg';
import { quarantinedResidents } from '@zairyu/read-model';
import { Public } from '../auth/access.decorators.js';
import type { ProjectionHandle } from '../projection/index.js';
import { PG_POOL, PROJECTION } from '../bootstrap/tokens.js';

/** Quarantined residents named in /health; the admin endpoint lists them all. */
const SHOWN_IN_HEALTH = 20;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'ok once the database is reachable and migrations ran, with the projection lag in events; degraded (still 200) while residents are quarantined',
  })
  @ApiAnswer(200, 'Health', 'Ready (ok), or serving with residents left out of the read models (degraded).')
  @ApiAnswer(503, 'Health', 'The database is not reachable or not migrated.')
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      await this.pool.query('SELECT 1 FROM read_model_migrations LIMIT 1');
      const quarantined = await quarantinedResidents(this.pool, SHOWN_IN_HEALTH);
      const projectionLag = await this.projection.lag();
      if (quarantined.total === 0) return { status: 'ok', projectionLag };
      // Only the ids (not whose organisation they are): /health answers without credentials.
      const residents = quarantined.items.map(({ residentId, version, error, since }) => ({ residentId, version, error, since }));
      return { status: 'degraded', projectionLag, quarantined: { total: quarantined.total, residents } };
    } catch {
      void reply.status(503);
      return { status: 'unavailable' };
    }
  }
}
