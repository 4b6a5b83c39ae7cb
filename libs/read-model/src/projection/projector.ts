/**
 * Keeps the read models of one schema: reads the global log from the checkpoint, re-folds
 * every resident the batch touches, and writes what changed in their rows and the new
 * checkpoint in one transaction. A crash loses nothing (the checkpoint did not move) and
 * duplicates nothing (each resident's rows are made to equal the new ones). The checkpoint moves by
 * compare-and-set, so a projector that lost its place (a rebuild swapped the schema under
 * it) notices and carries on from the stored checkpoint.
 */
import { EventEmitter } from 'node:events';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type pg from 'pg';
import {
  comparePositions,
  formatPosition,
  inTransaction,
  parsePosition,
  START_OF_LOG,
  type EventStore,
  type GlobalPosition,
  type StoredEvent,
} from '@zairyu/event-store';
import { LIVE_SCHEMA, type ReadModelSchema } from '../read-model-tables.js';
import { residentIdOfStream, residentStream, type KeptFolds } from '@zairyu/resident-streams';
import { residentRows, type ResidentRows } from './resident-rows.js';
import { ResidentRowsWriter } from './resident-rows-writer.js';

export const RESIDENTS_PROJECTION = 'residents';
const FOLDS_BETWEEN_YIELDS = 25;

export interface ProjectorOptions {
  schema?: ReadModelSchema;
  batchSize?: number;
  /**
   * Folds kept between batches (shared with the API's requests in its process): a resident the
   * batch touches is then read and folded from its kept version on, not from its first event.
   */
  keptFolds?: KeptFolds;
}

interface PreparedBatch {
  from: GlobalPosition;
  batch: StoredEvent[];
  residentIds: string[];
  rows: ResidentRows[];
}

export class CheckpointMovedError extends Error {
  constructor() {
    super('The projection checkpoint moved under this projector');
  }
}

export class Projector {
  private readonly schema: ReadModelSchema;
  private readonly batchSize: number;
  private readonly keptFolds: KeptFolds | null;
  private readonly rows: ResidentRowsWriter;
  private checkpointRowExists = false;
  private readonly projected = new EventEmitter().setMaxListeners(0);

  constructor(
    private readonly pool: pg.Pool,
    private readonly store: EventStore,
    options: ProjectorOptions = {},
  ) {
    this.schema = options.schema ?? LIVE_SCHEMA;
    this.batchSize = options.batchSize ?? 1000;
    this.keptFolds = options.keptFolds ?? null;
    this.rows = new ResidentRowsWriter(this.schema);
  }

  /** Called with the new checkpoint after every committed batch of this projector. */
  onProjected(listener: (position: GlobalPosition) => void): () => void {
    this.projected.on('projected', listener);
    return () => this.projected.off('projected', listener);
  }

  async checkpoint(): Promise<GlobalPosition> {
    if (!this.checkpointRowExists) {
      await this.pool.query(
        `INSERT INTO ${this.schema}.projection_checkpoint (name, position) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
        [RESIDENTS_PROJECTION, formatPosition(START_OF_LOG)],
      );
      this.checkpointRowExists = true;
    }
    const { rows } = await this.pool.query<{ position: string }>(
      `SELECT position FROM ${this.schema}.projection_checkpoint WHERE name = $1`,
      [RESIDENTS_PROJECTION],
    );
    // A rebuild swapped the tables: the row is made again on the next call.
    if (rows[0] === undefined) {
      this.checkpointRowExists = false;
      return this.checkpoint();
    }
    return parsePosition(rows[0].position);
  }

  /** Events in the log not yet projected, or null when the store cannot tell. */
  async lag(): Promise<number | null> {
    return this.store.countAfter(await this.checkpoint());
  }

  /** Projects one batch from the checkpoint; returns how many events it covered (0: up to date). */
  async projectNextBatch(): Promise<number> {
    const prepared = await this.prepare(await this.checkpoint());
    if (prepared === null) return 0;
    await this.write(prepared);
    return prepared.batch.length;
  }

  /**
   * Projects until the log is exhausted, or until it has passed `until` or finds another
   * projector at work (a rebuild under constant writes must end somewhere); `onProgress`
   * after every batch. The next batch is read
   * and folded while the current one is written: the database and this process work at once.
   */
  async catchUp(onProgress?: (done: number) => void, until?: GlobalPosition | null): Promise<number> {
    let done = 0;
    const reached = (position: GlobalPosition) => until !== undefined && (until === null || comparePositions(position, until) >= 0);
    const start = await this.checkpoint();
    if (reached(start)) return 0;
    let next = this.prepare(start);
    for (;;) {
      const prepared = await next;
      if (prepared === null) return done;
      const last = prepared.batch.at(-1)!.position;
      next = reached(last) ? Promise.resolve(null) : this.prepare(last);
      try {
        await this.write(prepared);
      } catch (error) {
        await next.catch(() => null);
        if (!(error instanceof CheckpointMovedError)) throw error;
        // Another projector is at work (the live one, after a rebuild's swap): a bounded
        // catch-up leaves the rest to it rather than racing it for every batch.
        if (until !== undefined) return done;
        next = this.prepare(await this.checkpoint());
        continue;
      }
      done += prepared.batch.length;
      onProgress?.(done);
    }
  }

  /** Reads the batch after `from` and re-folds every resident it touches. */
  private async prepare(from: GlobalPosition): Promise<PreparedBatch | null> {
    const batch = await this.store.readAll(from, this.batchSize);
    if (batch.length === 0) return null;
    const residentIds = [...new Set(batch.map((event) => residentIdOfStream(event.streamId)).filter((id) => id !== null))];
    const streamIds = residentIds.map(residentStream);
    const streams = this.keptFolds
      ? await this.keptFolds.currentMany(this.store, streamIds)
      : [...(await this.store.readStreams(streamIds)).values()].map((stored) => ({ stored, fold: undefined }));
    const rows: ResidentRows[] = [];
    let folded = 0;
    for (const { stored, fold } of streams) {
      const row = residentRows(stored, fold);
      if (row !== null) rows.push(row);
      // Folding is CPU work: let a process that also serves requests answer them in between.
      if (++folded % FOLDS_BETWEEN_YIELDS === 0) await yieldToEventLoop();
    }
    return { from, batch, residentIds, rows };
  }

  /**
   * The rows and the checkpoint, in one transaction; refused if the checkpoint moved meanwhile.
   * The checkpoint is locked first, then the tables: the order a rebuild's swap locks them in
   * (rebuild.ts), so the two wait for each other instead of deadlocking.
   */
  private async write({ from, batch, residentIds, rows }: PreparedBatch): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const moved = await client.query(
        `UPDATE ${this.schema}.projection_checkpoint SET position = $3, updated_at = now() WHERE name = $1 AND position = $2`,
        [RESIDENTS_PROJECTION, formatPosition(from), formatPosition(batch.at(-1)!.position)],
      );
      if (moved.rowCount !== 1) throw new CheckpointMovedError();
      await this.rows.write(client, residentIds, rows);
    });
    this.projected.emit('projected', batch.at(-1)!.position);
  }
}
