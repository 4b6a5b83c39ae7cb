/** An organisation's webhooks (manager): register a URL (the signing secret is shown once), list, delete, see deliveries. */
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { AdminAllowed, Caller, RequiresRole } from '../auth/access.decorators.js';
import type { Principal } from '../auth/principal.js';
import { DATA_SOURCE, PG_POOL } from '../bootstrap/tokens.js';
import { checkBody } from '../http/check-body.js';
import { Failure, invalidInput, notFound } from '../failures/failure.js';
import { isUuid } from '../http/query-params.js';
import { SecurityLog } from '../people/index.js';
import { managedOrganisation } from '../platform/index.js';
import { inTransaction } from '@zairyu/event-store';
import { CreateWebhookDto } from './reminders.dto.js';
import { REMINDERS_SETTINGS, type RemindersConfig } from './reminders-config.js';
import { refusedTarget } from './webhook-target.js';
import { ApiAnswer, ApiNoContent } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED, WITH_BODY } from '../openapi/api-problems.decorator.js';

const view = (row: Record<string, unknown>) => ({
  id: row['id'],
  url: row['url'],
  createdAt: (row['created_at'] as Date).toISOString(),
  failingSince: row['failing_since'] ? (row['failing_since'] as Date).toISOString() : null,
  disabledAt: row['disabled_at'] ? (row['disabled_at'] as Date).toISOString() : null,
});

@ApiTags('reminders')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiExtraModels(CreateWebhookDto)
@Controller('v1/organisations/:orgId/webhooks')
@AdminAllowed()
@RequiresRole('manager')
export class WebhooksController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly log: SecurityLog,
    @Inject(REMINDERS_SETTINGS) private readonly config: RemindersConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a URL for reminders and overdue events; the signing secret is shown once' })
  @ApiBody({ schema: { $ref: getSchemaPath(CreateWebhookDto) } })
  @ApiAnswer(201, 'IssuedWebhook', 'Registered; the secret is in this answer only.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, 404, 409)
  async create(@Caller() caller: Principal, @Param('orgId') orgId: string, @Body() body: unknown, @Req() request: FastifyRequest) {
    const organisation = await managedOrganisation(this.dataSource, caller, orgId);
    const checked = checkBody(CreateWebhookDto, body);
    if (checked.errors.length > 0) throw invalidInput('The webhook is not valid.', checked.errors);
    const refused = refusedTarget(checked.value.url, this.config.webhookAllowPrivate);
    if (refused) throw invalidInput('The webhook is not valid.', [{ field: 'url', message: refused }]);
    const id = randomUUID();
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const limit = this.config.webhooksPerOrganisation;
    const rows = await inTransaction(this.pool, async (client) => {
      // Counted and inserted under the organisation's lock: a burst of requests cannot pass the limit together.
      await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('reminder.webhook:' || $1, 0))`, [organisation.id]);
      const inserted = await client.query(
        `INSERT INTO reminder.webhook (id, organisation_id, url, secret)
         SELECT $1, $2, $3, $4 WHERE (SELECT count(*) FROM reminder.webhook WHERE organisation_id = $2 AND deleted_at IS NULL) < $5
         RETURNING *`,
        [id, organisation.id, checked.value.url, secret, limit],
      );
      return inserted.rows;
    });
    if (rows.length === 0)
      throw new Failure('CONFLICT', `An organisation keeps at most ${limit} webhooks; delete one first.`, {
        code: 'WEBHOOK_LIMIT_REACHED',
      });
    await this.log.record({
      organisationId: organisation.id,
      kind: 'webhook_created',
      actor: caller,
      address: request.ip,
      subject: `webhook:${id}`,
    });
    return { ...view(rows[0]), secret };
  }

  @Get()
  @ApiOperation({ summary: "The organisation's webhooks (never the secret)" })
  @ApiAnswer(200, 'Webhooks', 'The webhooks, oldest first.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  async list(@Caller() caller: Principal, @Param('orgId') orgId: string) {
    const organisation = await managedOrganisation(this.dataSource, caller, orgId);
    const { rows } = await this.pool.query(
      `SELECT * FROM reminder.webhook WHERE organisation_id = $1 AND deleted_at IS NULL ORDER BY created_at`,
      [organisation.id],
    );
    return rows.map(view);
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop sending to a webhook at once (its delivery log is kept)' })
  @ApiNoContent('Stopped.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  async remove(
    @Caller() caller: Principal,
    @Param('orgId') orgId: string,
    @Param('webhookId') webhookId: string,
    @Req() request: FastifyRequest,
  ) {
    const organisation = await managedOrganisation(this.dataSource, caller, orgId);
    const deleted = isUuid(webhookId)
      ? await this.pool.query(
          `UPDATE reminder.webhook SET deleted_at = now() WHERE id = $1 AND organisation_id = $2 AND deleted_at IS NULL RETURNING id`,
          [webhookId, organisation.id],
        )
      : { rowCount: 0 };
    if (deleted.rowCount === 0) throw notFound('Webhook');
    await this.log.record({
      organisationId: organisation.id,
      kind: 'webhook_deleted',
      actor: caller,
      address: request.ip,
      subject: `webhook:${webhookId}`,
    });
  }

  @Get(':webhookId/deliveries')
  @ApiOperation({ summary: 'The delivery log of a webhook, newest first (last 200)' })
  @ApiAnswer(200, 'WebhookDeliveries', 'The delivery log, newest first.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  async deliveries(@Caller() caller: Principal, @Param('orgId') orgId: string, @Param('webhookId') webhookId: string) {
    const organisation = await managedOrganisation(this.dataSource, caller, orgId);
    const owned = isUuid(webhookId)
      ? await this.pool.query(`SELECT 1 FROM reminder.webhook WHERE id = $1 AND organisation_id = $2`, [webhookId, organisation.id])
      : { rowCount: 0 };
    if (owned.rowCount === 0) throw notFound('Webhook');
    const { rows } = await this.pool.query(
      `SELECT event_key, payload->>'type' AS type, attempts, delivered_at, created_at
       FROM reminder.webhook_delivery WHERE webhook_id = $1 ORDER BY created_at DESC, event_key LIMIT 200`,
      [webhookId],
    );
    return rows.map((row) => ({
      eventId: row.event_key,
      type: row.type,
      attempts: row.attempts,
      // Delivered or not, and nothing of what the target answered (webhook-target.ts).
      outcome: row.delivered_at ? 'delivered' : row.attempts > 0 ? 'failed' : 'pending',
      deliveredAt: row.delivered_at ? row.delivered_at.toISOString() : null,
      createdAt: row.created_at.toISOString(),
    }));
  }
}
