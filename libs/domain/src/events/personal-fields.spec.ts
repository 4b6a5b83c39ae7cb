import { describe, expect, it } from '@jest/globals';
import { DATA_RULES } from './event-validation.js';
import { EVENT_TYPES } from './events.js';
import type { JsonSchema } from './field-rules.js';
import { DATA_KEEPING, type FieldKeeping } from './personal-fields.js';

/** The object fields a schema may hold (an object, or one of several shapes). */
function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const own = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const alternatives = [...((schema['oneOf'] ?? []) as JsonSchema[]), ...((schema['anyOf'] ?? []) as JsonSchema[])];
  return Object.assign({}, own, ...alternatives.map(propertiesOf));
}

/** Every field path of the rules that is not declared sealed or plain, or declared plain while it holds fields of its own. */
function undeclared(path: string, schema: JsonSchema, keeping: FieldKeeping | undefined): string[] {
  if (keeping === undefined) return [path];
  if (keeping === 'sealed') return [];
  const fields = propertiesOf(schema);
  if (keeping === 'plain') return Object.keys(fields).length > 0 ? [`${path} (an object: declare each of its fields)`] : [];
  return [
    ...Object.entries(fields).flatMap(([field, fieldSchema]) => undeclared(`${path}.${field}`, fieldSchema, keeping[field])),
    ...Object.keys(keeping)
      .filter((field) => !Object.hasOwn(fields, field))
      .map((field) => `${path}.${field} (declared, but no such field)`),
  ];
}

describe('personal fields of the events', () => {
  it('declares every field of every event type sealed or plain, nested fields included', () => {
    const missing = EVENT_TYPES.flatMap((type) => {
      const schema: JsonSchema = {
        type: 'object',
        properties: Object.fromEntries(Object.entries(DATA_RULES[type]).map(([field, rule]) => [field, rule.check.schema])),
      };
      return undeclared(type, schema, DATA_KEEPING[type]);
    });
    expect(missing).toEqual([]);
  });

  it('would catch a new field that is declared neither way', () => {
    const schema: JsonSchema = { type: 'object', properties: { card: { type: 'object', properties: { number: {}, chip: {} } } } };
    expect(undeclared('X', schema, { card: { number: 'sealed' } })).toEqual(['X.card.chip']);
    expect(undeclared('X', schema, { card: 'plain' })).toEqual(['X.card (an object: declare each of its fields)']);
    expect(undeclared('X', { type: 'object', properties: { remark: {} } }, {})).toEqual(['X.remark']);
  });

  it('seals what can name or reach the person: names, contact, card and passport numbers, free text, the employer', () => {
    expect(DATA_KEEPING.CardIssued).toMatchObject({ card: { number: 'sealed', expiresOn: 'plain' }, reason: 'plain' });
    expect(DATA_KEEPING.EventRetracted).toEqual({ eventId: 'plain', reason: 'sealed' });
    expect(DATA_KEEPING.DetailsCorrected).toMatchObject({ reason: 'sealed', fields: { fullName: 'sealed', externalRef: 'sealed' } });
    expect(DATA_KEEPING.AffiliationChanged).toMatchObject({ organisation: 'sealed', employer: 'sealed' });
    expect(DATA_KEEPING.ResidentRegistered).toMatchObject({ externalRef: 'sealed', employer: 'sealed', nationality: 'plain' });
  });
});
