/**
 * Copies of a resident's name outside the event log, made for the organisation's own staff:
 * the digests kept for "Notifications" and the webhook deliveries. An erasure replaces the
 * name in them, found by the resident's id (never by the name's text, which may be part of
 * someone else's), so that the raw tables hold nothing readable of the person.
 */
import type pg from 'pg';
import { withoutNameOf } from '../reminders/index.js';

export const ERASED_MARK = '(消去済み / erased)';

export async function scrubOtherCopies(client: pg.PoolClient | pg.Pool, organisationId: string, residentId: string): Promise<void> {
  const { rows } = await client.query<{ user_id: string; day: string; body: string }>(
    `SELECT user_id, day::text AS day, body FROM reminder.digest
      WHERE organisation_id = $1 AND body LIKE '%/#/residents/' || $2 || '%'`,
    [organisationId, residentId],
  );
  for (const row of rows) {
    const body = withoutNameOf(row.body, residentId, ERASED_MARK);
    if (body !== row.body)
      await client.query('UPDATE reminder.digest SET body = $3 WHERE user_id = $1 AND day = $2', [row.user_id, row.day, body]);
  }
  await client.query(
    `UPDATE reminder.webhook_delivery d SET payload = jsonb_set(d.payload, '{deadline,residentName}', to_jsonb($3::text))
       FROM reminder.webhook w
      WHERE w.id = d.webhook_id AND w.organisation_id = $1 AND d.payload->'deadline'->>'residentId' = $2
        AND d.payload->'deadline'->'residentName' IS DISTINCT FROM to_jsonb($3::text)`,
    [organisationId, residentId, ERASED_MARK],
  );
}
