/**
 * "The same person", decided here for registering and for the caseload import alike: a
 * registration with the same name (any order of its words, accents and case aside), date of
 * birth and nationality as an open resident of the organisation is probably that resident.
 * Registering answers 409 POSSIBLE_DUPLICATE naming the other resident, unless the caller
 * confirms (`?confirm=true`); the import matches a row without a reference to that resident.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { personKey, ReadModelSeal, samePeople, type RegistrationKey, type SamePerson } from '@zairyu/read-model';
import { DATA_SOURCE, PROJECTION } from '../bootstrap/tokens.js';
import type { ProjectionHandle } from '../projection/index.js';
import { ResidentFailure } from './resident-failure.js';

/** The open resident each of a batch's people may be (the first registered), by `personKey`. */
export type SamePeople = ReadonlyMap<string, SamePerson>;

@Injectable()
export class PossibleDuplicates {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
    private readonly seal: ReadModelSeal,
  ) {}

  async refuse(organisationId: string, registration: RegistrationKey, ownId: string): Promise<void> {
    await this.projection.caughtUp(organisationId);
    const found = await samePeople(this.dataSource, this.seal, organisationId, [registration]);
    const other = found.get(personKey(registration))?.find((candidate) => candidate.residentId !== ownId);
    if (other === undefined) return;
    throw new ResidentFailure(
      'POSSIBLE_DUPLICATE',
      `${other.fullName} (${other.residentId}) has the same name, date of birth and nationality. Register with ?confirm=true if this is another person.`,
      { duplicateOf: other.residentId },
    );
  }

  /** For a batch of people at once (the projection caught up by the caller). */
  async among(organisationId: string, people: readonly RegistrationKey[]): Promise<SamePeople> {
    const found = await samePeople(this.dataSource, this.seal, organisationId, people);
    return new Map([...found].map(([key, residents]) => [key, residents[0]!]));
  }
}

export { personKey };
