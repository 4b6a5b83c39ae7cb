/**
 * Runs the projection's partitions (partitions.ts) in whichever processes hold their leases:
 * PostgreSQL advisory locks, held by a session of their own, so when a process dies its
 * connection closes, its locks are released and the others take its partitions over.
 *
 * One partition (the default) is one lock: whoever holds it projects, the others wait and try
 * again. With more, each process also holds a member lock; the members, counted in `pg_locks`,
 * share the partitions out (the first `count % members` of them one more), and between rounds a
 * process takes free partitions up to its share and gives back what it holds beyond it. Whoever
 * holds a lease, a partition's checkpoint moves by compare-and-set (projector.ts): a process that
 * lost its lease mid-batch finds its batch refused, so no event is projected twice.
 */
import type pg from 'pg';
import type { Projector } from './projector.js';

const LEADER_LOCK = 0x7a61_6970; // "zaip": the one lock of a projection in one partition
/** Two-key lock spaces (the one-key space holds LEADER_LOCK, migrations', streams' have theirs). */
const PARTITION_SPACE = 0x7a61_6971; // "zaiq": key 2 is count × 65536 + index
const MEMBER_SPACE = 0x7a61_696d; // "zaim": key 2 is the member's slot
const MEMBER_SLOTS = 1024;

export interface LeaderOptions {
  /** How often a follower tries for the lock and an idle leader looks for new events. */
  pollIntervalMs?: number;
  /**
   * How long after a write in this process (`nudge`) the leader looks for it (default 25 ms): the
   * writes of those milliseconds are projected in one batch and share its fixed cost, a transaction
   * of eight statements. At 500 writes a second a batch for each cost PostgreSQL more than the
   * writes themselves (bench/README.md, "Batches of writes"). A read waiting for the projection
   * (`wake`) does not wait for it.
   */
  nudgeDelayMs?: number;
  /** With partitions: how often the members are counted and the shares taken or given back. */
  rebalanceIntervalMs?: number;
  onError?: (error: unknown) => void;
  onLeadership?: (leading: boolean) => void;
  /** With partitions: the partitions this process holds, after each change. */
  onPartitions?: (held: readonly number[]) => void;
}

interface HeldLock {
  space: number;
  key: number;
}

export class ProjectorLeader {
  private stopped = false;
  private readonly held = new Set<number>();
  private lockClient: pg.PoolClient | null = null;
  /** A lost lock connection means lost leases: stop projecting at once. */
  private readonly lockLost = () => void this.resign();
  private member: number | null = null;
  private lastBalance = 0;
  private wakeUp: (() => void) | null = null;
  private nudged: NodeJS.Timeout | null = null;
  /** A read asked for the projection while a batch was at work: no pause after it. */
  private readerWaits = false;
  /** A write in this process since the last round began: the pause after it is short. */
  private written = false;
  private running: Promise<void> | null = null;
  private readonly pollIntervalMs: number;
  private readonly nudgeDelayMs: number;
  private readonly rebalanceIntervalMs: number;
  private readonly projectors: readonly Projector[];

  /** `projector`: the whole log's, or one per partition in partition order. */
  constructor(
    private readonly pool: pg.Pool,
    projector: Projector | readonly Projector[],
    private readonly options: LeaderOptions = {},
  ) {
    this.projectors = Array.isArray(projector) ? projector : [projector as Projector];
    this.projectors.forEach((p, index) => {
      if (p.partition.index !== index || p.partition.count !== this.projectors.length)
        throw new Error(`Projector ${index} of ${this.projectors.length} is partition ${p.partition.index} of ${p.partition.count}`);
    });
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.nudgeDelayMs = Math.min(options.nudgeDelayMs ?? 25, this.pollIntervalMs);
    this.rebalanceIntervalMs = options.rebalanceIntervalMs ?? 1000;
  }

  get isLeader(): boolean {
    return this.held.size > 0;
  }

  /** The partitions this process projects now. */
  get heldPartitions(): number[] {
    return [...this.held].sort((a, b) => a - b);
  }

  private get count(): number {
    return this.projectors.length;
  }

  start(): void {
    this.running ??= this.run();
  }

