/**
 * The caseload's deadlines, from the read model, in due order (docs/api-v1.md "Deadlines"), with
 * the organisation's own deadlines (`residentId: null`, docs/ssw-duties.md §7) among them, filtered
 * and paged in one query.
 */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import {
  caseloadDeadlinePage,
  deadlineRowView,
  ReadModelSeal,
  type CaseloadDeadlineFilter,
  type DeadlineRowView,
} from '@zairyu/read-model';
import { DATA_SOURCE, PROJECTION } from '../bootstrap/tokens.js';
import type { ProjectionHandle } from '../projection/index.js';
import { employerNames, OrganisationRegistrations } from '../employers/index.js';

export type DeadlineFilter = CaseloadDeadlineFilter;

export class ListDeadlines extends Query<{ items: Array<DeadlineRowView & { employerName?: string }>; total: number }> {
  constructor(
    readonly organisationId: string,
    readonly filter: DeadlineFilter,
  ) {
    super();
  }
}

@QueryHandler(ListDeadlines)
export class ListDeadlinesHandler implements IQueryHandler<ListDeadlines> {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
    private readonly seal: ReadModelSeal,
    private readonly registrations: OrganisationRegistrations,
  ) {}

  async execute({ organisationId, filter }: ListDeadlines) {
    await this.projection.caughtUp(organisationId);
    const own = (await this.registrations.deadlinesOf(organisationId)) ?? [];
    const { rows, total } = await caseloadDeadlinePage(this.dataSource, this.seal, organisationId, filter, own);
    const names = await employerNames(
      this.dataSource,
      organisationId,
      rows.map((row) => row.employer),
    );
    // An employer's filing shows the employer's name beside its record id (the board groups by it).
    const items = rows.map((row) => {
      const view = deadlineRowView(row, filter.asOf);
      return view.employer == null ? view : { ...view, employerName: names.get(view.employer) ?? view.employer };
    });
    return { items, total };
  }
}
