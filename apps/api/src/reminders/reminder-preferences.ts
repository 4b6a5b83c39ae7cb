/** A person's digest settings: stored as given, defaults where nothing was chosen. */
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DEADLINE_KINDS } from '@zairyu/domain';
import { PG_POOL } from '../bootstrap/tokens.js';
import { invalidInput } from '../failures/failure.js';
import { checkBody } from '../http/check-body.js';
import { ReminderPreferencesDto } from './reminders.dto.js';

export interface ReminderPreferences {
  enabled: boolean;
  language: 'ja' | 'en';
  sendAt: string;
  skipClosedDays: boolean;
  leadDays: Record<string, number[]>;
  /** `mine`: only residents assigned to the person (and, for managers, the organisation's own deadlines). */
  scope: 'caseload' | 'mine';
}

function checkLeadDays(leadDays: Record<string, unknown>): void {
  const errors = Object.entries(leadDays).flatMap(([kind, days]) => {
    if (!(DEADLINE_KINDS as readonly string[]).includes(kind)) return [{ field: `leadDays.${kind}`, message: 'is not a deadline kind' }];
    const valid = Array.isArray(days) && days.length <= 10 && days.every((day) => Number.isInteger(day) && day >= 0 && day <= 366);
    return valid ? [] : [{ field: `leadDays.${kind}`, message: 'must be up to 10 whole numbers of days from 0 to 366' }];
  });
  if (errors.length > 0) throw invalidInput('The reminder settings are not valid.', errors);
}

@Injectable()
export class ReminderPreferencesStore {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async of(userId: string): Promise<ReminderPreferences> {
    const { rows } = await this.pool.query(`SELECT * FROM reminder.preference WHERE user_id = $1`, [userId]);
    const row = rows[0];
    return {
      enabled: row?.enabled ?? true,
      language: row?.language ?? 'ja',
      sendAt: row?.send_at ?? '08:00',
      skipClosedDays: row?.skip_closed_days ?? true,
      leadDays: row?.lead_days ?? {},
      scope: row?.scope ?? 'caseload',
    };
  }

  async update(userId: string, body: unknown): Promise<ReminderPreferences> {
    const checked = checkBody(ReminderPreferencesDto, body);
    if (checked.errors.length > 0) throw invalidInput('The reminder settings are not valid.', checked.errors);
    if (checked.value.leadDays) checkLeadDays(checked.value.leadDays);
    // The DTO instance has every field as an own property, undefined where not given.
    const given = Object.fromEntries(Object.entries(checked.value).filter(([, value]) => value !== undefined));
    const next = { ...(await this.of(userId)), ...given } as ReminderPreferences;
    await this.pool.query(
      `INSERT INTO reminder.preference (user_id, enabled, language, send_at, skip_closed_days, lead_days, scope)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id) DO UPDATE SET enabled = $2, language = $3, send_at = $4, skip_closed_days = $5, lead_days = $6, scope = $7`,
      [userId, next.enabled, next.language, next.sendAt, next.skipClosedDays, JSON.stringify(next.leadDays), next.scope],
    );
    return next;
  }
}
