/**
 * The API's view of the projection: nudge it after a write, wait (bounded) until it has
 * passed a position so that a list read right after a write includes it, and its lag.
 */
import { comparePositions, type GlobalPosition } from '@zairyu/event-store';
import type { Projector, ProjectorLeader } from '@zairyu/read-model';

const POLL_MS = 5;

export class ProjectionHandle {
  constructor(
    private readonly projector: Projector,
    private readonly leader: ProjectorLeader | null,
  ) {}

  async waitFor(position: GlobalPosition, timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      this.leader?.wake();
      if (comparePositions(await this.projector.checkpoint(), position) >= 0) return true;
      if (Date.now() >= until) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  lag(): Promise<number | null> {
    return this.projector.lag();
  }
}
