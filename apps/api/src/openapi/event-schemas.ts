/**
 * Event bodies in the document, generated from the domain's rules: `<Type>Event` as POST
 * /events takes it, `<Type>Record` as the history shows it, and the unions of each with a
 * discriminator on `type` (RecordEvent, EventRecord). A new event type needs nothing here.
 */
import type { SchemaObject } from '@nestjs/swagger';
import { EVENT_TYPES, RECORDABLE_EVENT_TYPES, eventSchema, type EventType } from '@zairyu/domain';
import { INSTANT, ref } from './schema-ref.js';

const RECORD_FIELDS = {
  eventId: { type: 'string', format: 'uuid' },
  version: { type: 'integer', minimum: 1, description: 'Position in the resident’s stream (1 is the registration).' },
  recordedAt: INSTANT,
  recordedBy: { type: 'string', description: 'The key (or user) that recorded it.' },
  recordedByName: { type: 'string', nullable: true, description: 'The name of the person of the organisation who recorded it.' },
  retracted: { type: 'boolean', description: 'Withdrawn by a later EventRetracted.' },
  namedPeople: {
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The names of the people of the organisation that `data` names by user id (assignedTo), by id.',
  },
};

function union(types: readonly EventType[], suffix: string, description: string): SchemaObject {
  return {
    description,
    oneOf: types.map((type) => ref(`${type}${suffix}`)),
    discriminator: { propertyName: 'type', mapping: Object.fromEntries(types.map((type) => [type, ref(`${type}${suffix}`).$ref])) },
  };
}

export function eventSchemas(): Record<string, SchemaObject> {
  const schemas: Record<string, SchemaObject> = {};
  for (const type of EVENT_TYPES) {
    const event = eventSchema(type) as SchemaObject;
    schemas[`${type}Event`] = event;
    schemas[`${type}Record`] = {
      ...event,
      required: ['type', 'occurredOn', 'data', ...Object.keys(RECORD_FIELDS)],
      properties: { ...event.properties, ...RECORD_FIELDS },
    };
  }
  schemas['RecordEvent'] = union(RECORDABLE_EVENT_TYPES, 'Event', 'A fact to record; `type` says which, and fixes the shape of `data`.');
  schemas['EventRecord'] = union(EVENT_TYPES, 'Record', 'A recorded fact with who recorded it and when.');
  return schemas;
}
