/** A signed-in person's reminder settings and their digests ("Notifications" in the UI). */
import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type pg from 'pg';
import { Caller } from '../auth/access.decorators.js';
import type { Principal } from '../auth/principal.js';
import { PG_POOL } from '../bootstrap/tokens.js';
import { notPermitted } from '../failures/failure.js';
import { ReminderPreferencesStore } from './reminder-preferences.js';
import { ReminderPreferencesDto } from './reminders.dto.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED, WITH_BODY } from '../openapi/api-problems.decorator.js';

function userIdOf(caller: Principal): string {
  if (caller.kind !== 'key' || !caller.user) throw notPermitted('Reminders belong to a signed-in person; an API key has none.');
  return caller.user.id;
}

@ApiTags('reminders')
@ApiCookieAuth()
@ApiExtraModels(ReminderPreferencesDto)
@Controller('v1/me')
export class MyRemindersController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly preferences: ReminderPreferencesStore,
  ) {}

  @Get('reminders')
  @ApiOperation({ summary: 'My digest settings: time, language, lead times per kind, closed days skipped' })
  @ApiAnswer(200, 'ReminderSettings', 'My settings (defaults where none were chosen).')
  @ApiProblems(ALWAYS, AUTHENTICATED)
  get(@Caller() caller: Principal) {
    return this.preferences.of(userIdOf(caller));
  }

  @Put('reminders')
  @ApiOperation({ summary: 'Change my digest settings (fields not given keep their value)' })
  @ApiBody({ schema: { $ref: getSchemaPath(ReminderPreferencesDto) } })
  @ApiAnswer(200, 'ReminderSettings', 'My settings as changed.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY)
  put(@Caller() caller: Principal, @Body() body: unknown) {
    return this.preferences.update(userIdOf(caller), body);
  }

  @Get('notifications')
  @ApiOperation({ summary: 'My digests of the last 60 days that had something to say, newest first' })
  @ApiAnswer(200, 'Notifications', 'My digests, newest first.')
  @ApiProblems(ALWAYS, AUTHENTICATED)
  async notifications(@Caller() caller: Principal) {
    const { rows } = await this.pool.query(
      `SELECT day::text AS day, item_count, delivered_by, subject, body, created_at FROM reminder.digest
       WHERE user_id = $1 AND item_count > 0 ORDER BY day DESC LIMIT 60`,
      [userIdOf(caller)],
    );
    return rows.map((row) => ({
      day: row.day,
      items: row.item_count,
      deliveredBy: row.delivered_by,
      subject: row.subject,
      body: row.body,
      createdAt: row.created_at.toISOString(),
    }));
  }
}
