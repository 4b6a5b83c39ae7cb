/**
 * The event store as the ledger uses it: personal values of a resident's events are sealed with
 * that resident's data key on the way in and opened on the way out, so the log itself never
 * holds them in clear text. Once a key is destroyed (erasure) they read as null. Every other
 * stream, and every other value, passes through untouched.
 */
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  GlobalPosition,
  NewEvent,
  OrderedStream,
  ReadStreamOptions,
  StoredEvent,
  StreamAppend,
} from '@zairyu/event-store';
import { readsStreamsInOrder } from '@zairyu/event-store';
import { residentIdOfStream } from '../stream-names.js';
import { open, seal } from './data-keys.js';
import { japanDateOf, PERSONAL_DATE_TYPES } from '@zairyu/domain';
import { hasPersonalValues, holdsSealedValue, mapPersonalValues, mapSealedValues } from './personal-fields.js';
import { DAMAGED_KEY, PersonalDataErasedError, UnreadableSealError, type KeyLookup, type ResidentKeys } from './resident-keys.js';

const bound = (residentId: string) => `resident:${residentId}`;

/**
 * An event whose day is personal (a birth in Japan) keeps the day it was recorded in the clear
 * (known from its metadata anyway); the real one is sealed in its data under this key, and put
 * back when the event is opened.
 */
export const SEALED_DAY_KEY = 'occurredOn';

function carriesPersonalValues(event: NewEvent): boolean {
  return PERSONAL_DATE_TYPES.has(event.type) || hasPersonalValues(event.data, event.type);
}

export class SealedEventStore implements EventStore {
  /** Present when the inner store reads in stream order (StreamOrderedReads): a rebuild reads through them. */
  readonly settledPosition?: () => Promise<GlobalPosition | null>;
  readonly readStreamsAfter?: (
    prefix: string,
    after: string | null,
    maxEvents: number,
    through?: string | null,
  ) => Promise<OrderedStream[]>;

  constructor(
    private readonly inner: EventStore,
    /** The residents' keys: the read models seal their rows with them too. */
    readonly keys: ResidentKeys,
  ) {
    if (readsStreamsInOrder(inner)) {
      this.settledPosition = () => inner.settledPosition();
      this.readStreamsAfter = async (prefix, after, maxEvents, through) =>
        openStreams(keys, await inner.readStreamsAfter(prefix, after, maxEvents, through));
    }
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const keys = await this.keysToSeal([{ streamId, events, expected }]);
    return this.inner.append(streamId, sealAll(streamId, events, keys), expected);
  }

  async appendToStreams(writes: readonly StreamAppend[]): Promise<AppendResult[]> {
    const keys = await this.keysToSeal(writes);
    return this.inner.appendToStreams(writes.map((write) => ({ ...write, events: sealAll(write.streamId, write.events, keys) })));
  }

  serialised<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    return this.inner.serialised(streamId, work);
  }

  /**
   * The key is looked up only when there is something to open: a kept fold's read of what was
   * recorded since (most often nothing) costs one statement, not two.
   */
  async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    const residentId = residentIdOfStream(streamId);
    const events = await this.inner.readStream(streamId, options);
    if (residentId === null || !events.some((event) => holdsSealedValue(event.data))) return events;
    const keys = await this.keys.keysOf([residentId]);
    return events.map((event) => openEvent(event, keys));
  }

  /**
   * The organisation a stream's first event names (null: no stream), read without opening
   * anything: an ownership check that costs the same for another organisation's resident and for
   * a missing one (one indexed row each).
   */
  async ownerOf(streamId: string): Promise<string | null> {
    const [first] = await this.inner.readStream(streamId, { maxCount: 1 });
    return first?.metadata.organisationId ?? null;
  }

  async readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    const streams = await this.inner.readStreams(streamIds);
    const keys = await this.keys.keysOf(residentIdsOf([...streams.values()].flat()));
    return new Map([...streams].map(([id, events]) => [id, events.map((event) => openEvent(event, keys))]));
  }

  async readAll(after: GlobalPosition | null, limit: number): Promise<StoredEvent[]> {
    return this.openAll(await this.inner.readAll(after, limit));
  }

  headPosition(organisationId?: string): Promise<GlobalPosition | null> {
    return this.inner.headPosition(organisationId);
  }

  countAfter(after: GlobalPosition | null): Promise<number | null> {
    return this.inner.countAfter(after);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /**
   * One look-up for all the residents whose events carry personal values. A stream written to at
   * a version it already has holds a resident whose key exists (made with its registration): its
   * key is read, not made and offered again (a recorded fact, the commonest write, then costs one
   * primary-key read and no new key); the others' keys are made on first use.
   */
  private async keysToSeal(
    writes: ReadonlyArray<Pick<StreamAppend, 'streamId' | 'events'> & { expected?: ExpectedVersion }>,
  ): Promise<KeyLookup> {
    const owners = new Map<string, string>();
    const existing: string[] = [];
    for (const { streamId, events, expected } of writes) {
      const residentId = residentIdOfStream(streamId);
      if (residentId === null || !events.some(carriesPersonalValues)) continue;
      owners.set(residentId, events[0]!.metadata.organisationId);
      if ((typeof expected === 'number' && expected > 0) || expected === 'stream_exists') existing.push(residentId);
    }
    const found = existing.length > 0 ? await this.keys.keysOf(existing) : new Map<string, never>();
    const toMake = new Map([...owners].filter(([residentId]) => !found.has(residentId)));
    return toMake.size === 0 ? found : new Map([...found, ...(await this.keys.keysToSeal(toMake))]);
  }

  /**
   * The global log, opened. An event whose sealed value cannot be opened (the value or the
   * resident's data key damaged in the database) is passed on as stored rather than failing the
   * page: one resident's damage must not stop the projection of everyone (its reader pages by
   * position); reading that resident's stream still fails, and the projection quarantines it.
   */
  private async openAll(events: StoredEvent[]): Promise<StoredEvent[]> {
    if (events.length === 0) return events;
    const keys = await this.keys.keysOf(residentIdsOf(events));
    return events.map((event) => {
      try {
        return openEvent(event, keys);
      } catch {
        return event;
      }
    });
  }
}

