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

export interface SubscribeOptions {
  /** Only streams whose id starts with one of these. */
  readonly streamPrefixes?: readonly string[];
  readonly onError?: (error: unknown) => void;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface EventStore {
  /** Appends atomically: all events or none. Throws WrongExpectedVersionError on a conflict. */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  /** The whole stream in version order; empty when it does not exist. */
  readStream(streamId: string): Promise<StoredEvent[]>;
  /** Several whole streams at once (a projector re-folding a batch), each in version order. */
  readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>>;
  /** Up to `limit` events after `after` (exclusive) in global order, never skipping one that commits late. */
  readAll(after: GlobalPosition | null, limit: number): Promise<StoredEvent[]>;
  /** Calls `handler` for each event after `after`, in order, then for new ones as they come. */
  subscribeToAll(
    after: GlobalPosition | null,
    handler: (event: StoredEvent) => Promise<void> | void,
    options?: SubscribeOptions,
  ): Subscription;
  /** Position of the last event in the log (null: empty), for readers that must see every write so far. */
  headPosition(): Promise<GlobalPosition | null>;
  /** Events after `after` not yet handed out, or null when the store cannot count them cheaply. */
  countAfter(after: GlobalPosition | null): Promise<number | null>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
