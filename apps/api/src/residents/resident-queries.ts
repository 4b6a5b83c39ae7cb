/** Reads of one resident, answered from its stream (always up to date, read-your-writes). */
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LocalDate, ResidentStatus } from '@zairyu/domain';
import { DisplayNames } from '../people/index.js';
import { ResidentLedger } from './resident-ledger.service.js';
import type { DeadlineView } from '../deadlines/index.js';
import { eventList, residentDeadlines, residentStatus, residentSummary, type ResidentSummary } from './resident-views.js';

type View = 'summary' | 'status' | 'events' | 'deadlines';
type EventView = ReturnType<typeof eventList>[number] & { recordedByName: string | null };
type ViewResult = {
  summary: ResidentSummary & { assignedToName: string | null };
  status: ResidentStatus;
  events: EventView[];
  deadlines: DeadlineView[];
};

export class GetResident<V extends View> extends Query<ViewResult[V]> {
  constructor(
    readonly organisationId: string,
    readonly residentId: string,
    readonly view: V,
    readonly asOf: LocalDate,
  ) {
    super();
  }
}

@QueryHandler(GetResident)
export class GetResidentHandler implements IQueryHandler<GetResident<View>> {
  constructor(
    private readonly ledger: ResidentLedger,
    private readonly names: DisplayNames,
  ) {}

  async execute({ organisationId, residentId, view, asOf }: GetResident<View>): Promise<ViewResult[View]> {
    const history = await this.ledger.load(organisationId, residentId, { withErased: view === 'events' });
    switch (view) {
      case 'summary': {
        const summary = residentSummary(history, asOf);
        const names = await this.names.of(organisationId, summary.assignedTo ? [`user:${summary.assignedTo}`] : []);
        return { ...summary, assignedToName: summary.assignedTo ? (names.get(`user:${summary.assignedTo}`) ?? null) : null };
      }
      case 'status':
        return residentStatus(history, asOf);
      case 'events':
        return this.names.label(organisationId, eventList(history));
      case 'deadlines':
        return residentDeadlines(history, asOf);
    }
  }
}
