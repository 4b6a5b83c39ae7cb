/**
 * A registration with the same name (any order of its words, accents and case aside), date of
 * birth and nationality as an open resident of the organisation is probably the same person:
 * 409 POSSIBLE_DUPLICATE naming the other resident, unless the caller confirms (`?confirm=true`).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { possibleDuplicate, type RegistrationKey } from '@zairyu/read-model';
import { DATA_SOURCE, PROJECTION } from '../bootstrap/tokens.js';
import type { ProjectionHandle } from '../projection/read-your-writes.js';
import { ResidentFailure } from './resident-failure.js';

@Injectable()
export class PossibleDuplicates {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
  ) {}

  async refuse(organisationId: string, registration: RegistrationKey, ownId: string): Promise<void> {
    await this.projection.caughtUp(organisationId);
    const other = await possibleDuplicate(this.dataSource, organisationId, registration, ownId);
    if (other === null) return;
    throw new ResidentFailure(
      'POSSIBLE_DUPLICATE',
      `${other.fullName} (${other.residentId}) has the same name, date of birth and nationality. Register with ?confirm=true if this is another person.`,
      { duplicateOf: other.residentId },
    );
  }
}
