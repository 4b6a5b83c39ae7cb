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
  preparedStatement,
  type EventStore,
  type GlobalPosition,
  type StoredEvent,
} from '@zairyu/event-store';
import type { ResidentFold } from '@zairyu/domain';
import { LIVE_SCHEMA, type ReadModelSchema } from '../read-model-tables.js';
import { KeptFolds, residentIdOfStream, residentStream, SealedEventStore } from '@zairyu/resident-streams';
import { ReadModelSeal } from '../sealing/read-model-seal.js';
import { describeFault, isResidentFault, Quarantine, type QuarantinedResident } from './quarantine.js';
import { residentRows } from './resident-rows.js';
import { ResidentRowsWriter } from './resident-rows-writer.js';
import { rowsOf, writeEachApart, type Projected } from './rows-apart.js';
import type { WritePlan } from './written-rows.js';
import { checkpointName, partitionOf, WHOLE_LOG, type Partition } from './partitions.js';
import { startingPosition } from './partition-checkpoints.js';

export { RESIDENTS_PROJECTION } from './partitions.js';
const FOLDS_BETWEEN_YIELDS = 25;

export interface ProjectorOptions {
  schema?: ReadModelSchema;
  /** Events per batch when up to date; behind, each full batch doubles the next, up to `maxBatchSize`. */
  batchSize?: number;
  /** The largest batch (default 8 × batchSize): a transaction and the memory a batch holds stay bounded. */
  maxBatchSize?: number;
  /**
   * Folds kept between batches (shared with the API's requests in its process): a resident the
   * batch touches is then folded from its kept version on with the batch's own events, not read
   * and folded from its first event. By default the projector keeps its own; null keeps none
   * (a rebuild's catch-up, whose memory stays flat).
   */
  keptFolds?: KeptFolds | null;
  /** How rows are sealed; by default with the keys of the sealed store the projector reads. */
  seal?: ReadModelSeal;
  /** The organisations this projector takes (partitions.ts); default: the whole log. */
  partition?: Partition;
}

/** The seal of a projector reading a sealed store: the rows are sealed with the keys its events are. */
export function sealOf(store: EventStore, given: ReadModelSeal | undefined): ReadModelSeal {
  if (given) return given;
  if (store instanceof SealedEventStore) return new ReadModelSeal(store.keys);
  throw new Error('A projector seals its rows: give it a sealed event store or a ReadModelSeal');
}

interface PreparedBatch {
  from: GlobalPosition;
  /** The log's events read (the checkpoint moves past them all) … */
  batch: StoredEvent[];
  /** … and those of this projector's partition. */
  taken: StoredEvent[];
  projected: Projected[];
  /** Residents whose stream could not be read or folded: quarantined, their rows left alone. */
  failed: QuarantinedResident[];
  /** As many events as asked for: the log may hold more. */
  full: boolean;
}

export class CheckpointMovedError extends Error {
  constructor() {
    super('The projection checkpoint moved under this projector');
  }
}

