/**
 * The state of a deadline row as of a date, computed in PostgreSQL so that the caseload can be
 * filtered and paged by it. It restates deadlineStateAsOf of libs/domain (met, void, overdue,
 * upcoming, open — in that order); deadline-state-sql.int-spec.ts holds the two to the same
 * answer on every date where a state can change.
 */

/** Needs the `asOf` date as `$3` and the deadline row as `d`. */
export const DEADLINE_STATE_SQL = `(CASE
  WHEN d.met_on IS NOT NULL AND d.met_on <= $3::date THEN CASE WHEN d.met_on > d.due_on THEN 'met_late' ELSE 'met' END
  WHEN d.void_on IS NOT NULL AND d.void_on <= $3::date THEN 'void'
  WHEN $3::date > d.due_on THEN 'overdue'
  WHEN d.opens_on IS NOT NULL AND $3::date < d.opens_on THEN 'upcoming'
  ELSE 'open' END)`;
