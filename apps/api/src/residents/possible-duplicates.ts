/**
 * A registration with the same name (any order of its words, accents and case aside), date of
 * birth and nationality as an open resident of the organisation is probably the same person:
 * 409 POSSIBLE_DUPLICATE naming the other resident, unless the caller confirms (`?confirm=true`).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { nameKey } from '@zairyu/read-model';
import { DATA_SOURCE, PROJECTION } from '../bootstrap/tokens.js';
import type { ProjectionHandle } from '../projection/read-your-writes.js';
import { problem, ProblemException } from '../http/problem.js';

export interface RegistrationKey {
  fullName: string;
  dateOfBirth: string;
  nationality: string;
}

@Injectable()
export class PossibleDuplicates {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
  ) {}

  async refuse(organisationId: string, registration: RegistrationKey, ownId: string): Promise<void> {
    await this.projection.caughtUp(organisationId);
    const rows: Array<{ resident_id: string; full_name: string }> = await this.dataSource.query(
      `SELECT resident_id, full_name FROM read_model.resident_summary
       WHERE organisation_id = $1 AND date_of_birth = $2::date AND name_key = $3 AND nationality = $4 AND NOT closed
         AND resident_id <> $5::uuid
       ORDER BY registered_at LIMIT 1`,
      [organisationId, registration.dateOfBirth, nameKey(registration.fullName), registration.nationality, ownId],
    );
    const other = rows[0];
    if (other === undefined) return;
    throw new ProblemException({
      ...problem(
        409,
        `${other.full_name} (${other.resident_id}) has the same name, date of birth and nationality. Register with ?confirm=true if this is another person.`,
        { code: 'POSSIBLE_DUPLICATE' },
      ),
      duplicateOf: other.resident_id,
    } as never);
  }
}
