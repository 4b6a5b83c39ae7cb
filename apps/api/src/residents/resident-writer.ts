/**
 * The one way into a resident's stream. Recording, registering, the caseload import and erasure
 * all write through here, so each write is judged the same way: the stream loaded for the
 * caller's organisation (another organisation's resident is not found, an erased one answers
 * RESIDENT_ERASED), the bound on the history, an Idempotency-Key's first answer, the domain's
 * decision, the claims of new card numbers (appended in the same write), the metadata with the
 * request's correlation id, the append with the version the decision was made on, and a nudge
 * to the projector.
 *
 * Writers of one resident take turns (the store serialises them, across processes on
 * PostgreSQL), so without If-Match concurrent facts are all recorded; with If-Match only the
 * one that names the current version is. A write that loses a race anyway (another process, a
 * card number claimed meanwhile) is decided again on the new history, a few times.
 */
import { Inject, Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import {
  decideAll,
  japanDateOf,
  type LedgerEvent,
  type LocalDate,
  type RecordableEvent,
  type RegistrationDetails,
  type ResidentCommand,
} from '@zairyu/domain';
import {
  EVENT_STORE,
  WrongExpectedVersionError,
  type EventMetadata,
  type EventStore,
  type StoredEvent,
  type StreamAppend,
  newEventId,
} from '@zairyu/event-store';
import { PersonalDataErasedError, residentStream } from '@zairyu/resident-streams';
import { recordedBy, type OrganisationCaller } from '../auth/principal.js';
import { APP_CONFIG, CLOCK, PROJECTION, type AppConfig, type Clock } from '../bootstrap/tokens.js';
import { uuidFromName } from '../http/deterministic-uuid.js';
import type { ProjectionHandle } from '../projection/index.js';
import { cardClaims, reservationsClaimed, type CardClaimContext } from './card-claims.js';
import { DEFAULT_MAX_EVENTS_PER_RESIDENT, refuseWhenHistoryFull } from './history-limit.js';
import { ResidentFailure } from './resident-failure.js';
import { residentIdOf, ResidentLedger, type ResidentHistory } from './resident-ledger.service.js';

/** Who writes, and the request the write belongs to. */
export interface Author {
  caller: OrganisationCaller;
  correlationId: string;
}

export interface Registration extends Author {
  residentId: string;
  details: RegistrationDetails;
  /** Facts recorded in the same write as the registration (an import's take-over). */
  facts?: readonly RecordableEvent[];
  /** A repeat of the request with the same key finds the first registration (residentId must derive from it too). */
  idempotencyKey?: string | null;
}

export interface Recording extends Author {
  residentId: string;
  /** The facts, or how to make them from the history as loaded for the write (an import compares a row with it). */
  facts: readonly RecordableEvent[] | ((history: ResidentHistory) => readonly RecordableEvent[]);
  ifMatch?: number | null;
  idempotencyKey?: string | null;
}

export interface Written {
  residentId: string;
  eventIds: string[];
  /** The stream's version after the write (unchanged when there was nothing to write). */
  version: number;
}

/** An event to append: a fact the domain decided, or a record of the ledger's own (an erasure). */
export type NewFact = Pick<LedgerEvent, 'occurredOn'> & { type: string; data: unknown };

/** What a lower-level change makes of the history: events to append, or the answer without a write. */
export type Change<T> = { events: readonly NewFact[]; eventIds?: string[]; answer: (version: number) => T } | { answer: T };

const ATTEMPTS = 5;

@Injectable()
export class ResidentWriter {
  constructor(
    private readonly ledger: ResidentLedger,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): LocalDate {
    return japanDateOf(this.clock());
  }

  /**
   * The events `facts` add to `history`, or the failure that refuses them (the history full, a
   * rule broken: `facts.at` names which fact). Pure but for the configuration: an import's dry
   * run judges its rows with it.
   */
  decideFacts(history: ResidentHistory, facts: readonly RecordableEvent[], today = this.today()): LedgerEvent[] {
    refuseWhenHistoryFull(history.version, this.config.maxEventsPerResident ?? DEFAULT_MAX_EVENTS_PER_RESIDENT);
    return decided(
      facts.map((fact) => ({ type: 'RecordFact', fact, today })),
      history.fold,
    );
  }

  /** The events of a registration and the facts that follow it, or the failure that refuses them (no I/O). */
  decideRegistration(registration: Pick<Registration, 'residentId' | 'details' | 'facts'>, today = this.today()): LedgerEvent[] {
    const { residentId, details, facts = [] } = registration;
    return decided(
      [
        { type: 'RegisterResident', residentId, details, today },
        ...facts.map((fact): ResidentCommand => ({ type: 'RecordFact', fact, today })),
      ],
      [],
    );
  }

  /** Records facts about a registered resident of the caller's organisation. */
  async record(recording: Recording): Promise<Written> {
    const { caller, idempotencyKey = null, ifMatch = null } = recording;
    const residentId = residentIdOf(recording.residentId);
    const key = idempotencyKey === null ? null : uuidFromName(`event:${caller.organisationId}:${residentId}:${idempotencyKey}`);
    return this.change(
      recording,
      residentId,
      (history) => {
        const facts = typeof recording.facts === 'function' ? recording.facts(history) : recording.facts;
        const eventIds = facts.map((_, index) => (key === null ? newEventId() : index === 0 ? key : uuidFromName(`${key}:${index}`)));
        const earlier = key === null ? undefined : history.stored.find((event) => event.eventId === key);
        if (earlier) {
          const fact = facts[0];
          const same =
            fact !== undefined &&
            earlier.type === fact.type &&
            earlier.occurredOn === fact.occurredOn &&
            isDeepStrictEqual(earlier.data, fact.data);
          if (!same) throw new ResidentFailure('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different event.');
          return { answer: { residentId, eventIds: [earlier.eventId], version: earlier.version } };
        }
        if (ifMatch !== null && ifMatch !== history.version)
          throw new ResidentFailure('STALE_VERSION', `The resident is at version ${history.version}, not ${ifMatch}.`);
        if (facts.length === 0) return { answer: { residentId, eventIds: [], version: history.version } };
        const events = this.decideFacts(history, facts);
        return { events, eventIds, answer: (version) => ({ residentId, eventIds, version }) };
      },
      { ifMatch },
    );
  }

  /**
   * Records facts about several residents of the caller's organisation in one write: all are
   * recorded or none (a reassignment of many residents at once). For facts that claim no card
   * number (the claims of record() are not made here). A resident that is missing,
   * erased or refuses its facts refuses the whole write, its index in `failure.residentFacts.at`.
   * Writes of the same residents meanwhile are met by deciding again on their new histories.
   */
  async recordAll(
    author: Author,
    recordings: ReadonlyArray<{ residentId: string; facts: readonly RecordableEvent[] }>,
  ): Promise<Written[]> {
    const organisationId = author.caller.organisationId;
    const metadata = this.metadata(author);
    for (let attempt = 1; ; attempt++) {
      const histories = await this.ledger.loadMany(
        organisationId,
        recordings.map((recording) => recording.residentId),
      );
      const writes: StreamAppend[] = [];
      const answers: Array<Omit<Written, 'version'>> = [];
      for (const [index, { residentId, facts }] of recordings.entries()) {
        const history = histories.get(residentIdOf(residentId))!;
        if (history instanceof ResidentFailure)
          throw new ResidentFailure(history.reason, history.detail, { ...history.residentFacts, at: index });
        let events: LedgerEvent[];
        try {
          events = this.decideFacts(history, facts);
        } catch (failure) {
          if (!(failure instanceof ResidentFailure)) throw failure;
          throw new ResidentFailure(failure.reason, failure.detail, { ...failure.residentFacts, at: index });
        }
        const eventIds = events.map(() => newEventId());
        writes.push({
          streamId: residentStream(history.residentId),
          events: newEvents(events, metadata, eventIds),
          expected: history.version,
        });
        answers.push({ residentId: history.residentId, eventIds });
      }
      try {
        const written = await this.store.appendToStreams(writes);
        answers.forEach((answer, index) => this.ledger.wrote(answer.residentId, written[index]!.version));
        this.projection.nudge();
        return answers.map((answer, index) => ({ ...answer, version: written[index]!.version }));
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (attempt >= ATTEMPTS)
          throw new ResidentFailure('CONCURRENT_CHANGE', 'The residents kept changing while this was being recorded.');
      }
    }
  }

  /**
   * The lowest level: appends what `plan` makes of the resident's history, loaded for the
   * caller's organisation (erased residents too when `withErased`: an erasure repeats its answer;
   * `unfolded`: folded only if the plan asks, so that a history the domain cannot fold, which
   * the projection quarantined, can still be erased).
   */
  async change<T>(
    author: Author,
    residentId: string,
    plan: (history: ResidentHistory) => Change<T>,
    { ifMatch = null, withErased = false, unfolded = false }: { ifMatch?: number | null; withErased?: boolean; unfolded?: boolean } = {},
  ): Promise<T> {
    const organisationId = author.caller.organisationId;
    const stream = residentStream(residentIdOf(residentId));
    const metadata = this.metadata(author);
    // Attempt 0 decides on the fold this process kept, without reading the stream: should another
    // process have written the resident since, the append's expected version refuses what it
    // decided. It answers only by appending: an answer without a write, a refusal or a failure
    // is judged again, from attempt 1 on, on the stream as it is now. Once only: when the work
    // runs again under the stream's lock (a refused append in the first run gives way to it,
    // stream-turn.ts), it reads.
    let triedLastSeen = unfolded || withErased;
    return this.store.serialised(stream, async () => {
      const lastSeen = triedLastSeen ? null : this.ledger.lastSeen(organisationId, residentId);
      triedLastSeen = true;
      for (let attempt = lastSeen === null ? 1 : 0; ; attempt++) {
        const onLastSeen = attempt === 0;
        const history = onLastSeen
          ? lastSeen!
          : unfolded
            ? await this.ledger.loadUnfolded(organisationId, residentId)
            : await this.ledger.load(organisationId, residentId, { withErased });
        let change: Change<T>;
        let claims: StreamAppend[];
        try {
          change = plan(history);
          if (!('events' in change)) {
            if (onLastSeen) continue;
            return change.answer;
          }
          claims = await cardClaims(
            {
              store: this.store,
              organisationId,
              residentId: history.residentId,
              stored: history.stored,
              metadata,
              recordOf: async (holder) => (await this.ledger.load(organisationId, holder).catch(() => null))?.stored ?? [],
            },
            change.events,
          );
        } catch (error) {
          if (onLastSeen) continue;
          throw error;
        }
        try {
          const [written] = await this.store.appendToStreams([
            { streamId: stream, events: newEvents(change.events, metadata, change.eventIds), expected: history.version },
            ...claims,
          ]);
          this.ledger.wrote(history.residentId, written!.version);
          this.projection.nudge();
          return change.answer(written!.version);
        } catch (error) {
          // Written or erased by another process since: attempt 1 reads what it wrote (an erasure: 410).
          if (onLastSeen && (error instanceof WrongExpectedVersionError || error instanceof PersonalDataErasedError)) continue;
          if (!(error instanceof WrongExpectedVersionError)) throw error;
          // Only another process can have written the resident meanwhile (writers here take turns).
          if (error.streamId === stream && ifMatch !== null)
            throw new ResidentFailure('CHANGED_MEANWHILE', 'The resident changed while this was being recorded.');
          if (attempt >= ATTEMPTS) throw new ResidentFailure('CONCURRENT_CHANGE', 'The resident is being changed by others; try again.');
        }
      }
    });
  }

  /** Registers a resident (and the facts that follow, in the same write). */
  async register(registration: Registration): Promise<Written> {
    const { caller, residentId, idempotencyKey = null } = registration;
    const organisationId = caller.organisationId;
    const events = this.decideRegistration(registration);
    const eventIds = events.map((_, index) =>
      idempotencyKey === null ? newEventId() : uuidFromName(`resident:${organisationId}:${idempotencyKey}:${index}`),
    );
    const metadata = this.metadata(registration);
    for (let attempt = 1; ; attempt++) {
      try {
        const [written] = await this.store.appendToStreams(await this.registrationWrites(registration, events, metadata, eventIds));
        this.projection.nudge();
        return { residentId, eventIds, version: written!.version };
      } catch (error) {
        // The stream exists: a repeat, or an erased resident's (whose data can be sealed no more).
        if (error instanceof PersonalDataErasedError && error.residentId === residentId)
          return this.registeredBefore(registration, events[0]!);
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (error.streamId === residentStream(residentId)) return this.registeredBefore(registration, events[0]!);
        // A card number claimed meanwhile: decided again, it is in use now.
        if (attempt >= ATTEMPTS) throw new ResidentFailure('CONCURRENT_CHANGE', 'The resident is being changed by others; try again.');
      }
    }
  }

  /**
   * Registers several residents in one atomic write (an import's batch, for speed): all or
   * none. The caller writes them one by one when this is refused, so that one conflict never
   * costs the others their write.
   */
  async registerAll(registrations: readonly Registration[]): Promise<void> {
    const decided = registrations.map((registration) => ({ registration, events: this.decideRegistration(registration) }));
    // The card reservations of the whole batch in one read.
    const reservations = decided.flatMap(({ registration, events }) => reservationsClaimed(registration.caller.organisationId, events));
    const read = reservations.length > 0 ? await this.store.readStreams(reservations) : new Map<string, StoredEvent[]>();
    const prefetched = { readStream: async (streamId: string) => read.get(streamId) ?? this.store.readStream(streamId) };
    const writes: StreamAppend[] = [];
    for (const { registration, events } of decided)
      writes.push(...(await this.registrationWrites(registration, events, this.metadata(registration), undefined, prefetched)));
    await this.store.appendToStreams(writes);
    this.projection.nudge();
  }

  private async registrationWrites(
    registration: Registration,
    events: LedgerEvent[],
    metadata: EventMetadata,
    eventIds?: string[],
    reservations: CardClaimContext['store'] = this.store,
  ): Promise<StreamAppend[]> {
    const { caller, residentId } = registration;
    const claims = await cardClaims(
      {
        store: reservations,
        organisationId: caller.organisationId,
        residentId,
        stored: [],
        metadata,
        recordOf: async (holder) => (await this.ledger.load(caller.organisationId, holder).catch(() => null))?.stored ?? [],
      },
      events,
    );
    return [{ streamId: residentStream(residentId), events: newEvents(events, metadata, eventIds), expected: 'no_stream' }, ...claims];
  }

  /** The resident's stream exists already: the first answer to a repeated request, or why not. */
  private async registeredBefore(registration: Registration, registered: LedgerEvent): Promise<Written> {
    const { caller, residentId, idempotencyKey = null } = registration;
    const history = await this.ledger.load(caller.organisationId, residentId);
    if (idempotencyKey === null) throw new ResidentFailure('CONCURRENT_CHANGE', 'The resident was registered meanwhile.');
    if (!isDeepStrictEqual(history.stored[0]!.data, registered.data))
      throw new ResidentFailure('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another resident.');
    return { residentId, eventIds: [history.stored[0]!.eventId], version: 1 };
  }

  /** Drops what this process keeps of the resident's stream (after an erasure). */
  forget(residentId: string): void {
    this.ledger.forget(residentId);
  }

  private metadata({ caller, correlationId }: Author): EventMetadata {
    return { recordedBy: recordedBy(caller), organisationId: caller.organisationId, correlationId, causationId: null };
  }
}

function decided(commands: readonly ResidentCommand[], history: ResidentHistory['fold'] | []): LedgerEvent[] {
  const decision = decideAll(commands, history);
  if (!decision.ok) throw ResidentFailure.rejected(decision.rejection, decision.at);
  return decision.events;
}

function newEvents(events: readonly NewFact[], metadata: EventMetadata, eventIds?: readonly string[]) {
  return events.map((event, index) => ({
    eventId: eventIds?.[index] ?? newEventId(),
    type: event.type,
    occurredOn: event.occurredOn,
    data: event.data,
    metadata,
  }));
}
