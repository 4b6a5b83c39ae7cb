/**
 * A statement the server parses and plans once per connection rather than on every call: a
 * named query of node-postgres, named after its text (one text, one name; two schemas' texts,
 * two names, as a connection refuses one name for two texts). On the write and projection path
 * the planning of the same few statements took more of PostgreSQL's time than running them
 * (bench/README.md, "Statements planned once").
 *
 * PostgreSQL plans such a statement again after DDL on what it reads (a rebuild's swap of the
 * read-model schema), resolving its names again.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

const named = new Map<string, string>();

export function preparedStatement(text: string, values?: unknown[]): pg.QueryConfig {
  let name = named.get(text);
  if (name === undefined) {
    name = `zairyu-${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    named.set(text, name);
  }
  return values === undefined ? { name, text } : { name, text, values };
}
