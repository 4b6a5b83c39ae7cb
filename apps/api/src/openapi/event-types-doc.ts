/**
 * The event types as a table for the OpenAPI description (the schemas `<Type>Event` carry
 * the full rules), read off the domain's schema of each type's data.
 */
import { RECORDABLE_EVENT_TYPES, eventDataSchema } from '@zairyu/domain';

export function eventTypesDocumentation(): string {
  const rows = RECORDABLE_EVENT_TYPES.map((type) => {
    const schema = eventDataSchema(type) as { properties: Record<string, unknown>; required?: string[] };
    const fields = Object.keys(schema.properties).map((name) => `\`${name}\`${schema.required?.includes(name) ? '' : '?'}`);
    return `| \`${type}\` | ${fields.length === 0 ? '—' : fields.join(', ')} |`;
  });
  return ['### Event types (POST /v1/residents/{id}/events)', '', '| type | data |', '|---|---|', ...rows].join('\n');
}
