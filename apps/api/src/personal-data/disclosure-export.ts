/**
 * Everything the ledger holds about one person, as one JSON document: the answer to a
 * disclosure request (開示請求, APPI 33条). Recorded in the security log like every export.
 */
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { japanDateOf } from '@zairyu/domain';
import type { OrganisationCaller } from '../auth/principal.js';
import { SecurityLog } from '../people/index.js';
import { GetResident } from '../residents/index.js';

@Injectable()
export class DisclosureExport {
  constructor(
    private readonly queries: QueryBus,
    private readonly securityLog: SecurityLog,
  ) {}

  async of(caller: OrganisationCaller, residentId: string, now: Date, address: string | null) {
    const organisationId = caller.organisationId;
    const today = japanDateOf(now);
    const resident = await this.queries.execute(new GetResident(organisationId, residentId, 'summary', today));
    const [status, deadlines, events] = await Promise.all([
      this.queries.execute(new GetResident(organisationId, residentId, 'status', today)),
      this.queries.execute(new GetResident(organisationId, residentId, 'deadlines', today)),
      this.queries.execute(new GetResident(organisationId, residentId, 'events', today)),
    ]);
    await this.securityLog.exportMade(caller, address, `resident:${resident.id}`, { format: 'disclosure_json' });
    return { exportedAt: now.toISOString(), asOf: today, resident, status, deadlines, events };
  }
}
