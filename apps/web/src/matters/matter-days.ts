/** How long a matter has been open: from the filing when filed (the bureau's review), else from the acceptance. */
import { daysBetween } from '../dates/format-date';

export interface MatterDates {
  acceptedOn: string;
  filing: { filedOn: string } | null;
}

export function daysPending(matter: MatterDates, today: string): number {
  return Math.max(0, daysBetween(matter.filing?.filedOn ?? matter.acceptedOn, today));
}

/** The earliest of the office's request deadline and the checklist's own due days still open. */
export function nextDeadline(matter: { nextRequestDueOn: string | null; missing: readonly { dueOn: string | null }[] }): string | null {
  const days = [matter.nextRequestDueOn, ...matter.missing.map((item) => item.dueOn)].filter((day): day is string => day !== null);
  return days.sort()[0] ?? null;
}
