/**
 * A matter as the API shows it: its facts, its stage as of a day (from its own facts and the
 * resident's), what is still missing, and the resident's name. The resident's facts are read
 * through the ResidentLedger, so an erased resident's matter shows no name and no facts of theirs.
 */
import { Injectable } from '@nestjs/common';
import {
  END_OF_TIME,
  factsInLegalOrder,
  MATTER_KIND_CATALOGUE,
  MATTER_STAGE_LABELS,
  matterProgress,
  stampFees,
  type FilingChannel,
  type LocalDate,
  type Matter,
  type MatterProgress,
  type RecordedEvent,
  type StampFeeAnswer,
} from '@zairyu/domain';
import { ResidentFailure, ResidentLedger, type ResidentHistory } from '../residents/index.js';

export interface MatterView extends Omit<Matter, 'decided'> {
  kindLabel: string;
  stage: MatterProgress['stage'];
  stageLabel: string;
  result: MatterProgress['result'];
  missing: MatterProgress['missing'];
  nextRequestDueOn: LocalDate | null;
  openRequests: MatterProgress['openRequests'];
  residentName: string | null;
  /** The stamps a grant is paid with, by the filing's day and channel; null before the filing or for a kind that costs none. */
  stampFee: StampFeeAnswer | null;
}

/** What a matter needs of its resident: the facts and the name and address (for the register). */
export interface ResidentFacts {
  events: readonly RecordedEvent[];
  name: string | null;
  address: string | null;
}

const NO_FACTS: ResidentFacts = { events: [], name: null, address: null };

function residentFacts(history: ResidentHistory): ResidentFacts {
  const facts = factsInLegalOrder(history.events);
  const withAddress = facts.filter((fact) => typeof (fact.data as { address?: unknown }).address === 'string');
  return {
    events: history.events,
    name: history.fold.stateAsOf(END_OF_TIME).identity?.fullName ?? null,
    address: (withAddress.at(-1)?.data as { address?: string } | undefined)?.address ?? null,
  };
}

export function matterView(matter: Matter, resident: ResidentFacts, asOf: LocalDate): MatterView {
  const { decided: _decided, ...rest } = matter;
  const progress = matterProgress(matter, resident.events, asOf);
  return {
    ...rest,
    kindLabel: MATTER_KIND_CATALOGUE[matter.kind].ja,
    stage: progress.stage,
    stageLabel: MATTER_STAGE_LABELS[progress.stage],
    result: progress.result,
    missing: progress.missing,
    nextRequestDueOn: progress.nextRequestDueOn,
    openRequests: progress.openRequests,
    residentName: resident.name,
    stampFee: stampFeeOf(matter),
  };
}

function stampFeeOf(matter: Matter): StampFeeAnswer | null {
  if (matter.filing === null) return null;
  const answer = stampFees(matter.kind, matter.filing.channel as FilingChannel | null, matter.filing.filedOn);
  return answer.stamps.length === 0 ? null : answer;
}

@Injectable()
export class MatterResidents {
  constructor(private readonly ledger: ResidentLedger) {}

  /** The resident of a new matter: found in the caller's organisation, or a 404 (ResidentFailure). */
  async mustExist(organisationId: string, residentId: string): Promise<ResidentHistory> {
    return this.ledger.load(organisationId, residentId);
  }

  async factsOf(organisationId: string, residentIds: readonly string[]): Promise<Map<string, ResidentFacts>> {
    const loaded = await this.ledger.loadMany(organisationId, [...new Set(residentIds)]);
    const facts = new Map<string, ResidentFacts>();
    for (const id of residentIds) {
      const history = loaded.get(id);
      facts.set(id, history === undefined || history instanceof ResidentFailure ? NO_FACTS : residentFacts(history));
    }
    return facts;
  }
}
