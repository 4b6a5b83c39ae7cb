/**
 * Revocations of API keys, heard from every API process on the database: the revoking process
 * sends the key's id on a PostgreSQL channel (NOTIFY, delivered at its commit) and each process
 * listens on a connection of its own, so a key trusted here (credentials.service.ts) is dropped
 * as soon as another process revokes it, not only when its recheck time runs out. While the
 * connection is not listening (starting, lost, reconnecting) nothing heard can be relied on:
 * `listening` is false, and the credentials read every key on every request until it is back.
 */
import pg from 'pg';

export const REVOCATION_CHANNEL = 'zairyu_api_key_revoked';
const RECONNECT_MS = 1_000;

export class RevocationsHeard {
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  listening = false;
  /** Moves on each time the connection is lost: what was trusted before may have missed a revocation. */
  generation = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly onRevoked: (keyId: string) => void,
  ) {}

  /** Tells every process (this one included) that a key was revoked; the revocation is committed already. */
  static async tell(pool: pg.Pool, keyId: string): Promise<void> {
    await pool.query('SELECT pg_notify($1, $2)', [REVOCATION_CHANNEL, keyId]);
  }

  async start(): Promise<void> {
    if (this.stopped || this.client !== null) return;
    const client = new pg.Client({ ...this.pool.options, application_name: 'zairyu-revocations' });
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.listening = false;
      this.generation++;
      this.client = null;
      void client.end().catch(() => undefined);
      if (!this.stopped) this.retry = setTimeout(() => void this.start(), RECONNECT_MS);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel === REVOCATION_CHANNEL && message.payload) this.onRevoked(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${REVOCATION_CHANNEL}`);
      if (this.client === client) this.listening = true;
    } catch {
      lost();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    this.generation++;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
