/**
 * What the fold takes on trust from the stored log. Events are checked once, at the API's edge
 * (event-validation.ts), but a row written or damaged past it (a migration, a hand-made repair, a
 * restore) reaches the fold as it is. The fold's date arithmetic assumes real dates: with a
 * `periodExpiresOn` of "never", a day stepped towards it is never reached (every digit sorts
 * before a letter) and the fold never ends; a `data` of null throws a TypeError from deep inside.
 *
 * So every stored event is checked for the shape the fold relies on before it is folded, and
 * one that does not have it stops the fold with an UnreadableEventError naming it (the
 * projector quarantines the resident, the API answers RESIDENT_UNREADABLE). Only the shape is
 * checked, not the wording rules of texts (those change over time, and an erased personal value
 * reads as null): dates are dates, codes are codes, numbers are numbers, objects are objects.
 */
import { isLocalDate } from '../calendar/local-date.js';
import { DATA_RULES } from '../events/event-validation.js';
import { EVENT_TYPES, type EventType, type RecordedEvent } from '../events/events.js';
import type { JsonSchema } from '../events/field-rules.js';

/** A stored event the fold cannot read; `field` is where (`data.periodExpiresOn`, …). */
export class UnreadableEventError extends Error {
  constructor(
    readonly eventId: string,
    readonly eventType: string,
    readonly field: string,
    reason: string,
  ) {
    super(`Stored event ${eventId} (${eventType}) cannot be folded: ${field} ${reason}.`);
    this.name = 'UnreadableEventError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const DATA_SCHEMAS = new Map(
  EVENT_TYPES.map((type) => [
    type,
    {
      type: 'object',
      properties: Object.fromEntries(Object.entries(DATA_RULES[type]).map(([key, rule]) => [key, rule.check.schema])),
      required: Object.entries(DATA_RULES[type])
        .filter(([, rule]) => !rule.optional)
        .map(([key]) => key),
    } satisfies JsonSchema,
  ]),
);

/** The first place where `value` lacks the shape of `schema` and why, or null. A text erased (null) or of any wording passes. */
function fault(schema: JsonSchema, value: unknown, path: string): [string, string] | null {
  if (value === null && schema['type'] === 'string') return null;
  const enumeration = schema['enum'] as readonly unknown[] | undefined;
  if (enumeration !== undefined) return enumeration.includes(value) ? null : [path, `is not one of its codes (${JSON.stringify(value)})`];
  switch (schema['type']) {
    case 'string':
      if (schema['format'] === 'date') return isLocalDate(value) ? null : [path, `is not a calendar date (${JSON.stringify(value)})`];
      return typeof value === 'string' ? null : [path, 'is not a text'];
    case 'boolean':
      return typeof value === 'boolean' ? null : [path, 'is not true or false'];
    case 'integer': {
      const [min, max] = [schema['minimum'] as number, schema['maximum'] as number];
      return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
        ? null
        : [path, `is not a whole number from ${min} to ${max}`];
    }
    case 'array': {
      if (!Array.isArray(value)) return [path, 'is not a list'];
      for (const [index, item] of value.entries()) {
        const found = fault(schema['items'] as JsonSchema, item, `${path}[${index}]`);
        if (found !== null) return found;
      }
      return null;
    }
    case 'object': {
      if (!isRecord(value)) return [path, 'is not an object'];
      const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
      for (const key of (schema['required'] ?? []) as string[]) if (value[key] === undefined) return [`${path}.${key}`, 'is missing'];
      for (const [key, property] of Object.entries(properties)) {
        if (value[key] === undefined) continue;
        const found = fault(property, value[key], `${path}.${key}`);
        if (found !== null) return found;
      }
      return null;
    }
    default:
      // A schema the fold has no reading of (oneOf of shapes, …): left to the fold's own guard.
      return null;
  }
}

/** Throws UnreadableEventError unless `event` has the shape the fold relies on. */
export function assertFoldable(event: RecordedEvent): void {
  const stored = event as { eventId?: unknown; type?: unknown; occurredOn?: unknown; data?: unknown };
  const id = String(stored.eventId);
  const type = String(stored.type);
  const schema = DATA_SCHEMAS.get(stored.type as EventType);
  if (schema === undefined) throw new UnreadableEventError(id, type, 'type', 'is no event type the ledger knows');
  if (!isLocalDate(stored.occurredOn))
    throw new UnreadableEventError(id, type, 'occurredOn', `is not a calendar date (${JSON.stringify(stored.occurredOn)})`);
  const found = fault(schema, stored.data, 'data');
  if (found !== null) throw new UnreadableEventError(id, type, found[0], found[1]);
}

/**
 * `fold()`, with anything it throws on a stored event's account (a shape the check above lets
 * through, such as two fields that contradict each other) made an UnreadableEventError naming it.
 */
export function foldingEvent<T>(event: RecordedEvent, fold: () => T): T {
  try {
    return fold();
  } catch (error) {
    if (error instanceof UnreadableEventError || !(error instanceof TypeError || error instanceof RangeError)) throw error;
    throw new UnreadableEventError(String(event.eventId), String(event.type), 'data', `cannot be folded (${error.message})`);
  }
}