  /** Look for new events now (a read waits for them) rather than at the next poll. */
  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.readerWaits = true;
  }

  /** After an append in this process: look for it within `nudgeDelayMs` rather than at the next poll. */
  nudge(): void {
    this.written = true;
    if (this.wakeUp === null || this.nudged !== null) return;
    this.nudged = setTimeout(() => {
      this.nudged = null;
      this.wakeUp?.();
    }, this.nudgeDelayMs).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.nudged !== null) clearTimeout(this.nudged);
    this.wake();
    await this.running;
    await this.resign();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (this.count === 1) {
          if (!this.isLeader) await this.tryToLead();
        } else if (Date.now() - this.lastBalance >= this.rebalanceIntervalMs) await this.balance();
        this.written = false;
        const covered = await this.projectHeld();
        if (covered === 0 || this.heldPartitions.every((index) => this.projectors[index]!.caughtUp)) await this.pause();
      } catch (error) {
        this.options.onError?.(error);
        if (this.lockClient && !(await this.stillHoldsLock())) await this.resign();
        await this.pause();
      }
    }
  }

  /**
   * One round over the partitions held, side by side. With several, a round lasts at most about a
   * rebalance interval (and a batch): then shares are looked at again, however long the backlog.
   */
  private async projectHeld(): Promise<number> {
    if (this.held.size === 0) return 0;
    if (this.count === 1) return this.projectors[0]!.catchUp();
    const ends = Date.now() + this.rebalanceIntervalMs;
    const enough = () => this.stopped || Date.now() >= ends;
    const rounds = await Promise.allSettled(
      this.heldPartitions.map((index) => this.projectors[index]!.catchUp(undefined, undefined, enough)),
    );
    const failed = rounds.find((round) => round.status === 'rejected');
    if (failed) throw failed.reason;
    return rounds.reduce((sum, round) => sum + (round.status === 'fulfilled' ? round.value : 0), 0);
  }

  private async tryToLead(): Promise<void> {
    const client = await this.pool.connect();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LEADER_LOCK]);
    if (!rows[0]?.locked) {
      client.release();
      return;
    }
    client.on('error', this.lockLost);
    this.lockClient = client;
    this.held.add(0);
    this.changed();
  }

  /** Joins as a member, counts the members, and takes or gives back partitions to this one's share. */
  private async balance(): Promise<void> {
    this.lastBalance = Date.now();
    const client = await this.lockConnection();
    if (this.member === null) this.member = await this.takeMemberSlot(client);
    if (this.member === null) return;
    const locks = await this.projectorLocks(client);
    if (locks.others > 0) {
      this.options.onError?.(new Error('Another projector runs with a different PROJECTOR_PARTITIONS: this one waits'));
      await this.giveBack([...this.held]);
      return;
    }
    const members = locks.members.length;
    const rank = Math.max(locks.members.indexOf(this.member), 0);
    const share = Math.floor(this.count / members) + (rank < this.count % members ? 1 : 0);
    // Partitions i with i % members === rank are this member's first choice, so that
    // members settle on disjoint sets instead of taking each other's in turn.
    const preferred = (index: number) => index % members === rank;
    if (this.held.size > share) {
      const extra = this.heldPartitions.sort((a, b) => Number(preferred(a)) - Number(preferred(b)) || b - a);
      await this.giveBack(extra.slice(0, this.held.size - share));
    }
    const free = [...Array(this.count).keys()]
      .filter((index) => !this.held.has(index) && !locks.partitions.has(index))
      .sort((a, b) => Number(preferred(b)) - Number(preferred(a)) || a - b);
    for (const index of free) {
      if (this.held.size >= share) break;
      if (await this.tryLock(client, { space: PARTITION_SPACE, key: this.partitionKey(index) })) this.held.add(index);
    }
    this.changed();
  }

  private partitionKey(index: number): number {
    return this.count * 65_536 + index;
  }

  /** This process's lock session, kept open while it is a member. */
  private async lockConnection(): Promise<pg.PoolClient> {
    if (this.lockClient) return this.lockClient;
    const client = await this.pool.connect();
    client.on('error', this.lockLost);
    this.lockClient = client;
    return client;
  }

  private async takeMemberSlot(client: pg.PoolClient): Promise<number | null> {
    for (let slot = 0; slot < MEMBER_SLOTS; slot++) if (await this.tryLock(client, { space: MEMBER_SPACE, key: slot })) return slot;
    return null;
  }

  private async tryLock(client: pg.PoolClient, { space, key }: HeldLock): Promise<boolean> {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [space, key]);
    return rows[0]?.locked === true;
  }

  /** Members (their slots, in order), partitions leased by anyone, and leases of another partition count. */
  private async projectorLocks(client: pg.PoolClient): Promise<{ members: number[]; partitions: Set<number>; others: number }> {
    const { rows } = await client.query<{ space: string; key: string; two: boolean }>(
      `SELECT classid::bigint AS space, objid::bigint AS key, objsubid = 2 AS two FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND ((objsubid = 2 AND classid IN ($1::bigint::oid, $2::bigint::oid)) OR (objsubid = 1 AND classid = 0 AND objid = $3::bigint::oid))`,
      [MEMBER_SPACE, PARTITION_SPACE, LEADER_LOCK],
    );
    const members: number[] = [];
    const partitions = new Set<number>();
    let others = 0;
    for (const row of rows) {
      const [space, key] = [Number(row.space), Number(row.key)];
      if (!row.two) others++;
      else if (space === MEMBER_SPACE) members.push(key);
      else if (Math.floor(key / 65_536) === this.count) partitions.add(key % 65_536);
      else others++;
    }
    return { members: members.sort((a, b) => a - b), partitions, others };
  }

  private async giveBack(indexes: readonly number[]): Promise<void> {
    for (const index of indexes) {
      this.held.delete(index);
      await this.lockClient!.query('SELECT pg_advisory_unlock($1, $2)', [PARTITION_SPACE, this.partitionKey(index)]);
    }
    this.changed();
  }

  private async stillHoldsLock(): Promise<boolean> {
    try {
      await this.lockClient!.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Gives up every lease (and the membership): the session's locks go with it. */
  private async resign(): Promise<void> {
    const client = this.lockClient;
    this.lockClient = null;
    this.member = null;
    this.held.clear();
    this.changed();
    if (!client) return;
    // Back in the pool the connection is someone else's: its errors are no longer lost leases.
    client.off('error', this.lockLost);
    try {
      await client.query(
        this.count === 1 ? 'SELECT pg_advisory_unlock($1)' : 'SELECT pg_advisory_unlock_all()',
        this.count === 1 ? [LEADER_LOCK] : [],
      );
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : true);
    }
  }

  private reported = '';
  private wasLeading = false;

  private changed(): void {
    const held = this.heldPartitions.join(',');
    if (held !== this.reported) {
      this.reported = held;
      if (this.count > 1) this.options.onPartitions?.(this.heldPartitions);
    }
    if (this.isLeader !== this.wasLeading) {
      this.wasLeading = this.isLeader;
      this.options.onLeadership?.(this.isLeader);
    }
  }

  private pause(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.readerWaits) {
      this.readerWaits = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.written ? this.nudgeDelayMs : this.pollIntervalMs);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.wakeUp = null;
      if (this.nudged !== null) clearTimeout(this.nudged);
      this.nudged = null;
    });
  }
}
