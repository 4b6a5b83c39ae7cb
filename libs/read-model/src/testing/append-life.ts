/**
 * Writes a resident's life (built through the domain's decider) to a real event store, with
 * the uuids the store and read models use.
 */
import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@zairyu/domain';
import type { EventStore } from '@zairyu/event-store';
import { residentStream } from '@zairyu/resident-streams';

let cardCounter = 0;

/** Card numbers are unique within an organisation: give each written life numbers of its own. */
function renumberCards(data: Record<string, unknown>, numbers: Map<string, string>): Record<string, unknown> {
  const renumber = (number: string) => {
    if (!numbers.has(number)) numbers.set(number, `${number.slice(0, 2)}${String(++cardCounter).padStart(8, '0')}${number.slice(-2)}`);
    return numbers.get(number)!;
  };
  const card = data['card'] as { number: string } | undefined;
  return {
    ...data,
    ...(card ? { card: { ...card, number: renumber(card.number) } } : {}),
    ...(typeof data['number'] === 'string' ? { number: renumber(data['number']) } : {}),
  };
}

export async function appendLife(
  store: EventStore,
  organisationId: string,
  life: readonly RecordedEvent[],
  residentId: string = randomUUID(),
): Promise<string> {
  const ids = new Map(life.map((event) => [event.eventId, randomUUID()]));
  const numbers = new Map<string, string>();
  const events = life.map((event) => {
    let data = renumberCards(event.data as Record<string, unknown>, numbers);
    if (event.type === 'ResidentRegistered') data = { ...data, residentId };
    if (event.type === 'EventRetracted') data = { ...data, eventId: ids.get(String(data['eventId'])) };
    return {
      eventId: ids.get(event.eventId)!,
      type: event.type,
      occurredOn: event.occurredOn,
      data,
      metadata: { recordedBy: 'test', organisationId, correlationId: randomUUID(), causationId: null },
    };
  });
  await store.append(residentStream(residentId), events, 'no_stream');
  return residentId;
}
