/**
 * The JSON Schema of each event body, read off the same rules that check it (DATA_RULES), so
 * a type added to the domain is documented with no other change. Rules between fields, which
 * JSON Schema does not say, are given in words (they are checked by crossFieldErrors).
 */
import { STATUS_CATALOGUE, STATUS_CODES } from '../status-catalogue.js';
import { DATA_RULES } from './event-validation.js';
import { date, object, type JsonSchema } from './field-rules.js';
import type { EventType } from './events.js';

const INDEFINITE = STATUS_CODES.filter((code) => STATUS_CATALOGUE[code].indefinite).join(', ');
const PERIOD_NEEDED = `periodExpiresOn is required, except for a status with no period (${INDEFINITE}), where it must be absent.`;

const BETWEEN_FIELDS: Partial<Record<EventType, string>> = {
  StatusChangeGranted: PERIOD_NEEDED,
  StatusAcquisitionGranted: PERIOD_NEEDED,
  Departed: 'permitExpiresOn is given exactly when reentry is "permit".',
  ExtraActivityPermitted: 'hoursPerWeek, if given for a comprehensive permission, is 28.',
};

/** The `data` of one event type. */
export function eventDataSchema(type: EventType): JsonSchema {
  return object(DATA_RULES[type], BETWEEN_FIELDS[type]).schema;
}

/** `{ type, occurredOn, data }` of one event type; `data` may be left out when it has no required field. */
export function eventSchema(type: EventType): JsonSchema {
  const data = eventDataSchema(type);
  const dataRequired = Array.isArray(data['required']) && data['required'].length > 0;
  return {
    type: 'object',
    additionalProperties: false,
    required: dataRequired ? ['type', 'occurredOn', 'data'] : ['type', 'occurredOn'],
    properties: {
      type: { type: 'string', enum: [type] },
      occurredOn: { ...date.schema, description: 'The legal date of the fact (Japan time); not in the future, not before birth.' },
      data,
    },
  };
}

/** The registration body: ResidentRegistered's data without the id, which the ledger gives. */
export function registrationSchema(): JsonSchema {
  const { residentId: _id, ...rules } = DATA_RULES.ResidentRegistered;
  return object(rules).schema;
}
