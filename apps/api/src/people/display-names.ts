/**
 * The display name behind a `recordedBy`: the person's name for `user:<id>`, the key's label
 * for `key:<id>`. Looked up within the organisation only, so a foreign id names nobody.
 */
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../bootstrap/tokens.js';

@Injectable()
export class DisplayNames {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async of(organisationId: string, recorders: Iterable<string>): Promise<Map<string, string>> {
    const users: string[] = [];
    const keys: string[] = [];
    for (const recorder of new Set(recorders)) {
      const [kind, id] = [recorder.slice(0, recorder.indexOf(':')), recorder.slice(recorder.indexOf(':') + 1)];
      if (kind === 'user' && /^[0-9a-f-]{36}$/.test(id)) users.push(id);
      if (kind === 'key') keys.push(id);
    }
    const names = new Map<string, string>([['admin', 'platform admin']]);
    if (users.length + keys.length === 0) return names;
    const { rows } = await this.pool.query<{ recorder: string; name: string }>(
      `SELECT 'user:' || id AS recorder, name FROM platform.app_user WHERE organisation_id = $1 AND id = ANY($2::uuid[])
       UNION ALL
       SELECT 'key:' || id, label FROM platform.api_key WHERE organisation_id = $1 AND id = ANY($3::text[])`,
      [organisationId, users, keys],
    );
    for (const row of rows) names.set(row.recorder, row.name);
    return names;
  }

  /**
   * Adds `recordedByName` (null when nobody of the organisation is found) to each event, and
   * `namedPeople`: the names of the people its data names by id (the person a file is assigned
   * to), so that no screen shows a user id.
   */
  async label<T extends { recordedBy: string; data: unknown }>(
    organisationId: string,
    events: T[],
  ): Promise<(T & { recordedByName: string | null; namedPeople: Record<string, string> })[]> {
    const named = events.map((event) => assigneesIn(event.data));
    const names = await this.of(organisationId, [...events.map((event) => event.recordedBy), ...named.flat().map((id) => `user:${id}`)]);
    return events.map((event, index) => ({
      ...event,
      recordedByName: names.get(event.recordedBy) ?? null,
      namedPeople: Object.fromEntries(named[index]!.flatMap((id) => (names.has(`user:${id}`) ? [[id, names.get(`user:${id}`)!]] : []))),
    }));
  }
}

/** The user ids an event's data names: `assignedTo` (CaseAssigned, ResidentRegistered) or a correction of it. */
function assigneesIn(data: unknown): string[] {
  const record = (data ?? {}) as { assignedTo?: unknown; fields?: { assignedTo?: unknown } };
  return [record.assignedTo, record.fields?.assignedTo].filter((id): id is string => typeof id === 'string');
}
