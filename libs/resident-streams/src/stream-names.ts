/** One stream per resident (docs/architecture.md): `resident-<uuid>`. */
export const RESIDENT_STREAM_PREFIX = 'resident-';

export function residentStream(residentId: string): string {
  return `${RESIDENT_STREAM_PREFIX}${residentId}`;
}

export function residentIdOfStream(streamId: string): string | null {
  return streamId.startsWith(RESIDENT_STREAM_PREFIX) ? streamId.slice(RESIDENT_STREAM_PREFIX.length) : null;
}

/** The reservation of a card number within one organisation (two organisations may track one person). */
export function cardReservationStream(organisationId: string, cardNumber: string): string {
  return `card-${organisationId}-${cardNumber}`;
}
