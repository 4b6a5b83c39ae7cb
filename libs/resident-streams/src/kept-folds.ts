/**
 * Residents' streams and their folds kept in memory between requests, so that a read or a write
 * reads and folds only the events recorded since (one tenant's long stream must not slow
 * everyone). Only an optimisation: every answer first reads the stream's events after the
 * kept version from the store, so a write by another API process, a late fact or a retraction
 * is folded in (ResidentFold places it in legal order) before anything is answered, and nothing
 * stale is ever served. A write may be decided on the kept fold without that read (`lastSeen`):
 * its append names the version, and the store refuses it if the stream moved on. Bounded by the
 * number of events kept (least recently used dropped).
 *
 * A stream whose personal data was erased is never kept, and is dropped as soon as its erasure
 * is seen: its events are then read again whole, as the store now opens them (values gone).
 */
import type { EventStore, StoredEvent } from '@zairyu/event-store';
import { ResidentFold } from '@zairyu/domain';
import { erasureOf } from './personal-data/erasure-event.js';
import { toRecordedEvents } from './recorded-events.js';

export interface KeptStream {
  /** The stream as stored, in version order. */
  readonly stored: readonly StoredEvent[];
  readonly fold: ResidentFold;
  /** The version of the stream's last event (0: no stream). */
  readonly version: number;
}

/** Events kept when FOLD_CACHE_EVENTS is not set: a few hundred long residents, thousands of short ones. */
export const DEFAULT_KEPT_EVENTS = 50_000;

export class KeptFolds {
  /** In order of last use: the first is dropped first. */
  private readonly kept = new Map<string, KeptStream>();
  /** Streams this process wrote to after keeping them, and the version it wrote (see `wrote`). */
  private readonly written = new Map<string, number>();
  private events = 0;

  /** `maxEvents` 0 keeps nothing: every use reads and folds the whole stream. */
  constructor(private readonly maxEvents = DEFAULT_KEPT_EVENTS) {}

  /**
   * The stream as it is now in `store`. `head`, when given, is the stream's first event, already
   * read by the caller (an ownership check): only what follows it is read then.
   */
  async current(store: EventStore, streamId: string, head?: StoredEvent): Promise<KeptStream> {
    const kept = this.kept.get(streamId);
    const known = kept?.stored ?? (head === undefined ? [] : [head]);
    const since = await store.readStream(streamId, { fromVersion: (known.at(-1)?.version ?? 0) + 1 });
    if (kept !== undefined && since.length === 0) {
      this.touch(streamId, kept);
      return kept;
    }
    if (erasureOf(since) !== null || erasureOf(known) !== null) {
      // What was kept was opened with a key that no longer exists: read it again as it is now.
      this.drop(streamId);
      const stored = await store.readStream(streamId);
      return { stored, fold: ResidentFold.of(toRecordedEvents(stored)), version: stored.at(-1)?.version ?? 0 };
    }
    const stored = [...known, ...since];
    const fold = kept === undefined ? ResidentFold.of(toRecordedEvents(stored)) : kept.fold.extend(toRecordedEvents(since));
    const current = { stored, fold, version: stored.at(-1)?.version ?? 0 };
    this.keep(streamId, current);
    return current;
  }

  /**
   * The kept stream as this process last saw it, without a read; undefined when not kept. Only
   * for deciding a write whose append names the version it was decided on: the store refuses it
   * if the stream moved on meanwhile. Nothing may be answered from it alone.
   */
  lastSeen(streamId: string): KeptStream | undefined {
    const kept = this.kept.get(streamId);
    if (kept === undefined || kept.version < (this.written.get(streamId) ?? 0)) return undefined;
    this.touch(streamId, kept);
    return kept;
  }

  /**
   * This process appended to the stream up to `version`: its kept fold is behind its own write
   * (until a read or the projector's batch brings it up), so `lastSeen` gives it no more.
   */
  wrote(streamId: string, version: number): void {
    // Marked only while kept: a mark goes with its fold (dropped or evicted), so there are never
    // more marks than folds.
    if (this.kept.has(streamId)) this.written.set(streamId, version);
  }

  /** The kept stream's first event (its registration, which never changes), without a read; undefined when not kept. */
  first(streamId: string): StoredEvent | undefined {
    return this.kept.get(streamId)?.stored[0];
  }

  /**
   * Several streams as they are now (a projector's batch): those not kept are read in one
   * query, the kept ones from their kept version on. `seen`: events of these streams that the
   * caller has just read from the log (a projector's batch); a kept stream that they continue
   * from its kept version on (or that is kept past them) is extended with them without a read,
   * and is then the stream up to them at least (a later event comes in a later batch).
   */
  async currentMany(
    store: EventStore,
    streamIds: readonly string[],
    seen?: ReadonlyMap<string, readonly StoredEvent[]>,
  ): Promise<KeptStream[]> {
    const unknown = streamIds.filter((streamId) => !this.kept.has(streamId));
    const read = unknown.length > 0 ? await store.readStreams(unknown) : new Map<string, StoredEvent[]>();
    return Promise.all(
      streamIds.map(async (streamId) => {
        const stored = read.get(streamId);
        if (stored === undefined) return this.extendedBy(streamId, seen?.get(streamId)) ?? this.current(store, streamId);
        const whole = { stored, fold: ResidentFold.of(toRecordedEvents(stored)), version: stored.at(-1)?.version ?? 0 };
        if (erasureOf(stored) === null) this.keep(streamId, whole);
        return whole;
      }),
    );
  }

  /** The kept stream extended by `events` when they continue it without a gap and erase nothing; else undefined. */
  private extendedBy(streamId: string, events: readonly StoredEvent[] | undefined): KeptStream | undefined {
    const kept = this.kept.get(streamId);
    if (kept === undefined || events === undefined) return undefined;
    const since = events.filter((event) => event.version > kept.version);
    if (since.some((event, i) => event.version !== kept.version + 1 + i) || erasureOf(since) !== null) return undefined;
    if (since.length === 0) {
      this.touch(streamId, kept);
      return kept;
    }
    const stored = [...kept.stored, ...since];
    const current = { stored, fold: kept.fold.extend(toRecordedEvents(since)), version: stored.at(-1)!.version };
    this.keep(streamId, current);
    return current;
  }

  /** Forgets a stream (its data erased, or no longer needed). */
  drop(streamId: string): void {
    this.forgetFold(streamId);
    this.written.delete(streamId);
  }

  private forgetFold(streamId: string): void {
    const kept = this.kept.get(streamId);
    if (kept === undefined) return;
    this.kept.delete(streamId);
    this.events -= kept.stored.length;
  }

  private keep(streamId: string, stream: KeptStream): void {
    if (stream.version === 0 || stream.stored.length > this.maxEvents) return;
    // A reader that started earlier may finish later: never replace a newer fold with an older one.
    const kept = this.kept.get(streamId);
    if (kept !== undefined && kept.version > stream.version) return;
    this.forgetFold(streamId);
    this.kept.set(streamId, stream);
    this.events += stream.stored.length;
    // Caught up with this process's own write: decided on again without a read.
    if ((this.written.get(streamId) ?? Infinity) <= stream.version) this.written.delete(streamId);
    for (const [oldest, { stored }] of this.kept) {
      if (this.events <= this.maxEvents) break;
      this.kept.delete(oldest);
      this.written.delete(oldest);
      this.events -= stored.length;
    }
  }

  private touch(streamId: string, stream: KeptStream): void {
    this.kept.delete(streamId);
    this.kept.set(streamId, stream);
  }
}
