/**
 * The EventStore port. It stores typed envelopes and knows nothing of the domain: streams
 * are named strings, `data` is JSON, versions count from 1 within a stream.
 */
import type { GlobalPosition } from './global-position.js';

export interface EventMetadata {
  /** Set by the store when the event is written. */
  readonly recordedAt?: string;
  /** API key or user that recorded the event. */
  readonly recordedBy: string;
  readonly organisationId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly [extra: string]: unknown;
}

export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  /** The legal date of the fact, `YYYY-MM-DD`. */
  readonly occurredOn: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface StoredEvent extends NewEvent {
  readonly streamId: string;
  readonly version: number;
  readonly position: GlobalPosition;
  readonly metadata: EventMetadata & { readonly recordedAt: string };
}

/**
 * `no_stream`: the stream must not exist; `stream_exists`: it must; a number: the version of
 * the stream's last event must be exactly that; `any`: no check.
 */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendResult {
  /** Version of the last event appended: pass it as the next expected version. */
  readonly version: number;
  /** Global position of the last event appended. */
  readonly position: GlobalPosition;
}

/** One stream's part of an atomic write across streams. */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedVersion;
}

export interface ReadStreamOptions {
  /** The first version to read (default 1). */
  readonly fromVersion?: number;
  /** At most this many events (default: to the end). */
  readonly maxCount?: number;
}

export interface EventStore {
  /** Appends atomically: all events or none. Throws WrongExpectedVersionError on a conflict. */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  /**
   * Appends to several streams in one transaction: every stream's events or none, each
   * stream's expected version checked (a set-wide claim and the fact that needs it).
   * Throws WrongExpectedVersionError naming the stream that conflicted.
   */
  appendToStreams(writes: readonly StreamAppend[]): Promise<AppendResult[]>;
  /**
   * Runs `work` while no other caller of `serialised` with this stream id runs in this process;
   * its append to the stream takes its turn with every other process's writers on the database
   * (PostgreSQL), so that writers of one stream queue instead of refusing each other. `work`
   * reads the stream, decides and appends to it once, at its end, with nothing irreversible
   * before: PostgreSQL may run it twice, a first time without the stream's lock and, if another
   * process's writer came first, again in turn (postgres/stream-turn.ts).
   */
  serialised<T>(streamId: string, work: () => Promise<T>): Promise<T>;
  /** The stream in version order (or the slice `options` names); empty when it does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** Several whole streams at once (a projector re-folding a batch), each in version order. */
  readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>>;
  /**
   * Up to `limit` events after `after` (exclusive) in global order, never skipping one that commits
   * late. Readers of the whole log (the projector) page through it from their checkpoint.
   */
  readAll(after: GlobalPosition | null, limit: number): Promise<StoredEvent[]>;
  /**
   * Position of the last event in the log (null: empty), for readers that must see every write
   * so far. With `organisationId`, of the last event written for that organisation
   * (`metadata.organisationId`), where the store can find it cheaply, else the log's: a reader
   * of one organisation's data then need not wait for another's writes.
   */
  headPosition(organisationId?: string): Promise<GlobalPosition | null>;
  /** Events after `after` not yet handed out, or null when the store cannot count them cheaply. */
  countAfter(after: GlobalPosition | null): Promise<number | null>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');

/** One whole stream of a page read in stream order; `unreadable` when it could not be opened (sealed-event-store.ts). */
export interface OrderedStream {
  readonly streamId: string;
  readonly events: readonly StoredEvent[];
  readonly unreadable?: Error;
}

/**
 * A store that can hand out its streams whole and in stream-id order: a rebuild then reads and
 * folds each resident once, however its events are spread over the log, instead of re-reading
 * its stream for every page of the log that touches it. Optional (PostgreSQL has it).
 */
export interface StreamOrderedReads {
  /**
   * The last position of the settled log, or null when nothing is settled: every event at or
   * before it has committed, and no event can commit before it later. Read it before the
   * streams, and every event up to it is among the streams read after.
   */
  settledPosition(): Promise<GlobalPosition | null>;
  /**
   * Whole streams whose ids start with `prefix` and sort after `after` (null: from the first),
   * in id order, about `maxEvents` events in all (the last stream is always read to its end).
   * An empty page is the end. With `through`, only streams whose ids sort at or before it: a
   * range of the streams, so that a rebuild can load two ranges side by side.
   */
  readStreamsAfter(prefix: string, after: string | null, maxEvents: number, through?: string | null): Promise<OrderedStream[]>;
}

export function readsStreamsInOrder(store: EventStore): store is EventStore & StreamOrderedReads {
  const candidate = store as Partial<StreamOrderedReads>;
  return typeof candidate.readStreamsAfter === 'function' && typeof candidate.settledPosition === 'function';
}
