/**
 * Copies of a resident's name outside the event log, made for the organisation's own staff:
 * the digests kept for "Notifications" and the webhook deliveries. An erasure replaces the
 * name in them, so that the raw tables hold nothing readable of the person.
 */
import type pg from 'pg';

export const ERASED_MARK = '(消去済み / erased)';

export async function scrubOtherCopies(client: pg.PoolClient | pg.Pool, organisationId: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    // No text column holds a NUL (a name recorded before such names were refused): nothing to replace.
    if (name.includes('\u0000')) continue;
    await client.query(
      `UPDATE reminder.digest SET body = replace(body, $2, $3), subject = replace(subject, $2, $3)
        WHERE organisation_id = $1 AND (body LIKE '%' || $2 || '%' OR subject LIKE '%' || $2 || '%')`,
      [organisationId, name, ERASED_MARK],
    );
    await client.query(
      `UPDATE reminder.webhook_delivery d SET payload = replace(d.payload::text, to_json($2::text)::text, to_json($3::text)::text)::jsonb
         FROM reminder.webhook w
        WHERE w.id = d.webhook_id AND w.organisation_id = $1 AND d.payload::text LIKE '%' || to_json($2::text)::text || '%'`,
      [organisationId, name, ERASED_MARK],
    );
  }
}
