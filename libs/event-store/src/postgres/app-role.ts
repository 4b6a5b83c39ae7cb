/**
 * The role the app connects as: it logs in and owns the app's database (so it may create its
 * own schemas and tables there) and nothing else — not a superuser, no CREATEDB, no CREATEROLE,
 * no replication, no row-security bypass. A bug or an injection in the app then reaches the
 * ledger's data, never the server's other databases, files (COPY … PROGRAM) or roles.
 * Made (or its password set again) by a superuser connection: the embedded server's at start-up,
 * the test suite's once per run.
 */
import pg from 'pg';

export interface AppRole {
  role: string;
  password: string;
  database: string;
}

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Creates the role and its database when missing; returns the URL the app connects with. */
export async function ensureAppRole(adminUrl: string, { role, password, database }: AppRole): Promise<string> {
  if (!NAME.test(role) || !NAME.test(database))
    throw new Error(`Role and database names must be lower-case identifiers: ${role}, ${database}.`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const secret = admin.escapeLiteral(password);
    const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const attributes = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT';
    await admin.query(`${exists.rowCount ? 'ALTER' : 'CREATE'} ROLE ${role} ${attributes} PASSWORD ${secret}`);
    const owned = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!owned.rowCount) await admin.query(`CREATE DATABASE ${database} OWNER ${role}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}
