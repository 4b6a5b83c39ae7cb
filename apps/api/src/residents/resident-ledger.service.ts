/**
 * Loads one resident's stream for the caller's organisation. A stream of another
 * organisation is reported exactly like a missing one (404), so ids reveal nothing: the
 * owner is known from the registration alone (one indexed row, whatever the stream's
 * length; kept in memory with the fold), and only the owner's streams are read further, so
 * another organisation's long stream costs what a missing one does. Refusals are ResidentFailures (not found, erased). The owner's stream comes with its fold, kept between
 * requests and brought up to date with the events recorded since (kept-folds.ts), so a long
 * stream is neither read nor folded whole again.
 */
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type StoredEvent } from '@zairyu/event-store';
import {
  erasureOf,
  KeptFolds,
  residentStream,
  toRecordedEvents,
  UnreadableSealError,
  type KeptStream,
  type SealedEventStore,
} from '@zairyu/resident-streams';
import { ResidentFold, UnreadableEventError, type RecordedEvent } from '@zairyu/domain';
import { KEPT_FOLDS } from '../bootstrap/tokens.js';
import { isUuid } from '../http/query-params.js';
import { ResidentFailure } from './resident-failure.js';

export interface ResidentHistory {
  residentId: string;
  stored: readonly StoredEvent[];
  events: readonly RecordedEvent[];
  /** The domain's fold of `events`: read states and check new facts with it, not by folding `events` again. */
  fold: ResidentFold;
  version: number;
}

/** A resident's id as the streams name it; a malformed one names nobody, like another organisation's. */
export function residentIdOf(id: string): string {
  if (!isUuid(id)) throw ResidentFailure.notFound();
  return id.toLowerCase();
}

@Injectable()
export class ResidentLedger {
  constructor(
    @Inject(EVENT_STORE) private readonly store: SealedEventStore,
    @Inject(KEPT_FOLDS) private readonly folds: KeptFolds,
  ) {}

  /**
   * An erased resident (PersonalDataErased) answers 410 RESIDENT_ERASED: nothing can be shown or
   * recorded of them, except their history's types and dates (`withErased`).
   */
  async load(organisationId: string, residentId: string, { withErased = false } = {}): Promise<ResidentHistory> {
    const id = residentIdOf(residentId);
    const stream = residentStream(id);
    return this.owned(id, await readable(organisationId, () => this.ownedStream(organisationId, stream)), withErased);
  }

  /**
   * The resident as this process last saw them, without a read: null unless their stream is kept
   * here and is the organisation's. For deciding a write only (ResidentWriter.change).
   */
  lastSeen(organisationId: string, residentId: string): ResidentHistory | null {
    const id = residentIdOf(residentId);
    const kept = this.folds.lastSeen(residentStream(id));
    if (kept?.stored[0]?.metadata.organisationId !== organisationId) return null;
    return this.owned(id, kept, false);
  }

  /**
   * The owner's kept stream costs one read: what was recorded since (the owner is the kept
   * registration's, which never changes). Any other stream's owner is read first, from the
   * registration unopened, and only the owner's stream is read further: another organisation's
   * resident, kept here or not, costs the one statement a missing one does, and its stream is
   * neither read nor folded (so its state, an unreadable one too, shows nothing).
   */
  private async ownedStream(organisationId: string, stream: string): Promise<KeptStream> {
    if (this.folds.first(stream)?.metadata.organisationId !== organisationId && (await this.store.ownerOf(stream)) !== organisationId)
      throw ResidentFailure.notFound();
    return this.folds.current(this.store, stream);
  }

  /**
   * Several residents of the organisation at once (an import's batch, its ids read from the
   * organisation's own caseload): their streams in one read, each judged as `load` judges it.
   */
  async loadMany(organisationId: string, residentIds: readonly string[]): Promise<Map<string, ResidentHistory | ResidentFailure>> {
    const ids = residentIds.map(residentIdOf);
    const loaded = new Map<string, ResidentHistory | ResidentFailure>();
    let streams: KeptStream[];
    try {
      streams = await this.folds.currentMany(this.store, ids.map(residentStream));
    } catch (error) {
      if (!isUnreadable(error)) throw error;
      // One of them cannot be read: each on its own, that one refused.
      for (const id of ids) loaded.set(id, await this.load(organisationId, id).catch(asFailure));
      return loaded;
    }
    ids.forEach((id, index) => {
      const kept = streams[index]!;
      try {
        if (kept.stored[0]?.metadata.organisationId !== organisationId) throw ResidentFailure.notFound();
        loaded.set(id, this.owned(id, kept, false));
      } catch (failure) {
        loaded.set(id, asFailure(failure));
      }
    });
    return loaded;
  }

  /** An owned stream as a history, unless erased (RESIDENT_ERASED: nothing of the person can be shown or recorded). */
  private owned(id: string, { stored, fold, version }: KeptStream, withErased: boolean): ResidentHistory {
    const erasure = erasureOf(stored);
    if (erasure && !withErased) {
      const detail = `The personal data of this resident was erased on ${erasure.occurredOn}; only the history's dates and types remain.`;
      throw new ResidentFailure('RESIDENT_ERASED', detail);
    }
    return { residentId: id, stored, events: fold.events, fold, version };
  }

  /**
   * The stream as stored, erased or not, folded only if asked for (`fold`): for an erasure, which
   * must work even when the history cannot be folded (a resident the projection quarantined for it).
   */
  async loadUnfolded(organisationId: string, residentId: string): Promise<ResidentHistory> {
    const id = residentIdOf(residentId);
    const stream = residentStream(id);
    const [registration] = await readable(organisationId, () => this.store.readStream(stream, { maxCount: 1 }));
    if (registration?.metadata.organisationId !== organisationId) throw ResidentFailure.notFound();
    const stored = await readable(organisationId, () => this.store.readStream(stream));
    const events = toRecordedEvents(stored);
    let fold: ResidentFold | undefined;
    return {
      residentId: id,
      stored,
      events,
      version: stored.at(-1)!.version,
      get fold() {
        return (fold ??= ResidentFold.of(events));
      },
    };
  }

  /** This process appended to the resident's stream up to `version`: what it kept is behind. */
  wrote(residentId: string, version: number): void {
    this.folds.wrote(residentStream(residentIdOf(residentId)), version);
  }

  /** Drops what this process keeps of the resident's stream (after an erasure). */
  forget(residentId: string): void {
    this.folds.drop(residentStream(residentId));
  }
}

const isUnreadable = (error: unknown): error is UnreadableEventError | UnreadableSealError =>
  error instanceof UnreadableEventError || error instanceof UnreadableSealError;

function asFailure(error: unknown): ResidentFailure {
  if (error instanceof ResidentFailure) return error;
  throw error;
}

/**
 * `read()`, with a stream that cannot be read or folded (an event or a sealed value damaged in
 * the database, which the projection quarantines too) refused as RESIDENT_UNREADABLE, not a
 * 500. Another organisation's resident is not found, whatever state its stream is in.
 */
async function readable<T>(organisationId: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isUnreadable(error)) throw error;
    if (error instanceof UnreadableSealError && error.organisationId !== organisationId) throw ResidentFailure.notFound();
    throw new ResidentFailure(
      'RESIDENT_UNREADABLE',
      `この在留者の記録を読み取れません。The recorded history of this resident cannot be read (${error.message}); it needs repair by an administrator, who sees it in the projection's quarantine.`,
    );
  }
}
