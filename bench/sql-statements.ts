/**
 * `BENCH_SQL_STATS=1`: the SQL a figure sends, from PostgreSQL's `pg_stat_statements` (the
 * embedded server loads it), written per figure to bench/results/sql-<figure>.txt: calls, rows
 * and time of the statements that took the most, and calls per event of the figure.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type pg from 'pg';
import { progress } from './report.js';

export const sqlStatsWanted = process.env['BENCH_SQL_STATS'] === '1';

/** Server settings that load the extension (only when wanted: it costs a little on every statement). */
export const sqlStatsSettings: Record<string, string> = sqlStatsWanted
  ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all', 'pg_stat_statements.track_planning': 'on' }
  : {};

export async function resetSqlStats(pool: pg.Pool): Promise<void> {
  if (!sqlStatsWanted) return;
  await pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await pool.query('SELECT pg_stat_statements_reset()');
}

/**
 * `unit`: what `events` counts (an event of the log, or a request of an HTTP figure); `orderBy`:
 * the statements that took the most time, or those sent most often (an HTTP figure's many cheap
 * ones per request). Returns the calls and rows of every statement the figure sent.
 */
export async function writeSqlStats(
  pool: pg.Pool,
  figure: string,
  events: number,
  { unit = 'event', orderBy = 'time' }: { unit?: string; orderBy?: 'time' | 'calls' } = {},
): Promise<{ calls: number; rows: number } | null> {
  if (!sqlStatsWanted) return null;
  const all = await pool.query<{ calls: string; rows: string }>(
    `SELECT coalesce(sum(calls), 0) AS calls, coalesce(sum(rows), 0) AS rows FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'`,
  );
  const { rows } = await pool.query<{ calls: string; rows: string; total_ms: number; mean_ms: number; plan_ms: number; query: string }>(
    `SELECT calls, rows, total_exec_time AS total_ms, mean_exec_time AS mean_ms, total_plan_time AS plan_ms,
            regexp_replace(query, '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'
      ORDER BY ${orderBy === 'calls' ? 'calls' : 'total_exec_time'} DESC LIMIT 20`,
  );
  const total = rows.reduce((sum, row) => sum + row.total_ms, 0);
  const lines = rows.map(
    (row) =>
      `${row.total_ms.toFixed(0).padStart(8)} ms ${((100 * row.total_ms) / total).toFixed(1).padStart(5)} %  ` +
      `${row.calls.padStart(7)} calls (${(Number(row.calls) / events).toFixed(3)}/${unit}) ${row.rows.padStart(9)} rows  ` +
      `${row.mean_ms.toFixed(2)} ms each, planned in ${row.plan_ms.toFixed(0)} ms  ${row.query.slice(0, 240)}`,
  );
  await mkdir('bench/results', { recursive: true });
  const { calls, rows: rowsTouched } = all.rows[0]!;
  const heading =
    `${figure}: ${events} ${unit}s; all statements: ${calls} calls (${(Number(calls) / events).toFixed(2)}/${unit}), ` +
    `${rowsTouched} rows (${(Number(rowsTouched) / events).toFixed(2)}/${unit})`;
  await writeFile(`bench/results/sql-${figure}.txt`, `${heading}\n${lines.join('\n')}\n`);
  progress(`SQL statements of ${figure} written to bench/results/sql-${figure}.txt`);
  return { calls: Number(calls), rows: Number(rowsTouched) };
}
