/**
 * The API's view of the projection: nudge it after a write, wait (bounded) until it has
 * passed the log's head so that a list read right after a write includes it, and its lag.
 * Writes do not wait; reads of the read models do, and only when the projection is behind.
 *
 * Waiters share one watcher: the projector in this process reports each committed batch at
 * once; a projector in another process is seen by one poll of the checkpoint for all waiters.
 * With partitions, a caller waits for its own organisation's partition's checkpoint.
 */
import { comparePositions, START_OF_LOG, type EventStore, type GlobalPosition } from '@zairyu/event-store';
import { partitionOf, type Projector, type ProjectorLeader } from '@zairyu/read-model';

const POLL_MS = 10;

interface Waiter {
  partition: number;
  position: GlobalPosition;
  resolve: (reached: boolean) => void;
  timer: NodeJS.Timeout;
}

export class ProjectionHandle {
  /** Each partition's checkpoint as last seen. */
  private readonly seen: GlobalPosition[];
  private readonly waiters = new Set<Waiter>();
  private polling = false;
  private readonly projectors: readonly Projector[];

  /** `projector`: the whole log's, or one per partition in partition order (as the leader runs them). */
  constructor(
    private readonly store: EventStore,
    projector: Projector | readonly Projector[],
    private readonly leader: ProjectorLeader | null,
    /** How long a read of the read models waits for them to include every earlier write. */
    private readonly readYourWritesMs = 2000,
  ) {
    this.projectors = Array.isArray(projector) ? projector : [projector as Projector];
    this.seen = this.projectors.map(() => START_OF_LOG);
    this.projectors.forEach((p, partition) => p.onProjected((position) => this.advance(partition, position)));
  }

  /** Waits until `partition` (the whole log's when there is one) has projected `position`. */
  waitFor(position: GlobalPosition, timeoutMs: number, partition = 0): Promise<boolean> {
    if (comparePositions(this.seen[partition]!, position) >= 0) return Promise.resolve(true);
    this.leader?.wake();
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        partition,
        position,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      void this.poll();
    });
  }

  /** Nudge the projector in this process (after a write) to look for new events now. */
  nudge(): void {
    this.leader?.nudge();
  }

  /**
   * Read-your-writes for the read models: wait (bounded) until the projection has passed every
   * event written for `organisationId` before this call, so a list read right after a write
   * includes it. Every handler that reads the read models calls this first. Only the caller's
   * organisation's writes are waited for: another tenant writing fast, whose events
   * the projection is still folding, does not hold this one's reads up.
   */
  async caughtUp(organisationId: string, timeoutMs = this.readYourWritesMs): Promise<boolean> {
    const head = await this.store.headPosition(organisationId);
    return head === null || this.waitFor(head, timeoutMs, partitionOf(organisationId, this.projectors.length));
  }

  /** Events not yet projected by the partition furthest behind. */
  async lag(): Promise<number | null> {
    let most: number | null = 0;
    for (const projector of this.projectors) {
      const lag = await projector.lag();
      most = lag === null || most === null ? null : Math.max(most, lag);
    }
    return most;
  }

  private advance(partition: number, position: GlobalPosition): void {
    if (comparePositions(position, this.seen[partition]!) > 0) this.seen[partition] = position;
    for (const waiter of this.waiters) {
      if (waiter.partition !== partition || comparePositions(this.seen[partition]!, waiter.position) < 0) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve(true);
    }
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      while (this.waiters.size > 0) {
        const waitedFor = new Set([...this.waiters].map((waiter) => waiter.partition));
        for (const partition of waitedFor) this.advance(partition, await this.projectors[partition]!.checkpoint());
        if (this.waiters.size > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch {
      // The next waiter polls again; a waiter that is never reached times out.
    } finally {
      this.polling = false;
    }
  }
}
