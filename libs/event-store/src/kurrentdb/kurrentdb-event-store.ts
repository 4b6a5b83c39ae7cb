/**
 * The KurrentDB (EventStoreDB) adapter, through the official client. Streams, expected
 * versions and the `$all` log are KurrentDB's own; `occurredOn` and our metadata travel in
 * the event metadata. `$all` positions are (commit, prepare), as GlobalPosition.
 *
 * Writes across streams (a card-number claim and the fact that needs it) use KurrentDB's
 * multi-stream append (server 25.1 or later): atomic, each stream's expected revision
 * checked. Writers of one stream are queued within this process; between processes the
 * expected revision decides and the loser retries (KurrentDB has no lock to wait on).
 */
import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError as KurrentWrongExpectedVersion,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamResolvedEvent,
  type JSONType,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type {
  AppendResult,
  EventMetadata,
  ReadStreamOptions,
  StreamAppend,
  EventStore,
  ExpectedVersion,
  NewEvent,
  StoredEvent,
} from '../event-store.js';
import { WrongExpectedVersionError } from '../errors.js';
import type { GlobalPosition } from '../global-position.js';
import { toStreamState, versionOfRevision } from './expected-version.js';
import { KeyedQueue } from '../keyed-queue.js';

interface StoredMetadata extends EventMetadata {
  occurredOn: string;
  recordedAt: string;
}

export class KurrentDbEventStore implements EventStore {
  private readonly queue = new KeyedQueue();

  constructor(private readonly client: KurrentDBClient) {}

  static connect(connectionString: string): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString));
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('Nothing to append');
    const recordedAt = new Date().toISOString();
    try {
      const result = await this.client.appendToStream(streamId, toEventData(events, recordedAt), { streamState: toStreamState(expected) });
      return {
        version: versionOfRevision(result.nextExpectedRevision),
        position: result.position ?? { commit: 0n, prepare: 0n },
      };
    } catch (error) {
      if (error instanceof KurrentWrongExpectedVersion) {
        const actual = typeof error.actualState === 'bigint' ? versionOfRevision(error.actualState) : null;
        throw new WrongExpectedVersionError(streamId, expected, actual);
      }
      throw error;
    }
  }

  async appendToStreams(writes: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (writes.length === 0 || writes.some((write) => write.events.length === 0)) throw new RangeError('Nothing to append');
    if (writes.length === 1) return [await this.append(writes[0]!.streamId, writes[0]!.events, writes[0]!.expected)];
    const recordedAt = new Date().toISOString();
    try {
      const result = await this.client.multiStreamAppend(
        writes.map((write) => ({
          streamName: write.streamId,
          events: toEventData(write.events, recordedAt),
          expectedState: toStreamState(write.expected),
        })),
      );
      return result.responses.map((response) => ({
        version: versionOfRevision(response.revision),
        position: { commit: result.position, prepare: result.position },
      }));
    } catch (error) {
      if (error instanceof KurrentWrongExpectedVersion) {
        const write = writes.find((candidate) => candidate.streamId === error.streamName) ?? writes[0]!;
        const actual = typeof error.actualState === 'bigint' ? versionOfRevision(error.actualState) : null;
        throw new WrongExpectedVersionError(write.streamId, write.expected, actual);
      }
      throw error;
    }
  }

  serialised<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    return this.queue.run(streamId, work);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    const from = options.fromVersion && options.fromVersion > 1 ? BigInt(options.fromVersion - 1) : START;
    try {
      const read = this.client.readStream(streamId, {
        direction: FORWARDS,
        fromRevision: from,
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
      for await (const resolved of read) {
        const stored = toStoredEvent(resolved);
        if (stored) events.push(stored);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    return new Map(await Promise.all(streamIds.map(async (id) => [id, await this.readStream(id)] as const)));
  }

  async readAll(after: GlobalPosition | null, limit: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    const read = this.client.readAll({
      fromPosition: after ?? START,
      direction: FORWARDS,
      maxCount: limit + 1,
      filter: excludeSystemEvents(),
    });
    for await (const resolved of read) {
      const stored = toStoredEvent(resolved);
      // KurrentDB reads $all from a position inclusively; ours is exclusive.
      if (!stored || (after && stored.position.commit === after.commit && stored.position.prepare === after.prepare)) continue;
      events.push(stored);
      if (events.length === limit) break;
    }
    return events;
  }

  /** The log's last event, also when asked for one organisation's: KurrentDB has no index of them here. */
  async headPosition(_organisationId?: string): Promise<GlobalPosition | null> {
    for await (const resolved of this.client.readAll({
      fromPosition: END,
      direction: BACKWARDS,
      maxCount: 1,
      filter: excludeSystemEvents(),
    })) {
      return resolved.event?.position ?? null;
    }
    return null;
  }

  /** KurrentDB has no cheap count of `$all` after a position; lag is reported as unknown. */
  async countAfter(): Promise<null> {
    return null;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

function toEventData(events: readonly NewEvent[], recordedAt: string) {
  return events.map((event) =>
    jsonEvent({
      id: event.eventId,
      type: event.type,
      data: (event.data ?? {}) as JSONType,
      metadata: { ...event.metadata, occurredOn: event.occurredOn, recordedAt } as unknown as JSONType,
    }),
  );
}

function toStoredEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): StoredEvent | null {
  const event = resolved.event;
  if (!event || !event.isJson) return null;
  const { occurredOn, ...metadata } = event.metadata as unknown as StoredMetadata;
  return {
    streamId: event.streamId,
    version: versionOfRevision(event.revision),
    position: event.position ?? { commit: 0n, prepare: 0n },
    eventId: event.id,
    type: event.type,
    occurredOn,
    data: event.data,
    metadata,
  };
}
