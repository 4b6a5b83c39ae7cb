/**
 * The matters' streams (docs/decisions/0006-matters-in-their-own-streams.md): one stream per matter,
 * `matter-<organisationId>-<matterId>`, and one index per organisation, `matters-<organisationId>`,
 * appended in the same write as a matter's acceptance. A matter of another organisation is not
 * found, as a missing one is (its stream name holds the caller's organisation). The domain decides
 * (libs/domain/src/matter/matter.ts); this writes what it decided with the version it decided on.
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  foldMatter,
  type LocalDate,
  type Matter,
  type MatterDecision,
  type MatterFailureCode,
  type RecordedMatterEvent,
} from '@zairyu/domain';
import { EVENT_STORE, newEventId, type EventMetadata, type EventStore, type StoredEvent } from '@zairyu/event-store';
import { recordedBy, type OrganisationCaller } from '../auth/principal.js';
import { isUuid } from '../http/query-params.js';
import { Failure, notFound } from '../failures/failure.js';

export const matterStream = (organisationId: string, matterId: string) => `matter-${organisationId}-${matterId}`;
export const matterIndexStream = (organisationId: string) => `matters-${organisationId}`;

export interface LoadedMatter {
  matter: Matter;
  version: number;
}

/** A refusal of the domain: a state that forbids it is a conflict, a wrong request a rule broken. */
const CONFLICTS: readonly MatterFailureCode[] = ['MATTER_CLOSED', 'ALREADY_FILED', 'ALREADY_DECIDED'];
export const MATTER_CONFLICT_CODES = CONFLICTS;
export const MATTER_RULE_CODES: readonly MatterFailureCode[] = [
  'NOT_FILED',
  'BEFORE_ACCEPTANCE',
  'UNKNOWN_CHECKLIST_ITEM',
  'NOT_THE_APPLICATION',
];

export function matterRefusal(code: MatterFailureCode, detail: string): Failure {
  return new Failure(CONFLICTS.includes(code) ? 'CONFLICT' : 'REFUSED', detail, { code });
}

const asMatterEvents = (stored: readonly StoredEvent[]) =>
  stored.map(
    (event) =>
      ({
        type: event.type,
        occurredOn: event.occurredOn,
        data: event.data,
        eventId: event.eventId,
        version: event.version,
      }) as RecordedMatterEvent,
  );

@Injectable()
export class MatterBook {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(organisationId: string, matterId: string): Promise<LoadedMatter> {
    if (!isUuid(matterId)) throw notFound('The matter');
    const stored = await this.store.readStream(matterStream(organisationId, matterId.toLowerCase()));
    const matter = foldMatter(asMatterEvents(stored));
    if (matter === null) throw notFound('The matter');
    return { matter, version: stored.at(-1)!.version };
  }

  /** Every matter of the organisation, in the order they were accepted. */
  async list(organisationId: string): Promise<Matter[]> {
    const index = await this.store.readStream(matterIndexStream(organisationId));
    const ids = index.map((event) => matterStream(organisationId, (event.data as { matterId: string }).matterId));
    const streams = await this.store.readStreams(ids);
    return ids.map((id) => foldMatter(asMatterEvents(streams.get(id) ?? []))).filter((matter): matter is Matter => matter !== null);
  }

  /** A new matter: its first facts and its line in the organisation's index, in one write. */
  async accept(caller: OrganisationCaller, correlationId: string, matterId: string, decision: MatterDecision): Promise<void> {
    const events = this.approved(decision);
    const metadata = this.metadata(caller, correlationId);
    await this.store.appendToStreams([
      { streamId: matterStream(caller.organisationId, matterId), events: this.envelopes(events, metadata), expected: 'no_stream' },
      {
        streamId: matterIndexStream(caller.organisationId),
        events: this.envelopes([{ type: 'MatterListed', occurredOn: events[0]!.occurredOn, data: { matterId } }], metadata),
        expected: 'any',
      },
    ]);
  }

  /**
   * Decides on the matter as it stands and appends with the version it was decided on; writers of
   * one matter take turns, so two marks of the checklist at once are both kept.
   */
  async change(
    caller: OrganisationCaller,
    correlationId: string,
    matterId: string,
    decide: (matter: Matter) => MatterDecision | Promise<MatterDecision>,
  ): Promise<LoadedMatter> {
    const stream = matterStream(caller.organisationId, matterId.toLowerCase());
    return this.store.serialised(stream, async () => {
      const { matter, version } = await this.load(caller.organisationId, matterId);
      const events = this.approved(await decide(matter));
      const written = await this.store.append(stream, this.envelopes(events, this.metadata(caller, correlationId)), version);
      return this.load(caller.organisationId, matterId).then((loaded) => ({ ...loaded, version: written.version }));
    });
  }

  private approved(decision: MatterDecision) {
    if (!decision.ok) throw matterRefusal(decision.code, decision.detail);
    return decision.events;
  }

  private metadata(caller: OrganisationCaller, correlationId: string): EventMetadata {
    return { recordedBy: recordedBy(caller), organisationId: caller.organisationId, correlationId, causationId: null };
  }

  private envelopes(events: ReadonlyArray<{ type: string; occurredOn: LocalDate | string; data: unknown }>, metadata: EventMetadata) {
    return events.map((event) => ({ eventId: newEventId(), type: event.type, occurredOn: event.occurredOn, data: event.data, metadata }));
  }
}
