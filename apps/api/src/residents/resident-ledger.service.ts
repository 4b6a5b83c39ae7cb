/**
 * Loads one resident's stream for the caller's organisation. A stream of another
 * organisation is reported exactly like a missing one (404), so ids reveal nothing.
 */
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@zairyu/event-store';
import { residentStream, toRecordedEvents } from '@zairyu/resident-streams';
import type { RecordedEvent } from '@zairyu/domain';
import { notFound } from '../http/problem.js';
import { residentIdParam } from '../http/query-params.js';

export interface ResidentHistory {
  residentId: string;
  stored: StoredEvent[];
  events: RecordedEvent[];
  version: number;
}

@Injectable()
export class ResidentLedger {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(organisationId: string, residentId: string): Promise<ResidentHistory> {
    const id = residentIdParam(residentId);
    const stored = await this.store.readStream(residentStream(id));
    if (stored[0]?.metadata.organisationId !== organisationId) throw notFound('Resident');
    return { residentId: id, stored, events: toRecordedEvents(stored), version: stored.at(-1)!.version };
  }
}
