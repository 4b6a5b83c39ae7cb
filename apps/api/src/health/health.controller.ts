import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import type { FastifyReply } from 'fastify';
import type pg from 'pg';
import { Public } from '../auth/access.decorators.js';
import type { ProjectionHandle } from '../projection/read-your-writes.js';
import { PG_POOL, PROJECTION } from '../bootstrap/tokens.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'ok once the database is reachable and migrations ran; with the projection lag in events' })
  @ApiAnswer(200, 'Health', 'Ready.')
  @ApiAnswer(503, 'Health', 'The database is not reachable or not migrated.')
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      await this.pool.query('SELECT 1 FROM read_model_migrations LIMIT 1');
      return { status: 'ok', projectionLag: await this.projection.lag() };
    } catch {
      void reply.status(503);
      return { status: 'unavailable' };
    }
  }
}
