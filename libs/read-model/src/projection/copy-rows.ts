/**
 * Rows sent with `COPY … FROM STDIN` in its text format: a rebuild fills fresh tables, where
 * there is nothing to compare with or conflict on, and COPY costs PostgreSQL a fraction of a
 * multi-row INSERT from arrays (no array to build here, nor to parse there).
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A column's value as COPY's text format takes it: null is `\N`; a backslash, tab or line break is escaped. */
function field(value: unknown, json: boolean): string {
  if (value === null || value === undefined) return '\\N';
  const text = json ? JSON.stringify(value) : typeof value === 'boolean' ? (value ? 't' : 'f') : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Adds `rows` to `table`: `columns` are each column's name, the key of its value in a row, and whether it is jsonb. */
export async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: ReadonlyArray<readonly [column: string, key: string, json: boolean]>,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  if (rows.length === 0) return;
  let text = '';
  for (const row of rows) text += `${columns.map(([, key, json]) => field(row[key], json)).join('\t')}\n`;
  const copy = client.query(copyFrom(`COPY ${table} (${columns.map(([column]) => column).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from([text]), copy);
}
