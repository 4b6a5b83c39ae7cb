/**
 * Runs the projector as the only active one: whoever holds the PostgreSQL advisory lock
 * projects, the others wait and try again. The lock is held by a session of its own, so when
 * the leader's process dies its connection closes, the lock is released and a waiting
 * projector takes over.
 */
import type pg from 'pg';
import type { Projector } from './projector.js';

const LEADER_LOCK = 0x7a61_6970; // "zaip"

export interface LeaderOptions {
  /** How often a follower tries for the lock and an idle leader looks for new events. */
  pollIntervalMs?: number;
  onError?: (error: unknown) => void;
  onLeadership?: (leading: boolean) => void;
}

export class ProjectorLeader {
  private stopped = false;
  private leading = false;
  private lockClient: pg.PoolClient | null = null;
  private wakeUp: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly projector: Projector,
    private readonly options: LeaderOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
  }

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    this.running ??= this.run();
  }

  /** Look for new events now (after an append in this process) rather than at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
    await this.resign();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (!this.leading) await this.tryToLead();
        const covered = this.leading ? await this.projector.catchUp() : 0;
        if (covered === 0) await this.pause();
      } catch (error) {
        this.options.onError?.(error);
        if (this.lockClient && !(await this.stillHoldsLock())) await this.resign();
        await this.pause();
      }
    }
  }

  private async tryToLead(): Promise<void> {
    const client = await this.pool.connect();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LEADER_LOCK]);
    if (!rows[0]?.locked) {
      client.release();
      return;
    }
    // A lost lock connection means lost leadership: stop projecting at once.
    client.on('error', () => void this.resign());
    this.lockClient = client;
    this.setLeading(true);
  }

  private async stillHoldsLock(): Promise<boolean> {
    try {
      await this.lockClient!.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async resign(): Promise<void> {
    const client = this.lockClient;
    this.lockClient = null;
    this.setLeading(false);
    if (!client) return;
    try {
      await client.query('SELECT pg_advisory_unlock($1)', [LEADER_LOCK]);
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : true);
    }
  }

  private setLeading(leading: boolean): void {
    if (this.leading === leading) return;
    this.leading = leading;
    this.options.onLeadership?.(leading);
  }

  private pause(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.pollIntervalMs);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => (this.wakeUp = null));
  }
}
