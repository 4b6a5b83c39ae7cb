/**
 * A deadline or a resident names its employer by record id (or, before the employer was
 * recorded, by the name typed). Boards and feeds show names: look the ids up, in the caller's
 * organisation only, in one query for a whole page or batch.
 */
import type { DataSource } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Each employer as it should be shown: the record's name, or the text recorded when it is no record id. */
export async function employerNames(
  dataSource: DataSource,
  organisationId: string,
  employers: ReadonlyArray<string | null | undefined>,
): Promise<Map<string, string>> {
  const given = [...new Set(employers.filter((employer): employer is string => typeof employer === 'string' && employer !== ''))];
  const names = new Map(given.map((employer) => [employer, employer]));
  const ids = given.filter((employer) => UUID.test(employer)).map((id) => id.toLowerCase());
  if (ids.length === 0) return names;
  const rows: Array<{ id: string; name: string }> = await dataSource.query(
    'SELECT id::text AS id, name FROM platform.employer WHERE organisation_id = $1 AND id = ANY($2::uuid[])',
    [organisationId, ids],
  );
  const byId = new Map(rows.map((row) => [row.id, row.name]));
  for (const employer of given) {
    const name = byId.get(employer.toLowerCase());
    if (name !== undefined) names.set(employer, name);
  }
  return names;
}

/**
 * Every way a deadline may name the employer a filter names: the record id and the record's name
 * (a filing recorded by name before the record existed), whichever of the two was given; the
 * text alone when it is no record of this organisation.
 */
export async function employerSpellings(dataSource: DataSource, organisationId: string, employer: string): Promise<string[]> {
  const rows: Array<{ id: string; name: string }> = await dataSource.query(
    `SELECT id::text AS id, name FROM platform.employer
      WHERE organisation_id = $1 AND (id::text = lower($2::text) OR name = $2::text)`,
    [organisationId, employer],
  );
  return [...new Set([employer, ...rows.flatMap((row) => [row.id, row.name])])];
}
