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
import { employerNames, employerSpellings, OrganisationRegistrations } from '../employers/index.js';
import { DisplayNames } from '../people/index.js';

export type DeadlineFilter = CaseloadDeadlineFilter;

/** A caseload row: the deadline, the employer's name for an employer's filing, and who is in charge of the resident. */
export type CaseloadDeadlineView = DeadlineRowView & { employerName?: string; assignedTo: string | null; assignedToName: string | null };

export class ListDeadlines extends Query<{ items: CaseloadDeadlineView[]; total: number }> {
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
    private readonly people: DisplayNames,
    private readonly registrations: OrganisationRegistrations,
  ) {}

  async execute({ organisationId, filter }: ListDeadlines) {
    await this.projection.caughtUp(organisationId);
    const own = await this.registrations.deadlinesOf(organisationId);
    // One employer, however its filings name it: the record's id or the name typed before the record.
    const employer =
      typeof filter.employer === 'string' ? await employerSpellings(this.dataSource, organisationId, filter.employer) : filter.employer;
    const { rows, total } = await caseloadDeadlinePage(this.dataSource, this.seal, organisationId, { ...filter, employer }, own);
    const [names, people] = await Promise.all([
      employerNames(
        this.dataSource,
        organisationId,
        rows.map((row) => row.employer),
      ),
      this.people.of(
        organisationId,
        rows.flatMap((row) => (row.assigned_to ? [`user:${row.assigned_to}`] : [])),
      ),
    ]);
    // An employer's filing shows the employer's name beside its record id (the board groups by it);
    // every row names who is in charge of its resident (the board's 担当者 filter and column).
    const items = rows.map((row): CaseloadDeadlineView => {
      const view = deadlineRowView(row, filter.asOf);
      const assignedTo = row.assigned_to ?? null;
      const assignee = { assignedTo, assignedToName: assignedTo === null ? null : (people.get(`user:${assignedTo}`) ?? null) };
      return view.employer == null
        ? { ...view, ...assignee }
        : { ...view, employerName: names.get(view.employer) ?? view.employer, ...assignee };
    });
    return { items, total };
  }
}
