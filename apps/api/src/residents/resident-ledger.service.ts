/**
 * Loads one resident's stream for the caller's organisation. A stream of another
 * organisation is reported exactly like a missing one (404), so ids reveal nothing: the
 * owner is read first from the registration alone (one indexed row, whatever the stream's
 * length), and only the owner's streams are read further, so another organisation's long
 * stream costs what a missing one does. The owner's stream comes with its fold, kept between
 * requests and brought up to date with the events recorded since (kept-folds.ts), so a long
 * stream is neither read nor folded whole again.
 */
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@zairyu/event-store';
import { erasureOf, KeptFolds, residentStream } from '@zairyu/resident-streams';
import type { RecordedEvent, ResidentFold } from '@zairyu/domain';
import { KEPT_FOLDS } from '../bootstrap/tokens.js';
import { notFound } from '../http/problem.js';
import { ResidentFailure } from './resident-failure.js';
import { residentIdParam } from '../http/query-params.js';

export interface ResidentHistory {
  residentId: string;
  stored: readonly StoredEvent[];
  events: readonly RecordedEvent[];
  /** The domain's fold of `events`: read states and check new facts with it, not by folding `events` again. */
  fold: ResidentFold;
  version: number;
}

@Injectable()
export class ResidentLedger {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEPT_FOLDS) private readonly folds: KeptFolds,
  ) {}

  /**
   * An erased resident (PersonalDataErased) answers 410 RESIDENT_ERASED: nothing can be shown or
   * recorded of them, except their history's types and dates (`withErased`).
   */
  async load(organisationId: string, residentId: string, { withErased = false } = {}): Promise<ResidentHistory> {
    const id = residentIdParam(residentId);
    const stream = residentStream(id);
    const [registration] = await this.store.readStream(stream, { maxCount: 1 });
    if (registration?.metadata.organisationId !== organisationId) throw notFound('Resident');
    const { stored, fold, version } = await this.folds.current(this.store, stream, registration);
    const erasure = erasureOf(stored);
    if (erasure && !withErased) {
      const detail = `The personal data of this resident was erased on ${erasure.occurredOn}; only the history's dates and types remain.`;
      throw new ResidentFailure('RESIDENT_ERASED', detail);
    }
    return { residentId: id, stored, events: fold.events, fold, version };
  }

  /** Drops what this process keeps of the resident's stream (after an erasure). */
  forget(residentId: string): void {
    this.folds.drop(residentStream(residentId));
  }
}