export class Projector {
  private readonly schema: ReadModelSchema;
  private readonly batchSize: number;
  private readonly maxBatchSize: number;
  /** The next batch's size: grows while batches come back full (a backlog), back to batchSize once one does not. */
  private nextBatchSize: number;
  /**
   * The last batch read held fewer events than asked for: nothing more was settled in the log then.
   * False before the first read: a projector that has read nothing has not caught up.
   */
  private lastReadShort = false;
  private readonly keptFolds: KeptFolds | null;
  private readonly rows: ResidentRowsWriter;
  private readonly quarantine: Quarantine;
  private checkpointRowExists = false;
  /** The checkpoint this projector last wrote and its table's identity (`tableoid/position`): see writeBatch. */
  private lastWritten: string | null = null;
  private readonly projected = new EventEmitter().setMaxListeners(0);
  readonly partition: Partition;
  private readonly checkpointName: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly store: EventStore,
    options: ProjectorOptions = {},
  ) {
    this.schema = options.schema ?? LIVE_SCHEMA;
    this.batchSize = options.batchSize ?? 1000;
    this.maxBatchSize = Math.max(options.maxBatchSize ?? 8 * this.batchSize, this.batchSize);
    this.nextBatchSize = this.batchSize;
    this.keptFolds = options.keptFolds === undefined ? new KeptFolds() : options.keptFolds;
    this.rows = new ResidentRowsWriter(this.schema, sealOf(store, options.seal));
    this.quarantine = new Quarantine(this.schema);
    this.partition = options.partition ?? WHOLE_LOG;
    this.checkpointName = checkpointName(this.partition);
  }

  /** Whether `event` is this projector's to project (its organisation hashes to this partition). */
  takes(event: StoredEvent): boolean {
    return this.partition.count === 1 || partitionOf(event.metadata?.organisationId, this.partition.count) === this.partition.index;
  }

  /** Whether this projector's last read found the end of the log (nothing to read again at once). */
  get caughtUp(): boolean {
    return this.lastReadShort;
  }

  /** Called with the new checkpoint and the events it took after every committed batch of this projector. */
  onProjected(listener: (position: GlobalPosition, taken: readonly StoredEvent[]) => void): () => void {
    this.projected.on('projected', listener);
    return () => this.projected.off('projected', listener);
  }

  async checkpoint(): Promise<GlobalPosition> {
    if (!this.checkpointRowExists) {
      await this.pool.query(
        `INSERT INTO ${this.schema}.projection_checkpoint (name, position) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
        [this.checkpointName, formatPosition(await startingPosition(this.pool, this.schema, this.partition))],
      );
      this.checkpointRowExists = true;
    }
    const { rows } = await this.pool.query<{ position: string }>(
      `SELECT position FROM ${this.schema}.projection_checkpoint WHERE name = $1`,
      [this.checkpointName],
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
   * Projects until a read finds the end of the log, or until it has passed `until` or finds another
   * projector at work (a rebuild under constant writes must end somewhere); `onProgress`
   * after every batch; `enough` is asked before each further batch (a partition's round ends so
   * that its process can hand partitions over). The next batch is read
   * and folded while the current one is written: the database and this process work at once.
   */
  async catchUp(onProgress?: (done: number) => void, until?: GlobalPosition | null, enough?: () => boolean): Promise<number> {
    let done = 0;
    const reached = (position: GlobalPosition) => until !== undefined && (until === null || comparePositions(position, until) >= 0);
    const start = await this.checkpoint();
    if (reached(start)) return 0;
    let next = this.prepare(start);
    for (;;) {
      const prepared = await next;
      if (prepared === null) return done;
      const last = prepared.batch.at(-1)!.position;
      // A batch short of its size met the end of the log: reading again at once would find the few
      // events written meanwhile, one batch's fixed cost for each (the leader waits a little first).
      next = reached(last) || enough?.() || !prepared.full ? Promise.resolve(null) : this.prepare(last);
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
    const limit = this.nextBatchSize;
    const batch = await this.store.readAll(from, limit);
    // Behind, larger batches: a resident touched by many of the backlog's events is folded and
    // written once, and each transaction's fixed cost is shared by more events.
    this.nextBatchSize = batch.length === limit ? Math.min(2 * limit, this.maxBatchSize) : this.batchSize;
    this.lastReadShort = batch.length < limit;
    if (batch.length === 0) return null;
    const taken = this.partition.count === 1 ? batch : batch.filter((event) => this.takes(event));
    const residentIds = [...new Set(taken.map((event) => residentIdOfStream(event.streamId)).filter((id) => id !== null))];
    const organisations = new Map(taken.map((event) => [residentIdOfStream(event.streamId), event.metadata?.organisationId ?? null]));
    const projected: Projected[] = [];
    const failed: QuarantinedResident[] = [];
    const quarantine = (residentId: string, version: number | null, error: unknown) =>
      failed.push({ residentId, organisationId: organisations.get(residentId) ?? null, version, error: describeFault(error) });
    let folded = 0;
    const streams = await this.readStreams(residentIds, taken);
    for (const [index, residentId] of residentIds.entries()) {
      let stream = streams?.[index];
      if (stream === undefined) {
        // The batch's streams could not be read together: each on its own, to find whose fails.
        try {
          stream = { stored: await this.store.readStream(residentStream(residentId)), fold: undefined };
        } catch (error) {
          await this.databaseAnswers(error);
          quarantine(residentId, null, error);
          continue;
        }
      }
      try {
        projected.push({ residentId, rows: residentRows(stream.stored, stream.fold) });
      } catch (error) {
        quarantine(residentId, stream.stored.at(-1)?.version ?? null, error);
      }
      // Folding is CPU work: let a process that also serves requests answer them in between.
      if (++folded % FOLDS_BETWEEN_YIELDS === 0) await yieldToEventLoop();
    }
    return { from, batch, taken, projected, failed, full: batch.length === limit };
  }

  /** The streams of `residentIds`, in their order, folded when folds are kept; null when one of them cannot be read or folded. */
  private async readStreams(
    residentIds: string[],
    taken: readonly StoredEvent[],
  ): Promise<Array<{ stored: readonly StoredEvent[]; fold?: ResidentFold }> | null> {
    const streamIds = residentIds.map(residentStream);
    try {
      if (this.keptFolds) return await this.keptFolds.currentMany(this.store, streamIds, eventsByStream(taken));
      const streams = await this.store.readStreams(streamIds);
      return streamIds.map((streamId) => ({ stored: streams.get(streamId) ?? [] }));
    } catch (error) {
      await this.databaseAnswers(error);
      return null;
    }
  }

  /** Rethrows `error` when the database does not answer: then the batch is retried, nobody quarantined. */
  private async databaseAnswers(error: unknown): Promise<void> {
    if (!isResidentFault(error)) throw error;
    try {
      await this.pool.query('SELECT 1');
    } catch {
      throw error;
    }
  }

  /**
   * The rows, the quarantine and the checkpoint, in one transaction. Should the rows of the
   * batch be refused for what one resident's hold (a NUL in a name: PostgreSQL's jsonb takes
   * none), the batch is written again resident by resident and only that one is quarantined.
   */
  private async write(prepared: PreparedBatch): Promise<void> {
    try {
      await this.writeBatch(prepared, false);
    } catch (error) {
      if (error instanceof CheckpointMovedError || !isResidentFault(error)) throw error;
      await this.writeBatch(prepared, true);
    }
    this.projected.emit('projected', prepared.batch.at(-1)!.position, prepared.taken);
  }

  /**
   * Refused if the checkpoint moved meanwhile. The checkpoint is locked first, then the tables:
   * the order a rebuild's swap locks them in (rebuild.ts), so the two wait for each other
   * instead of deadlocking.
   */
  private async writeBatch({ from, batch, projected, failed }: PreparedBatch, oneByOne: boolean): Promise<void> {
    const to = formatPosition(batch.at(-1)!.position);
    const plans: WritePlan[] = [];
    const generation = await inTransaction(this.pool, async (client) => {
      const moved = await client.query<{ generation: string }>(
        preparedStatement(
          `UPDATE ${this.schema}.projection_checkpoint SET position = $3, updated_at = now() WHERE name = $1 AND position = $2
           RETURNING tableoid::text AS generation`,
          [this.checkpointName, formatPosition(from), to],
        ),
      );
      if (moved.rowCount !== 1) throw new CheckpointMovedError();
      // The rows' digests hold only if this projector wrote the checkpoint it starts from, in
      // these very tables (a rebuild's swap makes new ones).
      if (this.lastWritten !== `${moved.rows[0]!.generation}/${formatPosition(from)}`) this.rows.written.forget();
      const write = async (residents: readonly Projected[]) => void plans.push(await this.rows.write(client, ...rowsOf(residents)));
      let refused: QuarantinedResident[] = [];
      if (oneByOne) refused = await writeEachApart(client, projected, write);
      else await write(projected);
      const written = projected.filter((resident) => !refused.some((r) => r.residentId === resident.residentId));
      await this.quarantine.update(
        client,
        [...failed, ...refused],
        written.map((resident) => resident.residentId),
      );
      return moved.rows[0]!.generation;
    }).catch((error: unknown) => {
      this.lastWritten = null;
      throw error;
    });
    this.lastWritten = `${generation}/${to}`;
    for (const plan of plans) this.rows.written.remember(plan);
  }
}

function eventsByStream(events: readonly StoredEvent[]): Map<string, StoredEvent[]> {
  const byStream = new Map<string, StoredEvent[]>();
  for (const event of events) {
    const stream = byStream.get(event.streamId);
    if (stream) stream.push(event);
    else byStream.set(event.streamId, [event]);
  }
  return byStream;
}
