/**
 * The caseload list and search, from the read model: any word of a name (normalised, see
 * libs/read-model search-text.ts), the katakana reading, an external reference or a card
 * number (current or past), with the list filters of docs/api-v1.md.
 */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { sswPanelAsOf, statusFromTimeline, type LocalDate } from '@zairyu/domain';
import {
  deadlineRowView,
  nextDeadlineRows,
  ReadModelSeal,
  residentPage,
  type ResidentFilters,
  type ResidentProfile,
} from '@zairyu/read-model';
import { DATA_SOURCE, PROJECTION } from '../bootstrap/tokens.js';
import { DisplayNames } from '../people/index.js';
import type { ProjectionHandle } from '../projection/index.js';
import { pendingAsOf, summaryOf, type ResidentSummary } from './resident-views.js';

type ListedResident = ResidentSummary & ResidentProfile & { assignedToName: string | null };

export class ListResidents extends Query<{ items: ListedResident[]; total: number }> {
  constructor(
    readonly organisationId: string,
    readonly filters: ResidentFilters,
    readonly page: number,
    readonly pageSize: number,
    readonly asOf: LocalDate,
  ) {
    super();
  }
}

const EMPTY_PROFILE: ResidentProfile = {
  nameKana: null,
  nameNative: null,
  passportNumber: null,
  passportExpiresOn: null,
  phone: null,
  email: null,
  employer: null,
};

@QueryHandler(ListResidents)
export class ListResidentsHandler implements IQueryHandler<ListResidents> {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
    private readonly names: DisplayNames,
    private readonly seal: ReadModelSeal,
  ) {}

  async execute({ organisationId, filters, page, pageSize, asOf }: ListResidents) {
    await this.projection.caughtUp(organisationId);
    const { rows, total } = await residentPage(this.dataSource, this.seal, organisationId, filters, asOf, page, pageSize);
    const next = await nextDeadlineRows(
      this.dataSource,
      organisationId,
      rows.map((row) => row.resident_id),
      asOf,
    );
    const nextByResident = new Map(
      next.map((row) => {
        const { residentName: _name, ...deadline } = deadlineRowView(row, asOf);
        return [row.resident_id, { ...deadline, residentId: row.resident_id }];
      }),
    );
    // The person in charge by name, so that a list of people with the same name can be told apart.
    const assignees = await this.names.of(
      organisationId,
      rows.flatMap((row) => (row.assigned_to ? [`user:${row.assigned_to}`] : [])),
    );
    const items = rows.map((row) => ({
      ...summaryOf(
        {
          residentId: row.resident_id,
          fullName: row.full_name,
          dateOfBirth: row.date_of_birth,
          nationality: row.nationality,
          gender: row.gender,
          externalRef: row.external_ref,
          notes: row.notes,
          assignedTo: row.assigned_to,
        },
        row.version,
        { ...statusFromTimeline(row.status_timeline, asOf), residentId: row.resident_id },
        nextByResident.get(row.resident_id) ?? null,
        {
          profile: { ...EMPTY_PROFILE, ...row.profile },
          closed: row.closed,
          pendingApplication: pendingAsOf(row.pending_application, asOf),
        },
      ),
      ssw: row.ssw_panel === null ? null : sswPanelAsOf(row.ssw_panel, asOf),
      assignedToName: row.assigned_to ? (assignees.get(`user:${row.assigned_to}`) ?? null) : null,
    }));
    return { items, total };
  }
}