/** A page's keys looked up once, each value opened once; a stream that cannot be opened is marked, not thrown (the rebuild quarantines it). */
async function openStreams(keys: ResidentKeys, streams: readonly OrderedStream[]): Promise<OrderedStream[]> {
  const lookup = await keys.keysOf(residentIdsOf(streams.flatMap((stream) => stream.events)));
  return streams.map((stream) => {
    try {
      return { streamId: stream.streamId, events: stream.events.map((event) => openEvent(event, lookup)) };
    } catch (error) {
      return { ...stream, unreadable: error instanceof Error ? error : new Error(String(error)) };
    }
  });
}

function residentIdsOf(events: readonly StoredEvent[]): string[] {
  return [...new Set(events.map((event) => residentIdOfStream(event.streamId)).filter((id) => id !== null))];
}

function sealAll(streamId: string, events: readonly NewEvent[], keys: KeyLookup): readonly NewEvent[] {
  const residentId = residentIdOfStream(streamId);
  if (residentId === null || !events.some(carriesPersonalValues)) return events;
  const key = keys.get(residentId);
  if (!key) throw new PersonalDataErasedError(residentId);
  if (key === DAMAGED_KEY) throw new UnreadableSealError(residentId, events[0]?.metadata.organisationId ?? null, 'its data key is damaged');
  const sealValue = (value: unknown) => ({
    $sealed: seal(key, Buffer.from(JSON.stringify(value), 'utf8'), bound(residentId)).toString('base64'),
  });
  return events.map((event) => {
    const data = mapPersonalValues(event.data, sealValue, event.type);
    if (!PERSONAL_DATE_TYPES.has(event.type)) return { ...event, data };
    return { ...event, occurredOn: japanDateOf(new Date()), data: { ...(data as object), [SEALED_DAY_KEY]: sealValue(event.occurredOn) } };
  });
}

/** Sealed values opened with the resident's key; null where the key was destroyed; UnreadableSealError where one cannot be opened. */
function openEvent(event: StoredEvent, keys: KeyLookup): StoredEvent {
  const residentId = residentIdOfStream(event.streamId);
  if (residentId === null) return event;
  const key = keys.get(residentId);
  const unreadable = (what: string) => new UnreadableSealError(residentId, event.metadata?.organisationId ?? null, what);
  const data = mapSealedValues(event.data, (value) => {
    if (!key) return null;
    if (key === DAMAGED_KEY) throw unreadable('its data key is damaged');
    try {
      return JSON.parse(open(key, Buffer.from(value.$sealed, 'base64'), bound(residentId)).toString('utf8'));
    } catch {
      throw unreadable(`a sealed value of event ${event.eventId} is damaged`);
    }
  });
  if (!PERSONAL_DATE_TYPES.has(event.type) || typeof data !== 'object' || data === null || !Object.hasOwn(data, SEALED_DAY_KEY))
    return { ...event, data };
  // Erased, the day reads as the day it was recorded: the history keeps that a birth was recorded, not when.
  const { [SEALED_DAY_KEY]: day, ...rest } = data as Record<string, unknown>;
  return { ...event, occurredOn: typeof day === 'string' ? day : event.occurredOn, data: rest };
}

/** The store that seals, over `inner`, with the key table made if need be. */
export async function sealedEventStore(inner: EventStore, keys: ResidentKeys): Promise<SealedEventStore> {
  await keys.ensureTable();
  return new SealedEventStore(inner, keys);
}
