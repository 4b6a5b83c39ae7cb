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
  ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' }
  : {};

export async function resetSqlStats(pool: pg.Pool): Promise<void> {
  if (!sqlStatsWanted) return;
  await pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await pool.query('SELECT pg_stat_statements_reset()');
}

export async function writeSqlStats(pool: pg.Pool, figure: string, events: number): Promise<void> {
  if (!sqlStatsWanted) return;
  const { rows } = await pool.query<{ calls: string; rows: string; total_ms: number; mean_ms: number; query: string }>(
    `SELECT calls, rows, total_exec_time AS total_ms, mean_exec_time AS mean_ms, regexp_replace(query, '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 20`,
  );
  const total = rows.reduce((sum, row) => sum + row.total_ms, 0);
  const lines = rows.map(
    (row) =>
      `${row.total_ms.toFixed(0).padStart(8)} ms ${((100 * row.total_ms) / total).toFixed(1).padStart(5)} %  ` +
      `${row.calls.padStart(7)} calls (${(Number(row.calls) / events).toFixed(3)}/event) ${row.rows.padStart(9)} rows  ` +
      `${row.mean_ms.toFixed(2)} ms each  ${row.query.slice(0, 240)}`,
  );
  await mkdir('bench/results', { recursive: true });
  await writeFile(`bench/results/sql-${figure}.txt`, `${figure}: ${events} events\n${lines.join('\n')}\n`);
  progress(`SQL statements of ${figure} written to bench/results/sql-${figure}.txt`);
}
