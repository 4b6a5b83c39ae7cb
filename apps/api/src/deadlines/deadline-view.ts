import type { Deadline } from '@zairyu/domain';

/** A deadline as the API answers it: the domain's deadline with the resident it belongs to. */
export type DeadlineView = Deadline & { residentId: string };
