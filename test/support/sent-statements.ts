/**
 * The statements this process sends to PostgreSQL while `work` runs, those whose SQL matches
 * `pattern` (the real client observed, not replaced), with the rows each answered: what a request
 * costs the database, and whether two answers cost the same.
 */
import pg from 'pg';

export interface SentStatement {
  sql: string;
  rows: number | null;
}

export async function sentStatements(pattern: RegExp, work: () => Promise<unknown>): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    const sql = (typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '')).replace(/\s+/g, ' ').trim();
    if (!pattern.test(sql)) return (query as (...a: unknown[]) => unknown).apply(this, args);
    const statement: SentStatement = { sql, rows: null };
    sent.push(statement);
    const counted = (answer: { rowCount?: number | null } | undefined) => (statement.rows = answer?.rowCount ?? null);
    // A pool calls with a callback; a client of one's own gets a promise.
    const last = args.at(-1);
    if (typeof last === 'function')
      return (query as (...a: unknown[]) => unknown).apply(this, [
        ...args.slice(0, -1),
        (error: unknown, answer: { rowCount?: number | null } | undefined) => {
          if (!error) counted(answer);
          return (last as (...a: unknown[]) => unknown)(error, answer);
        },
      ]);
    const result = (query as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) result.then(counted, () => undefined);
    return result;
  } as typeof query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = query;
  }
  return sent;
}
